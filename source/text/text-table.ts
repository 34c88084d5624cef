// Plain aligned text tables for `kzrs sql` and the snapshot, measured by
// display width so that Cyrillic, accented Latin and wide characters align.

import {printable} from './printable.js';
import {displayWidth} from './width.js';

export function textTable(header: string[], rows: Array<Array<string | number | null>>): string {
	const cells = [header.map(printable), ...rows.map((row) => row.map((cell) => printable(cell === null ? '' : String(cell))))];
	const widths = header.map((_, column) => Math.max(...cells.map((row) => displayWidth(row[column] ?? ''))));
	const line = (row: string[]) =>
		row
			.map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - displayWidth(cell)))
			.join('  ')
			.trimEnd();
	const rule = widths.map((width) => '─'.repeat(width)).join('  ');
	return [line(cells[0] ?? []), rule, ...cells.slice(1).map(line)].join('\n');
}
