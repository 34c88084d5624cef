// Text fitted to a number of terminal columns by display width, so Cyrillic,
// accented Latin and wide characters line up. Long text ends in an ellipsis.
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import {printable} from './printable.js';

// Latin, Greek, Cyrillic, general punctuation, arrows, box drawing and
// geometric shapes: one column per character, no combining marks. Text made
// only of these (nearly all of kzrs's) skips the full Unicode measurement,
// which is the costliest part of drawing a frame.
const singleWidth = /^[\u0020-\u007E\u00A0-\u02FF\u0370-\u052F\u2010-\u205E\u2190-\u21FF\u2500-\u25FF]*$/;

/**
 * Exactly `width` columns: padded with spaces, or cut with "…" at the end (or,
 * for a message whose end matters as much as its start, in the middle).
 */
export function fitColumns(value: string, width: number, align: 'left' | 'right' = 'left', cutAt: 'end' | 'middle' = 'end'): string {
	if (width <= 0) return '';
	const clean = printable(value);
	let cut: string;
	let cutWidth: number;
	if (singleWidth.test(clean)) {
		const head = cutAt === 'middle' ? Math.ceil((width - 1) / 2) : width - 1;
		const tail = width - 1 - head;
		cut = clean.length > width ? `${clean.slice(0, head)}…${tail > 0 ? clean.slice(-tail) : ''}` : clean;
		cutWidth = cut.length;
	} else {
		cut = stringWidth(clean) > width ? cliTruncate(clean, width, {position: cutAt}) : clean;
		cutWidth = stringWidth(cut);
	}
	const pad = ' '.repeat(Math.max(0, width - cutWidth));
	return align === 'left' ? cut + pad : pad + cut;
}

export {stringWidth as displayWidth};
