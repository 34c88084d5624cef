// Rows to CSV (RFC 4180: CRLF between records, fields quoted when they need it)
// through csv-stringify, with text cells neutralised against formula injection.
import {type Stringifier, stringify} from 'csv-stringify';

// OWASP's CSV injection guidance: a cell that a spreadsheet could read as a
// formula gets a leading apostrophe, and is quoted.
const formulaStart = /^[=+\-@\t\r\n]/;

export function neutraliseFormula(value: string): string | {value: string; quoted: boolean} {
	return formulaStart.test(value) ? {value: `'${value}`, quoted: true} : value;
}

/** A stream that takes row objects and gives CSV text, header first. */
export function csvStream(keys: readonly string[]): Stringifier {
	return stringify({
		header: true,
		columns: keys.map((key) => ({key, header: key})),
		record_delimiter: 'windows',
		// Numbers stay plain numbers, negative ones included: only text is neutralised.
		cast: {string: neutraliseFormula, number: (value) => String(value)},
	});
}
