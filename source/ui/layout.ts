// How the screen is divided, as a pure function of its size and the panes:
// the reducer uses it to keep selections visible, the view to size the panes.
import type {AnyPane} from '../panes/pane.js';
import type {Panes} from '../panes/registry.js';

export type Size = {columns: number; rows: number};
export type Box = {width: number; height: number};

export type Layout =
	| {kind: 'too-small'; need: Size}
	/** `rows`: the panes in the grid, by id, row by row. */
	| {kind: 'grid'; pane: Box; body: Box; rows: string[][]}
	| {kind: 'tabs'; pane: Box; body: Box};

/** Below this, a message replaces the panes. */
const minimumSize: Size = {columns: 40, rows: 12};
/** From this size, the panes stand in a grid, two rows of two. */
export const gridSize: Size = {columns: 100, rows: 26};
/** From this width, a grid of more than four panes has three to a row. */
const wideGridColumns = 180;

// The root stays one line short of the terminal: at full height Ink 6 clears
// the whole screen on every frame, which flickers.
const spareRows = 1;
const headerRows = 1;
const footerRows = 2;
const tabBarRows = 1;
// A pane's frame: a border above and below, and inside it the title line and the columns' headers.
const frameRows = 4;

/**
 * The panes in the grid, row by row: the first that fit, in order, the
 * focused pane taking the last place when it is not among them.
 */
function gridRows(panes: Panes, columns: number, focus: string | undefined): string[][] {
	const perRow = panes.length > 4 && columns >= wideGridColumns ? 3 : 2;
	const places = 2 * perRow;
	const shown = panes.slice(0, places).map((pane) => pane.id);
	if (focus !== undefined && !shown.includes(focus) && panes.some((pane) => pane.id === focus)) shown[shown.length - 1] = focus;
	return [shown.slice(0, perRow), shown.slice(perRow)].filter((row) => row.length > 0);
}

/** The layout for the panes the dashboard shows (see screenPanes); `zoomed`: the focused pane alone, as under tabs. */
export function layout({columns, rows}: Size, panes: Panes, focus?: string, zoomed = false): Layout {
	if (columns < minimumSize.columns || rows < minimumSize.rows) return {kind: 'too-small', need: minimumSize};
	const bodyHeight = rows - spareRows - headerRows - footerRows;
	if (!zoomed && columns >= gridSize.columns && rows >= gridSize.rows) {
		const grid = gridRows(panes, columns, focus);
		const perRow = Math.max(...grid.map((row) => row.length));
		return {
			kind: 'grid',
			body: {width: columns, height: bodyHeight},
			pane: {width: Math.floor(columns / perRow), height: Math.floor(bodyHeight / 2)},
			rows: grid,
		};
	}
	const height = bodyHeight - tabBarRows;
	return {kind: 'tabs', body: {width: columns, height}, pane: {width: columns, height}};
}

/** Lines a pane's summary takes (a chart, a line), in a pane of this height. */
export function summaryRows(pane: AnyPane, paneHeight: number): number {
	return pane.summary?.rows?.(paneHeight - frameRows) ?? 0;
}

/** The height of a pane that shows `listRows` rows under `summaryLines` lines of summary. */
export const paneHeight = (listRows: number, summaryLines: number) => frameRows + summaryLines + listRows;

/** How many rows of the pane's list are visible at once. */
export function listHeight(pane: AnyPane, size: Size, panes: Panes, zoomed = false): number {
	const current = layout(size, panes, undefined, zoomed);
	if (current.kind === 'too-small') return 1;
	return Math.max(1, current.pane.height - frameRows - summaryRows(pane, current.pane.height));
}

/**
 * How the help lays out `count` keys in a box of this size: rows and columns
 * of keys, none narrower than a key and its words, and how many fit at once.
 */
export function helpGrid(width: number, height: number, count: number): {rows: number; columns: number; page: number} {
	// Inside the border, less the title, the scroll line and the two legend lines.
	const room = Math.max(1, height - 2 - 1 - 1 - 2);
	const columns = Math.max(1, Math.min(Math.ceil(count / room), Math.floor((width - 2) / 34)));
	const rows = Math.min(room, Math.ceil(count / columns));
	return {rows, columns, page: rows * columns};
}

/** The box the detail and help views fill: the body, and the tab bar's line too. */
export function fullViewBox(size: Size, panes: Panes): Box | undefined {
	const current = layout(size, panes);
	if (current.kind === 'too-small') return undefined;
	return {width: current.body.width, height: current.body.height + (current.kind === 'tabs' ? 1 : 0)};
}

/** Where a detail's lines stand, laid out for the detail view: how many, and the first line of each quote. */
export type DetailShape = {lines: number; quoteStarts: number[]};

/** The lines a detail view in this box shows at once, and their width: inside its border, above its scroll line. */
export const detailRoom = (box: Box): {width: number; rows: number} => ({width: Math.max(1, box.width - 2), rows: Math.max(1, box.height - 3)});

/** Lines the reader's header takes: the title, then outlet, language and date. */
export const readerHeaderRows = 2;

/** The reader's room for the document in this box: the detail's, less its header. */
export const readerRoom = (box: Box): {width: number; rows: number} => {
	const {width, rows} = detailRoom(box);
	return {width, rows: Math.max(1, rows - readerHeaderRows)};
};

/** Where a point of the screen (0-based column and row) falls: a pane, and the row of its list in view, if on one. */
export type PanePoint = {pane: string; listRow?: number};

/** The pane (and list row) at a point of the screen, as the dashboard draws them in this layout. */
export function paneAt(size: Size, panes: Panes, focus: string, zoomed: boolean, column: number, row: number): PanePoint | undefined {
	const current = layout(size, panes, focus, zoomed);
	if (current.kind === 'too-small') return undefined;
	const top = headerRows + (current.kind === 'tabs' ? tabBarRows : 0);
	const {width, height} = current.pane;
	const grid = current.kind === 'grid' ? current.rows : [[focus]];
	const id = grid[Math.floor((row - top) / height)]?.[Math.floor(column / width)];
	if (row < top || id === undefined) return undefined;
	const pane = panes.find((candidate) => candidate.id === id);
	if (pane === undefined) return undefined;
	// Inside the frame: the border, the title, the summary and the headers stand above the list.
	const listRow = ((row - top) % height) - (frameRows - 1) - summaryRows(pane, height);
	const onList = listRow >= 0 && listRow < listHeight(pane, size, panes, zoomed) && (row - top) % height < height - 1;
	return onList ? {pane: id, listRow} : {pane: id};
}
