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

/**
 * Where a text is cut: at its `end`; in the `middle`; or keeping its last
 * `words` (as many whole words as fit in half the width), which tell apart
 * labels that begin alike ("… in Serbia", "… in Kazakhstan").
 */
export type CutAt = 'end' | 'middle' | 'words';

/** The last whole words of `clean`, with the space before them, within `columns`; empty if not even one fits. */
function lastWords(clean: string, columns: number): string {
	let tail = '';
	for (let at = clean.lastIndexOf(' '); at > 0; at = clean.lastIndexOf(' ', at - 1)) {
		const candidate = clean.slice(at);
		if (displayWidth(candidate) > columns) break;
		tail = candidate;
	}
	return tail;
}

function fitting(value: string, width: number, cutAt: CutAt): Fitting {
	const clean = printable(value);
	const wordTail = cutAt === 'words' && displayWidth(clean) > width ? lastWords(clean, Math.floor((width - 1) / 2)) : '';
	const tailColumns = cutAt === 'middle' ? width - 1 - Math.ceil((width - 1) / 2) : displayWidth(wordTail);
	const headColumns = width - 1 - tailColumns;
	let fitted: Omit<Fitting, 'pad'> = {clean, kept: clean, tail: '', cut: false};
	// One column per character: cut by position, without measuring each cut.
	if (singleColumnRun.test(clean)) {
		if (clean.length > width) fitted = {clean, kept: clean.slice(0, headColumns), tail: tailColumns > 0 ? clean.slice(-tailColumns) : '', cut: true};
	} else if (displayWidth(clean) > width) {
		fitted = {clean, kept: graphemesWithin(clean, headColumns), tail: tailColumns > 0 ? graphemesWithin(clean, tailColumns, true) : '', cut: true};
	}
	// Before the last words, a cut that falls between words drops the space before it.
	if (cutAt === 'words' && fitted.cut && fitted.tail.startsWith(' ')) fitted.kept = fitted.kept.trimEnd();
	const columns = displayWidth(fitted.kept) + (fitted.cut ? displayWidth(ellipsis) : 0) + displayWidth(fitted.tail);
	return {...fitted, pad: ' '.repeat(Math.max(0, width - columns))};
}

/**
 * Exactly `width` columns: padded with spaces, or cut with "…" at the end (or,
 * for a message whose end matters as much as its start, in the middle, or
 * before its last words).
 */
export function fitColumns(value: string, width: number, align: 'left' | 'right' = 'left', cutAt: CutAt = 'end'): string {
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
 * fitColumns' cell in pieces, those within the ranges `mark` finds in the
 * text's printable form marked: the matches of a filter, say. What is cut off
 * is not marked, nor the ellipsis or the padding.
 */
export function fitMarked(value: string, mark: (clean: string) => Ranges, width: number, align: 'left' | 'right' = 'left', cutAt: CutAt = 'end'): CellPiece[] {
	if (width <= 0) return [];
	const {clean, kept, tail, cut, pad} = fitting(value, width, cutAt);
	const pieces: CellPiece[] = [];
	const add = (text: string, isMarked = false) => {
		if (text !== '') pieces.push({text, marked: isMarked});
	};
	const ranges = mark(clean);
	/** The part of `clean` from `from` to `to`, split where the ranges begin and end. */
	const addMarked = (from: number, to: number) => {
		let at = from;
		for (const [start, end] of ranges) {
			if (end <= at) continue;
			if (start >= to) break;
			add(clean.slice(at, Math.max(at, start)));
			add(clean.slice(Math.max(at, start), Math.min(end, to)), true);
			at = Math.min(end, to);
		}
		add(clean.slice(at, to));
	};
	if (align === 'right') add(pad);
	addMarked(0, kept.length);
	if (cut) add(ellipsis);
	if (tail !== '') addMarked(clean.length - tail.length, clean.length);
	if (align === 'left') add(pad);
	return pieces;
}
