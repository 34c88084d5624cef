// The lines around the panes: header, tab bar, footer with prompt or status
// and the keys that work in the current view, and the too-small notice.
import {Box, Text} from 'ink';
import type {Panes} from '../panes/registry.js';
import {fitColumns} from '../text/fit.js';
import {countText} from '../text/shown.js';
import {displayWidth} from '../text/width.js';
import type {LoadProgress, Overview} from '../views/fact-views.js';
import {type Binding, footerHints} from './keys.js';
import type {Size} from './layout.js';
import {paneOf, type State} from './state.js';
import {useTheme} from './theme.js';

/** The title line; `keys`: whether it points to the help (not in a snapshot, where no key works). */
export function Header({overview, width, keys = true}: {overview: Overview; width: number; keys?: boolean}) {
	const theme = useTheme();
	const span = overview.from && overview.to ? ` · ${overview.from} → ${overview.to}` : '';
	const help = width >= 100 ? '? help' : '?';
	const room = keys ? width - help.length - 2 : width;
	// A narrower terminal keeps the counts and the dates, then the dates, which say the most.
	const texts = [
		`kzrs · Kazakhstan–Serbia relations · ${overview.sources} sources in ${overview.languages} languages${span}`,
		`kzrs · ${overview.sources} sources, ${overview.languages} languages${span}`,
		`kzrs${span}`,
	];
	const text = texts.find((candidate) => displayWidth(candidate) <= room) ?? (texts.at(-1) as string);
	if (!keys)
		return (
			<Text bold color={theme.accent}>
				{fitColumns(text, width)}
			</Text>
		);
	return (
		<Text bold color={theme.accent}>
			{fitColumns(text, room)}
			<Text color={theme.muted}>{fitColumns(help, help.length + 2, 'right')}</Text>
		</Text>
	);
}

/**
 * The tabs, the focused one in brackets. Where the focused tab would fall
 * past the edge, the others show only their keys, so that it stays in view.
 */
function tabLine(panes: Panes, focus: string, width: number): string {
	const tabs = (titled: boolean) =>
		panes.map((pane) => (pane.id === focus ? `[${pane.key} ${pane.title}]` : titled ? ` ${pane.key} ${pane.title} ` : ` ${pane.key} `));
	const full = tabs(true);
	const throughFocus = full.slice(0, panes.findIndex((pane) => pane.id === focus) + 1).join(' ');
	return fitColumns((displayWidth(throughFocus) <= width ? full : tabs(false)).join(' '), width);
}

export function TabBar({panes, focus, width}: {panes: Panes; focus: string; width: number}) {
	return <Text aria-label={`Pane ${paneOf(panes, focus).title}`}>{tabLine(panes, focus, width)}</Text>;
}

/** Loading's estimate of the time left needs this share of the bytes read first. */
const estimateFrom = 0.02;

/** How far loading is: rows in, share of the bytes read, and the time left at the pace so far (computed, so it says "about"); shorter where the full line does not fit. */
export function loadingLine({rows, bytesRead, bytesTotal, elapsedMs}: LoadProgress, width: number): string {
	const share = bytesTotal > 0 ? Math.min(1, bytesRead / bytesTotal) : 0;
	const seconds = Math.ceil(((1 - share) * elapsedMs) / share / 1000);
	const percent = Math.floor(share * 100);
	const left = share < estimateFrom ? 'estimating the time left' : share >= 1 ? 'finishing' : `about ${seconds} s left`;
	const full = `Loading: ${countText(rows)} rows in, ${percent}% of trade.json read, ${left}`;
	if (displayWidth(full) <= width) return full;
	return `Loading ${countText(rows)} rows, ${percent}%${share < estimateFrom || share >= 1 ? '' : `, ~${seconds} s left`}`;
}

export function Footer({state, panes, bindings, width}: {state: State; panes: Panes; bindings: readonly Binding[]; width: number}) {
	const theme = useTheme();
	const {overlay, status, views, focus} = state;
	const title = paneOf(panes, focus).title;
	let line: {text: string; colour?: string} = {text: ''};
	if (overlay.kind === 'filter') line = {text: `/${views[focus]?.filter ?? ''}▏`};
	else if (overlay.kind === 'reader' && overlay.search !== null) line = {text: `Search the document: /${overlay.search.text}▏ (↑/↓ matches)`};
	else if (overlay.kind === 'export-name') {
		const characters = [...overlay.name];
		line = {text: `Export ${title} to: ${characters.slice(0, overlay.cursor).join('')}▏${characters.slice(overlay.cursor).join('')}`};
	} else if (overlay.kind === 'export-confirm') line = {text: `${overlay.name} exists. Overwrite it? (y/n)`, colour: theme.error};
	else if (status) line = {text: status.text, colour: status.tone === 'error' ? theme.error : theme.accent};
	else if (state.loading) line = {text: loadingLine(state.loading, width), colour: theme.muted};
	return (
		<Box flexDirection="column">
			{/* A status's end (the reason, a row count) matters as much as its start: cut a long path in the middle. */}
			<Text color={line.colour}>{fitColumns(line.text, width, 'left', 'middle')}</Text>
			<Text color={theme.muted}>{fitColumns(footerHints(bindings, overlay.kind, width), width)}</Text>
		</Box>
	);
}

export function TooSmall({size, need}: {size: Size; need: Size}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column" width={size.columns} height={Math.max(1, size.rows - 1)} alignItems="center" justifyContent="center">
			<Text>{fitColumns('Terminal too small', size.columns)}</Text>
			<Text>{fitColumns(`${size.columns}×${size.rows}, needs ${need.columns}×${need.rows}`, size.columns)}</Text>
			<Text color={theme.muted}>{fitColumns('q quits', size.columns)}</Text>
		</Box>
	);
}
