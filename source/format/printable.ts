// Text from data or a user's query never reaches the terminal with its control
// characters: an escape sequence in a cell must not move the cursor or recolour
// the screen. Newlines and tabs become spaces; other controls become U+FFFD.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const control = /[\u0000-\u001F\u007F-\u009F]/g;

export function printable(value: string): string {
	return value.replace(control, (character) => (character === '\n' || character === '\t' || character === '\r' ? ' ' : '\uFFFD'));
}
