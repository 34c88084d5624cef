// Text from data or a user's query never reaches the terminal as it is: an
// escape sequence in a cell must not move the cursor or recolour the screen,
// nor a bidirectional override reorder it, and a character that takes no
// column (a zero-width space, a soft hyphen, a mark with nothing to mark)
// must not shift what follows it, since Ink gives every grapheme at least one
// column while the width of the text counts it as none. Line breaks and tabs
// become spaces; other controls and such characters become U+FFFD.
import {displayWidth, singleColumnRun} from './width.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const controls = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;
const spacing = new Set(['\n', '\t', '\r', '\u2028', '\u2029']);
const segmenter = new Intl.Segmenter();
const standIn = '\uFFFD';

export function printable(value: string): string {
	if (singleColumnRun.test(value)) return value;
	const visible = value.replace(controls, (character) => (spacing.has(character) ? ' ' : standIn));
	let result = '';
	for (const {segment} of segmenter.segment(visible)) result += displayWidth(segment) === 0 ? standIn : segment;
	return result;
}
