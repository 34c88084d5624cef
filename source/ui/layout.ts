// How the screen is divided, as a pure function of its size: the reducer uses
// it to keep selections visible, the view to size the panes.

export const dashboardPanes = ['timeline', 'memoranda', 'trade', 'companies'] as const;
export type DashboardPane = (typeof dashboardPanes)[number];

export const paneTitles: Record<DashboardPane, string> = {
	timeline: 'Timeline',
	memoranda: 'Memoranda',
	trade: 'Trade',
	companies: 'Companies',
};

export type Size = {columns: number; rows: number};
export type Box = {width: number; height: number};

export type Layout =
	| {kind: 'too-small'; need: Size}
	| {kind: 'grid' | 'tabs'; pane: Box; body: Box};

/** Below this, a message replaces the panes. */
const minimumSize: Size = {columns: 40, rows: 12};
/** From this size, the four panes stand in a 2×2 grid. */
export const gridSize: Size = {columns: 100, rows: 26};

// The root stays one line short of the terminal: at full height Ink 6 clears
// the whole screen on every frame, which flickers.
const spareRows = 1;
const headerRows = 1;
const footerRows = 2;
const tabBarRows = 1;

export function layout({columns, rows}: Size): Layout {
	if (columns < minimumSize.columns || rows < minimumSize.rows) return {kind: 'too-small', need: minimumSize};
	const bodyHeight = rows - spareRows - headerRows - footerRows;
	if (columns >= gridSize.columns && rows >= gridSize.rows) {
		return {
			kind: 'grid',
			body: {width: columns, height: bodyHeight},
			pane: {width: Math.floor(columns / 2), height: Math.floor(bodyHeight / 2)},
		};
	}
	const height = bodyHeight - tabBarRows;
	return {kind: 'tabs', body: {width: columns, height}, pane: {width: columns, height}};
}

// A pane's frame: a border above and below, and the title line inside it.
const frameRows = 3;

/** Lines the trade chart takes (plot and axis line) in a pane of this height. */
export function chartRows(paneHeight: number): number {
	const inner = paneHeight - frameRows;
	return Math.max(0, Math.min(9, Math.floor(inner / 2)));
}

/** Lines above the list that belong to the pane (summary, chart). */
function paneHeaderRows(pane: DashboardPane, paneHeight: number): number {
	if (pane === 'memoranda') return 1;
	if (pane === 'trade') return chartRows(paneHeight);
	return 0;
}

/** How many rows of the pane's list are visible at once. */
export function listHeight(pane: DashboardPane, size: Size): number {
	const current = layout(size);
	if (current.kind === 'too-small') return 1;
	return Math.max(1, current.pane.height - frameRows - paneHeaderRows(pane, current.pane.height));
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
export function fullViewBox(size: Size): Box | undefined {
	const current = layout(size);
	if (current.kind === 'too-small') return undefined;
	return {width: current.body.width, height: current.body.height + (current.kind === 'tabs' ? 1 : 0)};
}
