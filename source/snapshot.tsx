// The dashboard as plain text, for pipes, files and CI: every pane one under
// the other, no alternate screen, no keys, no escape sequences without colour.
import {Box, renderToString, Text} from 'ink';
import type {FactDatabase} from './db/database.js';
import {Header} from './ui/chrome.js';
import {dashboardPanes} from './ui/layout.js';
import {PaneSlot} from './ui/pane-slot.js';
import type {Environment, PaneView} from './ui/state.js';
import {theme} from './ui/theme.js';

/** Rows printed per pane; the rest are one `kzrs export` away. */
const snapshotRowLimit = 50;
const chartHeight = 9;

export function snapshot(database: FactDatabase, environment: Environment, columns: number): string {
	const overview = database.overview();
	const panes = dashboardPanes.map((pane) => {
		const total = environment.count(pane, '');
		const listRows = Math.max(1, Math.min(total, snapshotRowLimit));
		// No row is selected in a snapshot.
		const view: PaneView = {selected: -1, offset: 0, filter: '', sort: -1, descending: false, total};
		const extra = (pane === 'memoranda' ? 1 : 0) + (pane === 'trade' ? chartHeight : 0);
		return (
			<Box key={pane} flexDirection="column">
				<PaneSlot
					database={database}
					environment={environment}
					pane={pane}
					view={view}
					focused={false}
					width={columns}
					height={listRows + 3 + extra}
					listRows={listRows}
					chartHeight={pane === 'trade' ? chartHeight : 0}
				/>
				{total > listRows && <Text color={theme.muted}>… {total - listRows} more rows: kzrs export {pane}</Text>}
			</Box>
		);
	});
	const tree = (
		<Box flexDirection="column" width={columns}>
			<Header overview={overview} width={columns} />
			{panes}
			<Text color={theme.muted}>{`${theme.symbols.visit} state visit day  ${theme.symbols.derived} derived  ${theme.symbols.disputed} sources disagree · run kzrs in a terminal for the dashboard`}</Text>
		</Box>
	);
	return `${renderToString(tree, {columns})}\n`;
}
