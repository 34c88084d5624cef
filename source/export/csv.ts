// Rows to CSV (RFC 4180: CRLF between records, fields quoted when they need it)
// through Papa Parse, with text cells neutralised against formula injection.
import Papa from 'papaparse';
import {batches} from './batches.js';

const options: Papa.UnparseConfig = {
	newline: '\r\n',
	// OWASP's CSV injection guidance: a text cell that a spreadsheet could read
	// as a formula gets a leading apostrophe, and is quoted. Numbers, negative
	// ones included, stay plain numbers.
	escapeFormulae: /^[=+\-@\t\r\n]/,
};

/** About a cell's share of a batch: its text's length, or a number's few characters. */
const rowSize = (row: readonly unknown[]) => row.reduce<number>((size, cell) => size + (typeof cell === 'string' ? cell.length : 8), 0);

/**
 * CSV text, header first, a batch of rows at a time (see batches.ts):
 * streamed without building the whole export. Rows are arrays of values in
 * the header's order. The header is the first record, neutralised like the
 * rest: a query's column may be named anything, "=1+1" or nothing at all.
 */
export function* csvChunks(header: readonly string[], rows: Iterable<readonly unknown[]>): Generator<string> {
	function* records(): Generator<readonly unknown[]> {
		yield header;
		yield* rows;
	}
	for (const batch of batches(records(), rowSize)) yield `${Papa.unparse(batch as unknown[][], options)}\r\n`;
}
