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

/** How a text fits `width` columns: its printable form, how much of it is kept (all, or its start and end around "…"), and the padding. */
type Fitting = {clean: string; kept: string; tail: string; cut: boolean; pad: string};

function fitting(value: string, width: number, cutAt: 'end' | 'middle'): Fitting {
	const clean = printable(value);
	const headColumns = cutAt === 'middle' ? Math.ceil((width - 1) / 2) : width - 1;
	const tailColumns = width - 1 - headColumns;
	let fitted: Omit<Fitting, 'pad'> = {clean, kept: clean, tail: '', cut: false};
	// One column per character: cut by position, without measuring each cut.
	if (singleColumnRun.test(clean)) {
		if (clean.length > width) fitted = {clean, kept: clean.slice(0, headColumns), tail: tailColumns > 0 ? clean.slice(-tailColumns) : '', cut: true};
	} else if (displayWidth(clean) > width) {
		fitted = {clean, kept: graphemesWithin(clean, headColumns), tail: tailColumns > 0 ? graphemesWithin(clean, tailColumns, true) : '', cut: true};
	}
	const columns = displayWidth(fitted.kept) + (fitted.cut ? displayWidth(ellipsis) : 0) + displayWidth(fitted.tail);
	return {...fitted, pad: ' '.repeat(Math.max(0, width - columns))};
}

/**
 * Exactly `width` columns: padded with spaces, or cut with "…" at the end (or,
 * for a message whose end matters as much as its start, in the middle).
 */
export function fitColumns(value: string, width: number, align: 'left' | 'right' = 'left', cutAt: 'end' | 'middle' = 'end'): string {
	if (width <= 0) return '';
	const {kept, tail, cut, pad} = fitting(value, width, cutAt);
	const text = cut ? `${kept}${ellipsis}${tail}` : kept;
	return align === 'left' ? text + pad : pad + text;
}

/** A piece of a fitted cell, and whether it lies in a marked range of the text. */
export type CellPiece = {text: string; marked: boolean};

/** Ranges of a text, as UTF-16 offsets (start inclusive, end exclusive), in order and not overlapping. */
export type Ranges = ReadonlyArray<readonly [start: number, end: number]>;

/**
 * fitColumns' cell (cut at its end) in pieces, those within the ranges `mark`
 * finds in the text's printable form marked: the matches of a filter, say.
 * What is cut off is not marked, nor the ellipsis or the padding.
 */
export function fitMarked(value: string, mark: (clean: string) => Ranges, width: number, align: 'left' | 'right' = 'left'): CellPiece[] {
	if (width <= 0) return [];
	const {clean, kept, cut, pad} = fitting(value, width, 'end');
	const pieces: CellPiece[] = [];
	const add = (text: string, isMarked = false) => {
		if (text !== '') pieces.push({text, marked: isMarked});
	};
	if (align === 'right') add(pad);
	let at = 0;
	for (const [start, end] of mark(clean)) {
		if (start >= kept.length) break;
		add(kept.slice(at, start));
		add(kept.slice(start, Math.min(end, kept.length)), true);
		at = Math.min(end, kept.length);
	}
	add(kept.slice(at));
	if (cut) add(ellipsis);
	if (align === 'left') add(pad);
	return pieces;
}
