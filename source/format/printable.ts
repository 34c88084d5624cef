// Text from data or a user's query never reaches the terminal with its control
// characters: an escape sequence in a cell must not move the cursor or recolour
// the screen, nor a bidirectional override reorder it. Newlines and tabs
// become spaces; other controls become U+FFFD.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const controls = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const anyControl = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

export function printable(value: string): string {
	if (!anyControl.test(value)) return value;
	return value.replace(controls, (character) => (character === '\n' || character === '\t' || character === '\r' ? ' ' : '\uFFFD'));
}
