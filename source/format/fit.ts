// Text fitted to a number of terminal columns by display width, so Cyrillic,
// accented Latin and wide characters line up. Long text ends in an ellipsis.
import cliTruncate from 'cli-truncate';
import {displayWidth, singleColumnRun} from './display-width.js';
import {printable} from './printable.js';

/**
 * Exactly `width` columns: padded with spaces, or cut with "…" at the end (or,
 * for a message whose end matters as much as its start, in the middle).
 */
export function fitColumns(value: string, width: number, align: 'left' | 'right' = 'left', cutAt: 'end' | 'middle' = 'end'): string {
	if (width <= 0) return '';
	const clean = printable(value);
	let cut: string;
	let cutWidth: number;
	// One column per character: cut by position, without measuring each cut.
	if (singleColumnRun.test(clean)) {
		const head = cutAt === 'middle' ? Math.ceil((width - 1) / 2) : width - 1;
		const tail = width - 1 - head;
		cut = clean.length > width ? `${clean.slice(0, head)}…${tail > 0 ? clean.slice(-tail) : ''}` : clean;
		cutWidth = cut.length;
	} else {
		cut = displayWidth(clean) > width ? cliTruncate(clean, width, {position: cutAt}) : clean;
		cutWidth = displayWidth(cut);
	}
	const pad = ' '.repeat(Math.max(0, width - cutWidth));
	return align === 'left' ? cut + pad : pad + cut;
}
