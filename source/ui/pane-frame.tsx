import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import type {ReactNode} from 'react';
import {displayWidth} from '../format/display-width.js';
import {fitColumns} from '../format/fit.js';
import {type Box as Area, type DashboardPane, dashboardPanes, paneTitles} from './layout.js';
import type {PaneView} from './state.js';
import {theme} from './theme.js';

type Props = {
	pane: DashboardPane;
	area: Area;
	focused: boolean;
	view: PaneView;
	sortKey: string | undefined;
	children: ReactNode;
};

/** A titled, bordered pane; the focused one has a double border, a marker and the accent colour. */
export function PaneFrame({pane, area, focused, view, sortKey, children}: Props) {
	const screenReader = useIsScreenReaderEnabled();
	const inner = area.width - 2;
	const number = dashboardPanes.indexOf(pane) + 1;
	const title = `${focused ? theme.symbols.focused : ' '} ${number} ${paneTitles[pane]}`;
	// A snapshot selects nothing: it shows how many rows there are.
	const position = view.selected < 0 ? `${view.total} rows` : view.total === 0 ? '0/0' : `${view.selected + 1}/${view.total}`;
	const sort = sortKey ? ` ${view.descending ? '↓' : '↑'}${sortKey}` : view.descending ? ' ↓' : '';
	const filter = view.filter ? ` /${view.filter}` : '';
	const right = `${filter}${sort} ${position}`;
	const titleWidth = Math.max(0, inner - displayWidth(right));
	const label = `${paneTitles[pane]}, ${position}${filter ? `, filtered by ${view.filter}` : ''}`;
	// A screen reader gets the title as a line and the rows as a list, no box drawing.
	if (screenReader) {
		return (
			<Box flexDirection="column" width={area.width}>
				<Text>{label}</Text>
				<Box flexDirection="column" aria-role="list">
					{children}
				</Box>
			</Box>
		);
	}
	return (
		<Box
			flexDirection="column"
			width={area.width}
			height={area.height}
			borderStyle={focused ? 'double' : 'single'}
			borderColor={focused ? theme.accent : theme.muted}
		>
			<Text bold={focused} color={focused ? theme.accent : undefined} wrap="truncate-end">
				{fitColumns(title, titleWidth)}
				<Text color={theme.muted}>{fitColumns(right, inner - titleWidth, 'right')}</Text>
			</Text>
			{children}
		</Box>
	);
}

type LineProps = {selected: boolean; focused: boolean; children: ReactNode};

/** One row of a pane's list: the selection is inverse (and marked, for terminals without attributes). */
export function ListLine({selected, focused, children}: LineProps) {
	return (
		<Box aria-role="listitem" aria-state={{selected}}>
			<Text wrap="truncate-end" inverse={selected && focused} bold={selected}>
				{children}
			</Text>
		</Box>
	);
}

export function EmptyList({filter}: {filter: string}) {
	return <Text color={theme.muted}>{filter ? `No rows match “${filter}” (Esc clears)` : 'No rows'}</Text>;
}
