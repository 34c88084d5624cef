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

/** What a column of a table holds, for sharing a line's width between columns (see shareColumns). */
export type ColumnWant = {
	/** The widths of its cells in view (and of its header): a column cut where they do not fit. */
	cells: readonly number[];
	/** Never cut: as wide as its widest cell, as far as the line goes (a date, an amount). */
	keep?: boolean;
	/** Drawn to whatever width it gets (a bar): it has `min` and what the others leave. */
	fills?: boolean;
	/** Takes what the others leave once every cell fits (one column of a table). */
	grow?: boolean;
	/** Narrower than this, the column is left out: the last such column first. */
	min?: number;
	/** Given its minimum before the cut columns share the rest, so that it stays in view: the column the rows are sorted by. */
	stays?: boolean;
};

/**
 * Each column's width in a line `width` columns wide, `gap` between shown
 * columns: kept columns whole, and narrow ones where they fit in a fifth of
 * what is left; then each further column of the line to the column in which
 * it uncuts the most cells (so a column that is mostly empty gives way to one
 * whose cells are all cut), up to its widest cell; what is left to the
 * growing or filling column. A column that stays (the sorted one) has its
 * minimum before the others share. A column with nothing in it, or that gets
 * less than its minimum, is left out (0).
 */
export function shareColumns(wants: readonly ColumnWant[], width: number, gap = 1): number[] {
	const shown = wants.map((want) => Math.max(0, ...want.cells) > 0 || want.fills === true);
	for (;;) {
		const widths = shareAmong(wants, shown, width, gap);
		const isShort = (want: ColumnWant, index: number) => shown[index] && want.min !== undefined && (widths[index] ?? 0) < want.min;
		const short = wants.map((want, index) => (isShort(want, index) ? index : -1)).reduce((last, index) => Math.max(last, index), -1);
		if (short === -1) return widths;
		shown[short] = false;
	}
}

/** A column is narrow when its widest cell takes at most this part of a line's room: a fifth. */
const narrowShare = 5;

function shareAmong(wants: readonly ColumnWant[], shown: readonly boolean[], width: number, gap: number): number[] {
	const widths = wants.map(() => 0);
	const columns = wants.flatMap((want, index) => (shown[index] ? [{want, index}] : []));
	let room = width - gap * Math.max(0, columns.length - 1);
	const give = (index: number, columns: number) => {
		const given = Math.max(0, Math.min(columns, room));
		widths[index] = (widths[index] ?? 0) + given;
		room -= given;
	};
	for (const {want, index} of columns) if (want.keep) give(index, Math.max(0, ...want.cells));
	for (const {want, index} of columns) if (want.fills) give(index, want.min ?? 0);
	for (const {want, index} of columns) if (want.stays && !want.keep && !want.fills) give(index, Math.min(want.min ?? 0, Math.max(0, ...want.cells)));
	// A narrow column is shown whole where it takes a small part of what is left: a place beside an event.
	const narrow = room / narrowShare;
	for (const {want, index} of columns)
		if (!want.keep && !want.fills && Math.max(0, ...want.cells) <= narrow) give(index, Math.max(0, ...want.cells) - (widths[index] ?? 0));
	// Each column's cells, narrowest first, and the first of them still cut at its width.
	const cutting = columns.filter(({want}) => !want.keep && !want.fills).map(({want, index}) => ({index, cells: [...want.cells].sort((a, b) => a - b), cut: 0}));
	while (room > 0) {
		for (const column of cutting) while (column.cut < column.cells.length && (column.cells[column.cut] ?? 0) <= (widths[column.index] ?? 0)) column.cut++;
		const uncut = (column: (typeof cutting)[number]) => column.cells.length - column.cut;
		const most = cutting.reduce<(typeof cutting)[number] | undefined>((best, column) => (uncut(column) > (best ? uncut(best) : 0) ? column : best), undefined);
		if (most === undefined) break;
		give(most.index, 1);
	}
	const taker = columns.find(({want}) => want.grow) ?? columns.find(({want}) => want.fills);
	if (taker !== undefined) give(taker.index, room);
	return widths;
}
