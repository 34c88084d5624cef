// Text fitted to a number of terminal columns by display width, so Cyrillic,
// accented Latin and wide characters line up. Long text ends in an ellipsis.
// It is cut between graphemes, never inside one: cli-truncate, which cuts by
// code point, can leave a combining mark on its own or let a wide character
// past the edge.
import {printable} from './printable.js';
import {displayWidth, singleColumnRun} from './width.js';

const segmenter = new Intl.Segmenter();
const ellipsis = '…';

/** The first graphemes of `text` that fit in `width` columns, or with `fromEnd` the last ones. */
function graphemesWithin(text: string, width: number, fromEnd = false): string {
	const graphemes = Array.from(segmenter.segment(text), ({segment}) => segment);
	if (fromEnd) graphemes.reverse();
	const kept: string[] = [];
	let used = 0;
	for (const grapheme of graphemes) {
		const columns = displayWidth(grapheme);
		if (used + columns > width) break;
		kept.push(grapheme);
		used += columns;
	}
	if (fromEnd) kept.reverse();
	return kept.join('');
}

/**
 * Exactly `width` columns: padded with spaces, or cut with "…" at the end (or,
 * for a message whose end matters as much as its start, in the middle).
 */
export function fitColumns(value: string, width: number, align: 'left' | 'right' = 'left', cutAt: 'end' | 'middle' = 'end'): string {
	if (width <= 0) return '';
	const clean = printable(value);
	const head = cutAt === 'middle' ? Math.ceil((width - 1) / 2) : width - 1;
	const tail = width - 1 - head;
	let cut = clean;
	// One column per character: cut by position, without measuring each cut.
	if (singleColumnRun.test(clean)) {
		if (clean.length > width) cut = `${clean.slice(0, head)}${ellipsis}${tail > 0 ? clean.slice(-tail) : ''}`;
	} else if (displayWidth(clean) > width) {
		cut = `${graphemesWithin(clean, head)}${ellipsis}${tail > 0 ? graphemesWithin(clean, tail, true) : ''}`;
	}
	const pad = ' '.repeat(Math.max(0, width - displayWidth(cut)));
	return align === 'left' ? cut + pad : pad + cut;
}
