// Rows to CSV (RFC 4180: CRLF between records, fields quoted when they need it)
// through csv-stringify, with text cells neutralised against formula injection.
import {stringify} from 'csv-stringify/sync';

// OWASP's CSV injection guidance: a cell that a spreadsheet could read as a
// formula gets a leading apostrophe, and is quoted.
const formulaStart = /^[=+\-@\t\r\n]/;

function neutraliseFormula(value: string): string | {value: string; quoted: boolean} {
	return formulaStart.test(value) ? {value: `'${value}`, quoted: true} : value;
}

/**
 * CSV text, header first, a block of rows at a time: streamed without
 * building the whole export, and without a write for every row.
 */
export function* csvChunks(keys: readonly string[], rows: Iterable<Record<string, unknown>>, perChunk = 1000): Generator<string> {
	const options = {
		record_delimiter: 'windows' as const,
		// Numbers stay plain numbers, negative ones included: only text is neutralised.
		cast: {string: neutraliseFormula, number: (value: number) => String(value)},
	};
	// The header is the first record, neutralised like the rest: a query's
	// column may be named anything, "=1+1" or nothing at all.
	let pending: unknown[][] = [[...keys]];
	for (const row of rows) {
		// As arrays: csv-stringify then takes values by position, not by looking up each key path.
		pending.push(keys.map((key) => row[key]));
		if (pending.length === perChunk) {
			yield stringify(pending, options);
			pending = [];
		}
	}
	if (pending.length > 0) yield stringify(pending, options);
}
