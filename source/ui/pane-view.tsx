// One pane in its frame: its summary (a chart, a line) above the rows in
// view, laid out in the pane's columns. It reads only the rows it can show,
// and is memoised, so a key that changes one pane re-reads and redraws only
// that pane.
import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import {memo, type ReactNode, useMemo} from 'react';
import {foldFilter, searchMatches} from '../facts/text.js';
import type {AnyPane, ListColumn} from '../panes/pane.js';
import {type CutAt, fitColumns, fitMarked, type Ranges} from '../text/fit.js';
import {printable} from '../text/printable.js';
import {symbols} from '../text/symbols.js';
import {displayWidth} from '../text/width.js';
import type {FactViews} from '../views/fact-views.js';
import {type PaneView as View, viewQuery} from './state.js';
import {type Theme, useTheme} from './theme.js';

type Props = {
	views: FactViews;
	pane: AnyPane;
	view: View;
	focused: boolean;
	width: number;
	height: number;
	/** How many rows of the list to show, under how many lines of summary. */
	listRows: number;
	summaryRows: number;
};

// biome-ignore lint/suspicious/noExplicitAny: a pane's columns read the rows its presenter gives
type Column = ListColumn<any, any>;

/** Each column's width in a list `inner` columns wide: the `rest` column takes what the others, a space between each, leave. */
function columnWidths(columns: readonly Column[], inner: number, rows: readonly unknown[], summary: unknown): number[] {
	const fixed = columns.map((column) => (column.width === 'rest' ? 0 : Math.max(0, column.width(inner, rows, summary))));
	const shown = columns.filter((column, index) => column.width === 'rest' || (fixed[index] ?? 0) > 0).length;
	// The selection mark takes the first column.
	const rest = Math.max(0, inner - 1 - fixed.reduce((total, width) => total + width, 0) - Math.max(0, shown - 1));
	return columns.map((column, index) => (column.width === 'rest' ? rest : (fixed[index] ?? 0)));
}

function PaneList({
	rows,
	pane,
	summary,
	view,
	focused,
	inner,
}: {
	rows: Array<{id: string}>;
	pane: AnyPane;
	summary: unknown;
	view: View;
	focused: boolean;
	inner: number;
}) {
	const theme = useTheme();
	if (rows.length === 0) return <EmptyList filter={view.filter} />;
	const widths = columnWidths(pane.list, inner, rows, summary);
	const shown = pane.list.flatMap((column, index) => ((widths[index] ?? 0) > 0 || column.width === 'rest' ? [{column, width: widths[index] ?? 0}] : []));
	const filter = foldFilter(view.filter);
	const matches = (text: string): Ranges => searchMatches(text, filter);
	return rows.map((row, position) => {
		const selected = view.offset + position === view.selected;
		return (
			<Box key={row.id} aria-role="listitem" aria-state={{selected}}>
				<Text wrap="truncate-end" inverse={selected && focused} bold={selected}>
					{selected ? symbols.selected : ' '}
					{shown.map(({column, width}, index) => {
						const tone = column.tone?.(row);
						return (
							<Text key={column.header} color={tone && theme[tone]} bold={column.bold?.(row)}>
								{index > 0 ? ' ' : ''}
								{filter === '' || column.searched === false ? (
									fitColumns(column.text(row, {width, summary}), width, column.align, column.cut)
								) : (
									<Marked text={column.text(row, {width, summary})} matches={matches} width={width} align={column.align} cut={column.cut} theme={theme} />
								)}
							</Text>
						);
					})}
				</Text>
			</Box>
		);
	});
}

/** A cell with what the filter matches underlined and, in colour, highlighted. */
function Marked({
	text,
	matches,
	width,
	align,
	cut,
	theme,
}: {
	text: string;
	matches: (text: string) => Ranges;
	width: number;
	align?: 'left' | 'right';
	cut?: CutAt;
	theme: Theme;
}) {
	return fitMarked(text, matches, width, align, cut).map((piece, index) =>
		piece.marked ? (
			// biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one cell, in order
			<Text key={index} underline backgroundColor={theme.match} color={theme.match && 'black'}>
				{piece.text}
			</Text>
		) : (
			piece.text
		),
	);
}

function EmptyList({filter}: {filter: string}) {
	const theme = useTheme();
	return <Text color={theme.muted}>{filter ? `No rows match “${printable(filter)}” (Esc clears)` : 'No rows'}</Text>;
}

function PaneContent({views, pane, view, focused, width, listRows, summaryRows}: Props) {
	const query = viewQuery(pane, view);
	// A screen reader's "listitem: (selected) " prefix takes room from the line.
	const inner = width - 2 - (useIsScreenReaderEnabled() ? 22 : 0);
	// The query is rebuilt each render; its parts are what matter.
	// biome-ignore lint/correctness/useExhaustiveDependencies: the query's parts are listed
	const rows = useMemo(
		() => views.window(pane, query, view.offset, listRows),
		[views, pane, view.filter, view.sort, view.descending, view.offset, view.total, listRows],
	);
	const summaryFilter = pane.summary?.filtered ? view.filter : '';
	// biome-ignore lint/correctness/useExhaustiveDependencies: while the rows load, read from the first of them; again once they are all in
	const summary = useMemo(() => views.summary(pane, summaryFilter), [views, pane, summaryFilter, view.growing]);
	const Summary = pane.summary?.View;
	return (
		<>
			{Summary && summaryRows > 0 && <Summary summary={summary} width={inner} height={summaryRows} />}
			<PaneList rows={rows} pane={pane} summary={summary} view={view} focused={focused} inner={inner} />
		</>
	);
}

/** A titled, bordered pane; the focused one has a double border, a marker and the accent colour. */
export const PaneView = memo(function PaneView(props: Props) {
	const {pane, view, focused, width, height} = props;
	return (
		<PaneFrame pane={pane} width={width} height={height} focused={focused} view={view}>
			<PaneContent {...props} />
		</PaneFrame>
	);
});

type FrameProps = {pane: AnyPane; width: number; height: number; focused: boolean; view: View; children: ReactNode};

function PaneFrame({pane, width, height, focused, view, children}: FrameProps) {
	const theme = useTheme();
	const screenReader = useIsScreenReaderEnabled();
	const inner = width - 2;
	const title = `${focused ? symbols.focused : ' '} ${pane.key} ${pane.title}`;
	const total = view.total ?? 0;
	// A snapshot selects nothing: it shows how many rows there are.
	const counted = view.growing ? `${total}+ loading` : `${total}`;
	const position = view.selected < 0 ? `${total} rows` : `${total === 0 ? 0 : view.selected + 1}/${counted}`;
	const sortKey = pane.query.sortable[view.sort];
	const sort = sortKey ? ` ${view.descending ? '↓' : '↑'}${sortKey}` : view.descending ? ' ↓' : '';
	const filter = view.filter ? ` /${view.filter}` : '';
	const right = `${filter}${sort} ${position}`;
	const titleWidth = Math.max(0, inner - displayWidth(right));
	const label = printable(`${pane.title}, ${position}${filter ? `, filtered by ${view.filter}` : ''}`);
	// A screen reader gets the title as a line and the rows as a list, no box drawing.
	if (screenReader) {
		return (
			<Box flexDirection="column" width={width}>
				<Text>{label}</Text>
				<Box flexDirection="column" aria-role="list">
					{children}
				</Box>
			</Box>
		);
	}
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle={focused ? 'double' : 'single'} borderColor={focused ? theme.accent : theme.muted}>
			<Text bold={focused} color={focused ? theme.accent : undefined} wrap="truncate-end">
				{fitColumns(title, titleWidth)}
				<Text color={theme.muted}>{fitColumns(right, inner - titleWidth, 'right')}</Text>
			</Text>
			{children}
		</Box>
	);
}
