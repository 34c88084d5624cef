// Reading CSV back as its consumers do, and what a cell should hold.
import {spawnSync} from 'node:child_process';
import {parse} from 'csv-parse/sync';
import {requireTool} from './tools.js';

export type Cell = string | number | null;

/** Rows of a CSV file as Python's csv module reads them (header row included). */
export function parseWithPython(file: string): string[][] {
	requireTool('python3', "reading CSV back with Python's csv module");
	const script = ['import csv, json, sys', "with open(sys.argv[1], newline='', encoding='utf-8') as f:", '    json.dump(list(csv.reader(f)), sys.stdout)'].join(
		'\n',
	);
	const result = spawnSync('python3', ['-c', script, file], {encoding: 'utf8'});
	if (result.error) throw result.error;
	if (result.status !== 0) throw new Error(`python3 csv failed: ${result.stderr}`);
	return JSON.parse(result.stdout) as string[][];
}

/** Rows of CSV text as the csv-parse package reads them (header row included). */
export function parseWithCsvParse(text: string | Buffer): string[][] {
	return parse(text, {relax_column_count: false});
}

// OWASP CSV-injection guidance: a text cell a spreadsheet could run as a formula.
const formulaStart = /^[=+\-@\t\r\n]/;

/**
 * What the CSV cell for a JSON export value must read back as: empty for null,
 * the plain number for a number (negative ones too), and text unchanged unless
 * it could start a formula, when it gains one leading apostrophe.
 */
export function expectedCsvCell(value: Cell): string {
	if (value === null) return '';
	if (typeof value === 'number') return String(value);
	return formulaStart.test(value) ? `'${value}` : value;
}

/** The CSV rows (header first) that a JSON export's rows should produce. */
export function expectedCsvRows(columns: readonly string[], rows: ReadonlyArray<Record<string, Cell>>): string[][] {
	return [[...columns], ...rows.map((row) => columns.map((column) => expectedCsvCell(row[column] ?? null)))];
}
