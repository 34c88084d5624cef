// The reader's part of the reducer, pure like the rest of it: where the
// document is scrolled, which stretch of it is selected (a cited passage, a
// search match, a sentence nothing cites), the search being typed, and the
// list of facts citing the selected passage.
import {type FoldedText, foldFilter, foldTracingSources, searchMatches} from '../facts/text.js';
import {type LineSpan, lineOf} from '../text/wrap-spans.js';
import type {CitingFact, Span} from '../views/documents.js';
import type {ReaderStart, RowQuery} from '../views/fact-views.js';
import type {KeyPress} from './keys.js';
import type {Overlay} from './state.js';

/** The row the reader was opened from, and where in its document. */
export type ReaderOpening = {pane: string; query: RowQuery; index: number; start: ReaderStart};

/** A document laid out for the reader at one width: what the reducer scrolls over and the view draws. */
export type ReaderShape = {
	source: string;
	/** The header: title, then outlet, language and publication date with how it is known. */
	header: [string, string];
	text: string;
	lines: LineSpan[];
	/** The cited passages, in the document's order, and the facts citing each. */
	passages: Span[];
	facts: CitingFact[][];
};

export type ReaderOverlay = {
	kind: 'reader';
	opening: ReaderOpening;
	/** Where Esc returns: the view the reader was opened from. */
	back: Overlay;
	/** Null until the document is laid out at the view's width. */
	shape: ReaderShape | null;
	selection: Span | null;
	/** The first line in view. */
	top: number;
	/** The search being typed, the selection before it (Esc goes back to it), and what the search matches, which the view marks. */
	search: {text: string; from: Span | null; matches: readonly Span[]} | null;
	/** The cursor in the list of facts citing the selected passage, while it is open. */
	facts: number | null;
};

/** What a key in the reader comes to. */
export type ReaderOutcome = {overlay: ReaderOverlay} | {close: true} | {copy: {text: string; source: string}} | {jump: CitingFact} | undefined;

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));

/** The lines a span takes. */
function linesOf(lines: readonly LineSpan[], [start, end]: Span): [number, number] {
	return [lineOf(lines, start), lineOf(lines, Math.max(start, end - 1))];
}

/** The index of the last item that passes, or -1 (Array's findLastIndex is ES2023, past this build's library). */
function lastIndexWhere<Item>(items: readonly Item[], passes: (item: Item) => boolean): number {
	for (let index = items.length - 1; index >= 0; index--) if (passes(items[index] as Item)) return index;
	return -1;
}

const bottomOf = (shape: ReaderShape, rows: number) => Math.max(0, shape.lines.length - rows);

/** The view moved as little as brings a span in, its start first. */
export function scrolledTo(shape: ReaderShape, rows: number, top: number, span: Span | null): number {
	if (span === null) return clamp(top, 0, bottomOf(shape, rows));
	const [first, last] = linesOf(shape.lines, span);
	let next = top;
	if (first < top) next = first;
	else if (last > top + rows - 1) next = Math.min(first, last - rows + 1);
	return clamp(next, 0, bottomOf(shape, rows));
}

/** The view on opening: the selection a third of the way down, with what leads to it above. */
export function openedTop(shape: ReaderShape, rows: number, selection: Span | null): number {
	if (selection === null) return 0;
	const [first] = linesOf(shape.lines, selection);
	return scrolledTo(shape, rows, clamp(first - Math.floor(rows / 3), 0, bottomOf(shape, rows)), selection);
}

const sameSpan = (a: Span | null, b: Span | null) => a !== null && b !== null && a[0] === b[0] && a[1] === b[1];

/** The index of the selected passage, if a passage is what is selected. */
export const selectedPassage = ({shape, selection}: ReaderOverlay): number => shape?.passages.findIndex((span) => sameSpan(span, selection)) ?? -1;

/** The next (or previous) passage from the selection, or from the top of the view when nothing is selected. */
function steppedPassage({selection, top}: ReaderOverlay, {passages, lines}: ReaderShape, forward: boolean): Span | undefined {
	if (selection === null) {
		const from = lines[top]?.[0] ?? 0;
		return forward ? passages.find(([start]) => start >= from) : passages[lastIndexWhere(passages, ([start]) => start < from)];
	}
	const [from, to] = selection;
	if (forward) return passages.find(([start, end]) => start > from || (start === from && end > to));
	return passages[lastIndexWhere(passages, ([start, end]) => start < from || (start === from && end < to))];
}

function select(overlay: ReaderOverlay, shape: ReaderShape, rows: number, selection: Span | null): ReaderOverlay {
	return {...overlay, selection, top: scrolledTo(shape, rows, overlay.top, selection)};
}

/** Each laid-out document folded for search, once: the search is typed a key at a time, over a document of up to megabytes. */
const foldedDocuments = new WeakMap<ReaderShape, FoldedText>();

function foldedOf(shape: ReaderShape): FoldedText {
	let folded = foldedDocuments.get(shape);
	if (folded === undefined) {
		folded = foldTracingSources(shape.text);
		foldedDocuments.set(shape, folded);
	}
	return folded;
}

/** The search's matches, and the one at or after where the search began (going round to the first). */
function searched(overlay: ReaderOverlay, shape: ReaderShape, rows: number, text: string, from: Span | null, step: 0 | 1 | -1): ReaderOverlay {
	const matches = text === '' ? [] : searchMatches(shape.text, foldFilter(text), foldedOf(shape));
	const search = {text, from, matches};
	if (matches.length === 0) return {...overlay, search, selection: from, top: scrolledTo(shape, rows, overlay.top, from)};
	const current = step === 0 ? (from?.[0] ?? 0) : (overlay.selection?.[0] ?? 0);
	let index = matches.findIndex(([start]) => (step === 1 ? start > current : start >= current));
	if (step === -1) index = lastIndexWhere(matches, ([start]) => start < current);
	if (index === -1) index = step === -1 ? matches.length - 1 : 0;
	return {...select(overlay, shape, rows, matches[index] as Span), search};
}

function searching(overlay: ReaderOverlay, shape: ReaderShape, rows: number, key: KeyPress): ReaderOutcome {
	const {text, from} = overlay.search ?? {text: '', from: null};
	if (key.text !== '') return {overlay: searched(overlay, shape, rows, text + key.text, from, 0)};
	switch (key.command) {
		case 'erase':
			return {overlay: searched(overlay, shape, rows, [...text].slice(0, -1).join(''), from, 0)};
		case 'clear-line':
			return {overlay: searched(overlay, shape, rows, '', from, 0)};
		case 'down':
			return {overlay: searched(overlay, shape, rows, text, from, 1)};
		case 'up':
			return {overlay: searched(overlay, shape, rows, text, from, -1)};
		case 'open':
			return {overlay: {...overlay, search: null}};
		case 'back':
			return {overlay: {...select(overlay, shape, rows, from), search: null}};
		default:
			return undefined;
	}
}

function choosing(overlay: ReaderOverlay, facts: readonly CitingFact[], key: KeyPress): ReaderOutcome {
	const cursor = overlay.facts ?? 0;
	const moves: Partial<Record<string, number>> = {up: cursor - 1, down: cursor + 1, first: 0, last: facts.length - 1};
	const moved = key.command === undefined ? undefined : moves[key.command];
	if (moved !== undefined) return {overlay: {...overlay, facts: clamp(moved, 0, facts.length - 1)}};
	if (key.command === 'back') return {overlay: {...overlay, facts: null}};
	const chosen = facts[cursor];
	if (key.command === 'open' && chosen) return {jump: chosen};
	return undefined;
}

/** A key in the reader, with `rows` lines of the document in view. */
export function readerKey(overlay: ReaderOverlay, rows: number, key: KeyPress): ReaderOutcome {
	const {shape} = overlay;
	if (shape === null) return key.command === 'back' || key.command === 'quit' ? {close: true} : undefined;
	if (overlay.search !== null) return searching(overlay, shape, rows, key);
	const passage = selectedPassage(overlay);
	if (overlay.facts !== null) return choosing(overlay, shape.facts[passage] ?? [], key);
	const scroll = (top: number) => ({overlay: {...overlay, top: clamp(top, 0, bottomOf(shape, rows))}});
	switch (key.command) {
		case 'back':
		case 'quit':
			return {close: true};
		case 'next-passage':
		case 'previous-passage': {
			const span = steppedPassage(overlay, shape, key.command === 'next-passage');
			return span === undefined ? undefined : {overlay: select(overlay, shape, rows, span)};
		}
		case 'down':
			return scroll(overlay.top + 1);
		case 'up':
			return scroll(overlay.top - 1);
		case 'page-down':
			return scroll(overlay.top + rows);
		case 'page-up':
			return scroll(overlay.top - rows);
		case 'first':
			return scroll(0);
		case 'last':
			return scroll(shape.lines.length);
		case 'open':
			return passage === -1 ? undefined : {overlay: {...overlay, facts: 0}};
		case 'filter':
			return {overlay: {...overlay, search: {text: '', from: overlay.selection, matches: []}}};
		case 'copy':
			return overlay.selection === null ? undefined : {copy: {text: shape.text.slice(...overlay.selection), source: shape.source}};
		default:
			return undefined;
	}
}
