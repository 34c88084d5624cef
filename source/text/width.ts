// The number of terminal columns a text takes: string-width's count, the same
// function Ink measures and places text with. Text of characters that are one
// column wide and their own grapheme (Latin, Greek, Cyrillic, punctuation,
// arrows, box drawing: nearly all of kzrs's) is counted without segmenting it
// into graphemes; test/text/width.test.ts checks every character of that set
// against string-width. Text reaches the screen only through terminalText
// (printable.ts), which leaves no grapheme of width 0: Ink gives each grapheme
// at least one column, so for such text its placement and this count agree.
import stringWidth from 'string-width';

/** Characters that are one column wide and never join a neighbour into one grapheme (no combining marks, no emoji). */
export const singleColumnRun =
	/^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u0377\u037A-\u037F\u0384-\u038A\u038C\u038E-\u03A1\u03A3-\u0482\u048A-\u052F\u2010-\u2027\u202F-\u205E\u20A0-\u20C0\u2100-\u214F\u2190-\u22FF\u2500-\u25FC\u25FF\u26A0]*$/;

export function displayWidth(text: string): number {
	return singleColumnRun.test(text) ? text.length : stringWidth(text);
}
