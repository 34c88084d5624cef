// A document wrapped to a width, as the offsets of each line in it: the
// reader draws lines of the text as it is and marks passages by offset, so a
// line is a span of the text, not a copy. Lines break after a space where one
// is near, between graphemes where a word is longer than the line, and at
// every line break of the text.
import {printable} from './printable.js';
import {displayWidth, singleColumnRun} from './width.js';

export type LineSpan = [start: number, end: number];

const segmenter = new Intl.Segmenter();

/** The lines of `text` at most `width` columns wide (as printable shows them), by offset; a line's end leaves out the space it broke at. */
export function wrapSpans(text: string, width: number): LineSpan[] {
	const lines: LineSpan[] = [];
	let paragraphStart = 0;
	for (const paragraph of text.split('\n')) {
		wrapParagraph(paragraph, paragraphStart, Math.max(1, width), lines);
		paragraphStart += paragraph.length + 1;
	}
	return lines;
}

function wrapParagraph(paragraph: string, offset: number, width: number, lines: LineSpan[]): void {
	if (singleColumnRun.test(paragraph)) {
		wrapSingleColumns(paragraph, offset, width, lines);
		return;
	}
	let start = 0;
	let used = 0;
	/** The last space on the line: the line may end before it, the next begin after it. */
	let space = -1;
	for (const {segment, index} of segmenter.segment(paragraph)) {
		const columns = displayWidth(printable(segment));
		const blank = /^\s$/.test(segment);
		if (blank && used + columns > width) {
			// A space past the end: the line ends before it, the next begins after it.
			lines.push([offset + start, offset + index]);
			start = index + 1;
			used = 0;
			space = -1;
			continue;
		}
		if (used + columns > width && index > start) {
			const breakAt = space > start ? space : index;
			lines.push([offset + start, offset + breakAt]);
			start = space > start ? space + 1 : index;
			used = displayWidth(printable(paragraph.slice(start, index)));
			space = -1;
		}
		if (blank) space = index;
		used += columns;
	}
	lines.push([offset + start, offset + paragraph.length]);
}

/**
 * wrapParagraph for text whose every UTF-16 unit is one column and its own
 * grapheme (most of every document: Latin and Cyrillic letters, punctuation):
 * columns are offsets, and a line breaks at the last space that fits.
 */
function wrapSingleColumns(paragraph: string, offset: number, width: number, lines: LineSpan[]): void {
	let start = 0;
	while (paragraph.length - start > width) {
		const space = paragraph.lastIndexOf(' ', start + width);
		const breakAt = space > start ? space : start + width;
		lines.push([offset + start, offset + breakAt]);
		start = space > start ? space + 1 : breakAt;
	}
	lines.push([offset + start, offset + paragraph.length]);
}

/** The line holding an offset: the last line starting at or before it. */
export function lineOf(lines: readonly LineSpan[], at: number): number {
	let low = 0;
	let high = lines.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if ((lines[middle] as LineSpan)[0] <= at) low = middle;
		else high = middle - 1;
	}
	return Math.max(0, low);
}
