import {Readable} from 'node:stream';
import {UserError} from '../errors.js';
import type {ExportFormat} from '../export/formats.js';
import {csvChunks} from '../export/csv.js';
import type {FactPaths} from '../facts/load.js';
import {textTable} from '../format/text-table.js';
import {openDatabase} from '../open-database.js';
import {deliver} from './output.js';

/** `kzrs sql "SELECT …"`: a read-only query, printed as a table, CSV or JSON. */
export async function runSql(paths: FactPaths, sql: string, format: ExportFormat | 'table', out: string | undefined, force: boolean): Promise<void> {
	const database = await openDatabase(paths);
	let result: ReturnType<typeof database.query>;
	try {
		result = database.query(sql);
	} catch (error) {
		throw new UserError(`sql: ${(error as Error).message}`);
	} finally {
		database.close();
	}
	const {columns, rows} = result;
	// Two result columns may share a name (SELECT 1 AS a, 2 AS a): the second becomes a_2, not a lost value.
	const keys = columns.map((column, index) => (columns.indexOf(column) === index ? column : `${column}_${index + 1}`));
	if (format === 'json') {
		const objects = rows.map((row) => Object.fromEntries(keys.map((key, index) => [key, row[index] ?? null])));
		await deliver(Readable.from([`${JSON.stringify(objects, null, 2)}\n`]), out, force);
	} else if (format === 'csv') {
		await deliver(Readable.from(csvChunks(keys, rows), {objectMode: false}), out, force);
	} else {
		const table = columns.length === 0 ? '(no rows)' : `${textTable(columns, rows)}\n(${rows.length} row${rows.length === 1 ? '' : 's'})`;
		await deliver(Readable.from([`${table}\n`]), out, force);
	}
}
