// The number of terminal columns a text takes: string-width's count, with the
// same signature, and the one width function of the program. The build (and
// the tests) point every import of string-width at this module, Ink's and its
// helpers' included (see build.mjs and vitest.config.ts), so kzrs and the
// renderer measure alike. Text of characters that are one column wide and
// their own grapheme (Latin, Greek, Cyrillic, punctuation, arrows, box
// drawing: nearly all of kzrs's, colour codes aside) is counted without
// segmenting it into graphemes, about a fifth of the first frame and of a
// filter keystroke; test/foundation/width.test.tsx checks every character of
// that set against string-width. Text reaches the screen only through
// printable.ts, which leaves no grapheme of width 0: Ink gives each grapheme
// at least one column, so for such text its placement and this count agree.
import {createRequire} from 'node:module';
import type stringWidthType from 'string-width';
import stripAnsi from 'strip-ansi';

type StringWidth = typeof stringWidthType;
let stringWidth: StringWidth | undefined;
/**
 * string-width, loaded the first time text needs it: its module builds
 * Unicode tables that a first frame of direct text never uses. Required, past
 * the shared resolution of its name, from where this module is.
 */
const loadStringWidth = (): StringWidth => (createRequire(import.meta.url)('string-width') as {default: StringWidth}).default;

/** Characters that are one column wide and never join a neighbour into one grapheme (no combining marks, no emoji). */
export const singleColumnRun =
	/^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u0377\u037A-\u037F\u0384-\u038A\u038C\u038E-\u03A1\u03A3-\u0482\u048A-\u052F\u2010-\u2027\u202F-\u205E\u20A0-\u20C0\u2100-\u214F\u2190-\u22FF\u2500-\u25FC\u25FF\u26A0]*$/;

export function displayWidth(text: string, options?: Parameters<StringWidth>[1]): number {
	if (typeof text === 'string' && options === undefined) {
		// string-width ignores escape sequences the same way.
		const plain = text.includes('\u001B') || text.includes('\u009B') ? stripAnsi(text) : text;
		if (singleColumnRun.test(plain)) return plain.length;
	}
	stringWidth ??= loadStringWidth();
	return stringWidth(text, options);
}

export default displayWidth;
