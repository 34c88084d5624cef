// The number of terminal columns a text takes, for kzrs and, in the bundle, for
// Ink and its helpers too (build.mjs points their `string-width` here), so that
// one measure lines everything up.
//
// string-width answers for all of Unicode, but its module builds Unicode
// property tables when loaded (about 20 ms of the first frame) and each call on
// non-ASCII text segments it into graphemes (tens of microseconds). Nearly all
// of kzrs's text is Latin, Greek, Cyrillic, punctuation, arrows and box
// drawing: one column per character, each character its own grapheme. Such text
// is counted directly; string-width is loaded, with require() (Node 20.19 or
// later loads an ES module so), the first time any other text needs measuring.
// test/foundation/display-width.test.ts checks every character of the set
// against string-width itself.
import {createRequire} from 'node:module';
import type stringWidthType from 'string-width';
import stripAnsi from 'strip-ansi';

type StringWidth = typeof stringWidthType;

/** Characters that are one column wide and never join a neighbour into one grapheme (no combining marks, no emoji). */
export const singleColumnRun =
	/^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u0377\u037A-\u037F\u0384-\u038A\u038C\u038E-\u03A1\u03A3-\u0482\u048A-\u052F\u2010-\u2029\u202F-\u205E\u20A0-\u20C0\u2100-\u214F\u2190-\u22FF\u2500-\u25FC\u25FF\u26A0]*$/;

/**
 * A string-width that counts single-column text itself and asks the one `load`
 * gives for any other, and for text with characters that one does not count
 * as one column (`notSingle`).
 */
function directlyCounting(load: () => StringWidth, notSingle?: RegExp): StringWidth {
	let stringWidth: StringWidth | undefined;
	return (text, options) => {
		if (typeof text === 'string' && options === undefined) {
			// string-width ignores escape sequences the same way.
			const plain = text.includes('\u001B') || text.includes('\u009B') ? stripAnsi(text) : text;
			if (singleColumnRun.test(plain) && !notSingle?.test(plain)) return plain.length;
		}
		stringWidth ??= load();
		return stringWidth(text, options);
	};
}

const required = (specifier: string, from: string) => (createRequire(from)(specifier) as {default: StringWidth}).default;

/** string-width's answer, without loading string-width for text of single-column characters. */
export const displayWidth = directlyCounting(() => required('string-width', import.meta.url));

// Ink, widest-line and cli-truncate import string-width's default export.
export default displayWidth;

/**
 * The same for wrap-ansi, over the string-width it depends on (version 7).
 * wrap-ansi measures a word one code point at a time, and version 7 counts an
 * emoji that has a text form (⚠, ©, ▶…) as two columns even alone, where
 * version 8 counts it as one and the U+FE0F that may follow as none: wrapping
 * then errs short rather than past the edge.
 */
export const wrapAnsiWidth = directlyCounting(
	() => required('string-width', createRequire(import.meta.url).resolve('wrap-ansi')),
	/[\u00A9\u00AE\u203C\u2049\u2122\u2139\u2194-\u2199\u21A9\u21AA\u25AA\u25AB\u25B6\u25C0\u25FB\u25FC\u26A0]/,
);
