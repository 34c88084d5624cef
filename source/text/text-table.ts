// Plain aligned text tables for `kzrs sql`, measured by display width so that
// Cyrillic, accented Latin and wide characters align. A table is laid out as
// its rows come, a window of them at a time, so that a result of any length
// (even an endless one) is written without being held: a column is as wide as
// its widest cell among the header and the first window of rows, and widens
// from a later window on when that window holds a wider cell.

import {printable} from './printable.js';
import {displayWidth} from './width.js';

export type Cell = string | number | null;

/** How many rows are measured together, before any of them is written. */
const tableWindow = 100;

/** The table's lines, each ending in a line break: header, rule, rows. */
export function* textTable(header: readonly string[], rows: Iterable<readonly Cell[]>): Generator<string> {
	const widths = header.map(() => 0);
	const line = (cells: readonly string[]) =>
		`${cells
			.map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - displayWidth(cell)))
			.join('  ')
			.trimEnd()}\n`;
	// The header is measured with the first window, and written with the rule under it.
	let window: string[][] = [header.map(printable)];
	let headed = false;
	function* written(): Generator<string> {
		for (const cells of window) for (const [column, cell] of cells.entries()) widths[column] = Math.max(widths[column] ?? 0, displayWidth(cell));
		for (const cells of window) {
			yield line(cells);
			if (!headed) yield `${widths.map((width) => '─'.repeat(width)).join('  ')}\n`;
			headed = true;
		}
		window = [];
	}
	let count = 0;
	for (const row of rows) {
		window.push(row.map((cell) => printable(cell === null ? '' : String(cell))));
		count++;
		if (count % tableWindow === 0) yield* written();
	}
	if (window.length > 0) yield* written();
}
