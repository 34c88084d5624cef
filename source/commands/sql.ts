import {constants} from 'node:buffer';
import {Readable} from 'node:stream';
import type {Io} from '../cli/io.js';
import {userQuery} from '../db/user-query.js';
import {UserError} from '../errors.js';
import {joined} from '../export/batches.js';
import {csvChunks} from '../export/csv.js';
import type {ExportFormat} from '../export/formats.js';
import {jsonChunks} from '../export/json.js';
import {type FactSource, openFactBase} from '../load/open.js';
import {type Cell, textTable} from '../text/text-table.js';
import {deliver, outputText, type Target} from './output.js';

export type SqlOptions = {format: ExportFormat | 'table'; out: Target | undefined; force: boolean};

const tooLarge = () => new UserError('sql: a row of the result is too large to write: its text would be longer than Node can hold');

/** A value as the formats write it: a blob as the SQL literal of its bytes, X'…'. */
function cellOf(value: unknown): Cell {
	if (!(value instanceof Uint8Array)) return value as Cell;
	// Refused before the copy that would fail.
	if (2 * value.byteLength + 3 > constants.MAX_STRING_LENGTH) throw tooLarge();
	return `X'${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex').toUpperCase()}'`;
}

function* cellsOf(rows: Iterable<readonly unknown[]>, gate: (cell: Cell) => Cell): Generator<Cell[]> {
	for (const row of rows) yield row.map((value) => gate(cellOf(value)));
}

function* tableChunks(columns: readonly string[], rows: Iterable<readonly Cell[]>): Generator<string> {
	if (columns.length === 0) {
		// No statement has columns, so there are no rows; but the statements run, and may fail.
		Array.from(rows);
		yield '(no rows)\n';
		return;
	}
	let count = 0;
	function* counted(): Generator<readonly Cell[]> {
		for (const row of rows) {
			count++;
			yield row;
		}
	}
	yield* joined(textTable(columns, counted()));
	yield `(${count} row${count === 1 ? '' : 's'})\n`;
}

function* objectsOf(keys: readonly string[], rows: Iterable<readonly Cell[]>): Generator<Record<string, Cell>> {
	for (const row of rows) yield Object.fromEntries(keys.map((key, index) => [key, row[index] ?? null]));
}

/** Whether an error says that a text would be longer than a string can be. */
const tooLong = (error: unknown) =>
	(error instanceof RangeError && error.message === 'Invalid string length') || (error as NodeJS.ErrnoException).code === 'ERR_STRING_TOO_LONG';

/** The chunks, with a row too large to write said as such. */
function* sizeChecked(chunks: Iterable<string>): Generator<string> {
	try {
		yield* chunks;
	} catch (error) {
		if (tooLong(error)) throw tooLarge();
		throw error;
	}
}

/** `kzrs sql "SELECT …"`: a read-only query, streamed as a table, CSV or JSON as its rows come. */
export async function runSql(source: FactSource, sql: string, {format, out, force}: SqlOptions, io: Io): Promise<void> {
	const database = await openFactBase(source);
	let content: Readable | undefined;
	try {
		const {columns, rows} = userQuery(database, sql);
		// Every format as the table always is, on a terminal.
		const gate = outputText(out, io.stdout);
		const shown = (text: string) => gate?.(text) ?? text;
		const names = columns.map(shown);
		// Two result columns may share a name (SELECT 1 AS a, 2 AS a): the second becomes a_2, not a lost value.
		const keys = names.map((name, index) => (names.indexOf(name) === index ? name : `${name}_${index + 1}`));
		const cells = cellsOf(rows, (cell) => (typeof cell === 'string' ? shown(cell) : cell));
		const chunks = format === 'json' ? jsonChunks(objectsOf(keys, cells)) : format === 'csv' ? csvChunks(keys, cells) : tableChunks(names, cells);
		content = Readable.from(sizeChecked(chunks), {objectMode: false});
		await deliver(content, out, force, io.stdout);
	} finally {
		// Stopped early, the rows free their statement before the database closes.
		content?.destroy();
		database.close();
	}
}
