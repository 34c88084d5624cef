// The lines around the panes: header, tab bar, footer with prompt or status
// and the keys that work in the current view, and the too-small notice.
import {Box, Text} from 'ink';
import {fitColumns} from '../format/fit.js';
import {type DashboardPane, dashboardPanes, paneTitles, type Size} from './layout.js';
import type {State} from './state.js';
import {theme} from './theme.js';

export type Overview = {sources: number; languages: number; from: string | null; to: string | null};

export function Header({overview, width}: {overview: Overview; width: number}) {
	const span = overview.from && overview.to ? ` · ${overview.from} → ${overview.to}` : '';
	// A narrow terminal keeps the counts and the dates, which say the most.
	const wide = width >= 100;
	const text = wide
		? `kzrs · Kazakhstan–Serbia relations · ${overview.sources} sources in ${overview.languages} languages${span}`
		: `kzrs · ${overview.sources} sources, ${overview.languages} languages${span}`;
	const help = wide ? '? help' : '?';
	return (
		<Text bold color={theme.accent}>
			{fitColumns(text, width - help.length - 2)}
			<Text color={theme.muted}>{fitColumns(help, help.length + 2, 'right')}</Text>
		</Text>
	);
}

export function TabBar({focus, width}: {focus: DashboardPane; width: number}) {
	const tabs = dashboardPanes.map((pane, index) => (pane === focus ? `[${index + 1} ${paneTitles[pane]}]` : ` ${index + 1} ${paneTitles[pane]} `));
	return (
		<Text aria-label={`Pane ${paneTitles[focus]}`}>
			{fitColumns(tabs.join(' '), width)}
		</Text>
	);
}

const hints: Record<State['overlay']['kind'], string> = {
	none: 'Tab/1-4 pane · j/k move · Enter sources · / filter · s/S sort · e export · y copy · ? help · q quit',
	filter: 'type to filter · ↑/↓ move · Enter keep · Esc clear',
	detail: 'j/k quote · y copy quote · Esc/q close',
	help: 'j/k scroll · Esc/q/? close',
	'export-name': 'edit the file name · Enter export · Ctrl-U clear · Esc cancel',
	'export-confirm': 'y overwrite · n/Esc keep the file',
};

export function Footer({state, width}: {state: State; width: number}) {
	const {overlay, status, views, focus} = state;
	let line: {text: string; colour?: string} = {text: ''};
	if (overlay.kind === 'filter') line = {text: `/${views[focus].filter}▏`};
	else if (overlay.kind === 'export-name') line = {text: `Export ${paneTitles[focus]} to: ${overlay.name}▏`};
	else if (overlay.kind === 'export-confirm') line = {text: `${overlay.name} exists. Overwrite it? (y/n)`, colour: theme.error};
	else if (status) line = {text: status.text, colour: status.tone === 'error' ? theme.error : theme.accent};
	return (
		<Box flexDirection="column">
			{/* A status's end (the reason, a row count) matters as much as its start: cut a long path in the middle. */}
			<Text color={line.colour}>{fitColumns(line.text, width, 'left', 'middle')}</Text>
			<Text color={theme.muted}>{fitColumns(hints[overlay.kind], width)}</Text>
		</Box>
	);
}

export function TooSmall({size, need}: {size: Size; need: Size}) {
	return (
		<Box flexDirection="column" width={size.columns} height={Math.max(1, size.rows - 1)} alignItems="center" justifyContent="center">
			<Text>{fitColumns('Terminal too small', size.columns)}</Text>
			<Text>{fitColumns(`${size.columns}×${size.rows}, needs ${need.columns}×${need.rows}`, size.columns)}</Text>
			<Text color={theme.muted}>{fitColumns('q quits', size.columns)}</Text>
		</Box>
	);
}
