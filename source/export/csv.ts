// Rows to CSV (RFC 4180: CRLF between records, fields quoted when they need it)
// through Papa Parse, with text cells neutralised against formula injection.
import Papa from 'papaparse';

const options: Papa.UnparseConfig = {
	newline: '\r\n',
	// OWASP's CSV injection guidance: a text cell that a spreadsheet could read
	// as a formula gets a leading apostrophe, and is quoted. Numbers, negative
	// ones included, stay plain numbers.
	escapeFormulae: /^[=+\-@\t\r\n]/,
};

/**
 * CSV text, header first, a block of rows at a time: streamed without
 * building the whole export, and without a write for every row. Rows are
 * arrays of values in the header's order. The header is the first record,
 * neutralised like the rest: a query's column may be named anything, "=1+1"
 * or nothing at all.
 */
export function* csvChunks(header: readonly string[], rows: Iterable<readonly unknown[]>, perChunk = 1000): Generator<string> {
	let pending: Array<readonly unknown[]> = [header];
	for (const row of rows) {
		pending.push(row);
		if (pending.length === perChunk) {
			yield `${Papa.unparse(pending, options)}\r\n`;
			pending = [];
		}
	}
	if (pending.length > 0) yield `${Papa.unparse(pending, options)}\r\n`;
}
