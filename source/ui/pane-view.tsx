// One pane in its frame: its summary (a chart, a line) above the rows in
// view, laid out in the pane's columns. It reads only the rows it can show,
// and is memoised, so a key that changes one pane re-reads and redraws only
// that pane.
import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import {memo, type ReactNode, useMemo} from 'react';
import {foldFilter, searchMatches} from '../facts/text.js';
import type {AnyPane, ListColumn} from '../panes/pane.js';
import {type ColumnWant, type CutAt, fitColumns, fitMarked, type Ranges, shareColumns} from '../text/fit.js';
import {printable} from '../text/printable.js';
import {countText} from '../text/shown.js';
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
	/** While a new order of its rows is being made (the first sort of a large pane takes a while): how much of it is, from 0 to 1 (null: not yet known). */
	sorting?: number | null;
};

// biome-ignore lint/suspicious/noExplicitAny: a pane's columns read the rows its presenter gives
type Column = ListColumn<any, any>;

/** Cells no wider than this are symbols (a mark, a star): their header does not widen them. A count of two digits is not. */
const symbolWidth = 1;

/**
 * Each column's width in a list `inner` columns wide, by what its cells in
 * view hold (see shareColumns); the selection mark takes the first column.
 */
function columnWidths(columns: readonly Column[], inner: number, rows: readonly unknown[], summary: unknown, sort: string | undefined): number[] {
	const wants = columns.map((column): ColumnWant => {
		// A column drawn to its width (a bar) holds nothing of its own.
		const cells = column.fills ? [] : rows.map((row) => displayWidth(printable(column.text(row, {width: inner, summary}))));
		// A header counts as a cell (with the sort's mark), but over symbols.
		const sorted = column.sort !== undefined && column.sort === sort;
		const header = Math.max(0, ...cells) > symbolWidth ? [displayWidth(headingOf(column, summary)) + (sorted ? sortMarkWidth : 0)] : [];
		// The sorted column stays in view, its mark with it, while another can make room.
		return {cells: [...cells, ...header], keep: column.keep, grow: column.grow, fills: column.fills, min: column.min, stays: sorted};
	});
	return shareColumns(wants, inner - 1);
}

/** The sorted column's mark beside its header: a space and an arrow. */
const sortMarkWidth = 2;

/** What is drawn over a column. */
const headingOf = (column: Column, summary: unknown) => column.heading?.(summary) ?? column.header;

/** A column's header in its width, the sorted column's marked with its direction. */
function headerCell(column: Column, heading: string, width: number, sorted: 'asc' | 'desc' | undefined): string {
	if (width <= symbolWidth) return ' '.repeat(width);
	if (sorted === undefined) return fitColumns(heading, width, column.align);
	const mark = sorted === 'asc' ? '↑' : '↓';
	// The mark beside the header's text, however the cell is padded.
	const header = fitColumns(heading, Math.min(width - sortMarkWidth, displayWidth(heading)));
	return fitColumns(column.align === 'right' ? `${mark} ${header}` : `${header} ${mark}`, width, column.align);
}

type Shown = ReadonlyArray<{column: Column; width: number}>;

/** The columns' headers, over the rows. */
function HeaderLine({shown, summary, sort, descending}: {shown: Shown; summary: unknown; sort: string | undefined; descending: boolean}) {
	const theme = useTheme();
	const direction = descending ? 'desc' : 'asc';
	const cells = shown.map(({column, width}) =>
		headerCell(column, headingOf(column, summary), width, column.sort !== undefined && column.sort === sort ? direction : undefined),
	);
	return (
		<Text wrap="truncate-end" color={theme.muted} bold>
			{` ${cells.join(' ')}`}
		</Text>
	);
}

type ListProps = {rows: Array<{id: string}>; pane: AnyPane; summary: unknown; view: View; focused: boolean; inner: number};

function PaneList({rows, pane, summary, view, focused, inner}: ListProps) {
	if (rows.length === 0) return <EmptyList filter={view.filter} />;
	const sort = pane.query.sortable[view.sort];
	const widths = columnWidths(pane.list, inner, rows, summary, sort);
	const shown = pane.list.flatMap((column, index) => ((widths[index] ?? 0) > 0 ? [{column, width: widths[index] ?? 0}] : []));
	return (
		<>
			<HeaderLine shown={shown} summary={summary} sort={sort} descending={view.descending} />
			{rows.map((row, position) => (
				<ListRow
					key={row.id}
					row={row}
					shown={shown}
					summary={summary}
					filter={view.filter}
					selected={view.offset + position === view.selected}
					focused={focused}
				/>
			))}
		</>
	);
}

type RowProps = {row: {id: string}; shown: Shown; summary: unknown; filter: string; selected: boolean; focused: boolean};

function ListRow({row, shown, summary, filter: typed, selected, focused}: RowProps) {
	const theme = useTheme();
	const filter = foldFilter(typed);
	const matches = (text: string): Ranges => searchMatches(text, filter);
	return (
		<Box aria-role="listitem" aria-state={{selected}}>
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
		<PaneFrame pane={pane} width={width} height={height} focused={focused} view={view} sorting={props.sorting}>
			<PaneContent {...props} />
		</PaneFrame>
	);
});

type FrameProps = {pane: AnyPane; width: number; height: number; focused: boolean; view: View; sorting?: number | null; children: ReactNode};

/** The header of the column a sort key orders by, or the query's label of it. */
function sortedHeader(pane: AnyPane, key: string): string {
	return pane.list.find((column) => column.sort === key)?.header ?? pane.query.columns.find((column) => column.key === key)?.label ?? key;
}

/** The order of a pane's rows in words, long and short: "by Date, descending" and "Date desc"; nothing for its own order. */
export function orderInWords(pane: AnyPane, view: Pick<View, 'sort' | 'descending'>, sorting?: number | null): [long: string, short: string] {
	if (sorting !== undefined) {
		if (sorting === null) return ['sorting…', 'sorting…'];
		const made = `${Math.floor(sorting * 100)}%`;
		return [`sorting… ${made}`, `sort ${made}`];
	}
	const key = pane.query.sortable[view.sort];
	if (key === undefined) return view.descending ? ['reversed', 'reversed'] : ['', ''];
	const header = sortedHeader(pane, key);
	return [`by ${header}, ${view.descending ? 'descending' : 'ascending'}`, `${header} ${view.descending ? 'desc' : 'asc'}`];
}

/** A title's width left for the pane's name before the order gives way to its short form. */
const titleRoom = 14;

function PaneFrame({pane, width, height, focused, view, sorting, children}: FrameProps) {
	const theme = useTheme();
	const screenReader = useIsScreenReaderEnabled();
	const inner = width - 2;
	const title = `${focused ? symbols.focused : ' '} ${pane.key} ${pane.title}`;
	const total = view.total ?? 0;
	// A snapshot selects nothing: it shows how many rows there are.
	const counted = `${countText(total)}${view.growing ? '+ loading' : ''}`;
	const position = view.selected < 0 ? `${counted} rows` : `${total === 0 ? 0 : countText(view.selected + 1)}/${counted}`;
	const filter = view.filter ? ` /${view.filter}` : '';
	const [long, short] = orderInWords(pane, view, sorting);
	// The order in words where the name keeps its room, else shorter, else left to the column headers' mark.
	const candidates = [long, short, ''].map((order) => `${filter}${order ? ` ${order}` : ''} ${position}`);
	const right = candidates.find((candidate) => inner - displayWidth(candidate) >= titleRoom) ?? (candidates.at(-1) as string);
	const titleWidth = Math.max(0, inner - displayWidth(right));
	const label = printable(`${pane.title}, ${position}${filter ? `, filtered by ${view.filter}` : ''}${long ? `, ${long}` : ''}`);
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
