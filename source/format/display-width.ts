// The number of terminal columns a text takes, for kzrs and, in the bundle, for
// Ink and its helpers too (build.mjs points their `string-width` here), so that
// one measure lines everything up.
//
// string-width answers for all of Unicode, but its module builds Unicode
// property tables when loaded (about 20 ms of the first frame) and each call on
// non-ASCII text segments it into graphemes (tens of microseconds). Nearly all
// of kzrs's text is Latin, Greek, Cyrillic, punctuation, arrows and box
// drawing: one column per character, each character its own grapheme. Such text
// is counted directly; string-width is loaded the first time any other text
// needs measuring. test/foundation/display-width.test.ts checks every character
// of the set against string-width itself.
import {createRequire} from 'node:module';
import type stringWidthType from 'string-width';
import stripAnsi from 'strip-ansi';

type StringWidth = typeof stringWidthType;
type Options = Parameters<StringWidth>[1];

/** Characters that are one column wide and never join a neighbour into one grapheme (no combining marks, no emoji). */
export const singleColumnRun =
	/^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u0377\u037A-\u037F\u0384-\u038A\u038C\u038E-\u03A1\u03A3-\u0482\u048A-\u052F\u2010-\u2029\u202F-\u205E\u20A0-\u20C0\u2100-\u214F\u2190-\u22FF\u2500-\u25FC\u25FF\u26A0]*$/;

let stringWidth: StringWidth | undefined;

/** string-width's answer, without loading string-width for text of single-column characters. */
export function displayWidth(text: string, options?: Options): number {
	if (options === undefined) {
		// string-width ignores escape sequences the same way.
		const plain = text.includes('\u001B') || text.includes('\u009B') ? stripAnsi(text) : text;
		if (singleColumnRun.test(plain)) return plain.length;
	}
	stringWidth ??= (createRequire(import.meta.url)('string-width') as {default: StringWidth}).default;
	return stringWidth(text, options);
}

// Ink, wrap-ansi, widest-line and cli-truncate import string-width's default export.
export default displayWidth;
