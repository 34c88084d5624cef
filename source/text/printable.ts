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

// Every character a terminal could act on or hide: controls (C0, DEL, C1),
// format characters (bidi controls, zero-width ones, the soft hyphen),
// line and paragraph separators, default-ignorable code points (fillers,
// variation selectors, tags) and lone surrogates.
const unsafeInMessages = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;

/**
 * Text for a one-line message (stderr): every character a terminal could act
 * on or hide is written as its escape, `\x1B` or `\u{200B}`, so a message
 * quoting a value shows what the value holds and does nothing else. The one
 * gate for messages: the command line passes every message through it.
 */
export function escaped(text: string): string {
	return text.replace(unsafeInMessages, (character) => {
		const code = character.codePointAt(0) ?? 0;
		return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u{${code.toString(16).toUpperCase()}}`;
	});
}
