import {Readable} from 'node:stream';
import type {Io} from '../cli/io.js';
import {runUserQuery, type SqlResult} from '../db/user-query.js';
import {UserError} from '../errors.js';
import {csvChunks} from '../export/csv.js';
import type {ExportFormat} from '../export/formats.js';
import type {FactPaths} from '../facts/check.js';
import {openFactBase} from '../load/open.js';
import {textTable} from '../text/text-table.js';
import {deliver, type Target} from './output.js';

export type SqlOptions = {format: ExportFormat | 'table'; out: Target | undefined; force: boolean};

/** `kzrs sql "SELECT …"`: a read-only query, printed as a table, CSV or JSON. */
export async function runSql(paths: FactPaths, sql: string, {format, out, force}: SqlOptions, io: Io): Promise<void> {
	const database = await openFactBase(paths);
	let result: SqlResult;
	try {
		result = runUserQuery(database, sql);
	} catch (error) {
		throw new UserError(`sql: ${(error as Error).message}`);
	} finally {
		database.close();
	}
	const {columns, rows} = result;
	// Two result columns may share a name (SELECT 1 AS a, 2 AS a): the second becomes a_2, not a lost value.
	const keys = columns.map((column, index) => (columns.indexOf(column) === index ? column : `${column}_${index + 1}`));
	let content: Readable;
	if (format === 'json') {
		const objects = rows.map((row) => Object.fromEntries(keys.map((key, index) => [key, row[index] ?? null])));
		content = Readable.from([`${JSON.stringify(objects, null, 2)}\n`]);
	} else if (format === 'csv') {
		content = Readable.from(csvChunks(keys, rows), {objectMode: false});
	} else {
		const table = columns.length === 0 ? '(no rows)' : `${textTable(columns, rows)}\n(${rows.length} row${rows.length === 1 ? '' : 's'})`;
		content = Readable.from([`${table}\n`]);
	}
	await deliver(content, out, force, io.stdout);
}
