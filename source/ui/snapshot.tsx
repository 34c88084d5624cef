// The dashboard as plain text, for pipes, files and CI: every pane one under
// the other, no alternate screen, no keys, no escape sequences without colour.
import {Box, renderToString, Text} from 'ink';
import type {Panes} from '../panes/registry.js';
import {symbols} from '../text/symbols.js';
import type {FactViews} from '../views/fact-views.js';
import {Header} from './chrome.js';
import {paneHeight, summaryRows} from './layout.js';
import {PaneView} from './pane-view.js';
import type {PaneView as View} from './state.js';
import {type Theme, ThemeContext} from './theme.js';

/** Rows printed per pane; the rest are one `kzrs export` away. */
const snapshotRowLimit = 50;
/** Lines a pane's summary may take, as in a tall terminal. */
const summaryRoom = 18;

export function snapshot(views: FactViews, panes: Panes, columns: number, theme: Theme): string {
	const sections = panes.map((pane) => {
		const total = views.count(pane, '');
		const listRows = Math.max(1, Math.min(total, snapshotRowLimit));
		// No row is selected in a snapshot.
		const view: View = {selected: -1, offset: 0, filter: '', sort: -1, descending: false, total, growing: false};
		const summaryLines = summaryRows(pane, paneHeight(0, summaryRoom));
		return (
			<Box key={pane.id} flexDirection="column">
				<PaneView
					views={views}
					pane={pane}
					view={view}
					focused={false}
					width={columns}
					height={paneHeight(listRows, summaryLines)}
					listRows={listRows}
					summaryRows={summaryLines}
				/>
				{total > listRows && (
					<Text color={theme.muted}>
						… {total - listRows} more rows: kzrs export {pane.id}
					</Text>
				)}
			</Box>
		);
	});
	const tree = (
		<ThemeContext.Provider value={theme}>
			<Box flexDirection="column" width={columns}>
				<Header overview={views.overview()} width={columns} keys={false} />
				{sections}
				<Text
					color={theme.muted}
				>{`${symbols.visit} official visit day  ${symbols.derived} derived  ${symbols.disputed} sources disagree  ${symbols.honour} honour`}</Text>
				<Text color={theme.muted}>run kzrs in a terminal for the dashboard</Text>
			</Box>
		</ThemeContext.Provider>
	);
	return `${renderToString(tree, {columns})}\n`;
}
