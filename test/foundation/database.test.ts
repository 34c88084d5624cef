// The database module's own promises: rows written through SQLite's C
// functions read back exactly as sql.js would have stored them, and a pane's
// search text is computed when filtering first needs it.
import type {SqlValue} from 'sql.js';
import {describe, expect, test} from 'vitest';
import {type FactDatabase, initialiseSqlJs} from '../../source/db/database.js';
import {RowWriter} from '../../source/db/row-writer.js';
import {openDatabase} from '../../source/open-database.js';
import {shippedDataDir, shippedSeedsDir} from '../../source/paths.js';

/** A fresh sql.js database with one table, and a writer on its connection. */
async function scratch(table: string) {
	const runtime = await initialiseSqlJs();
	const db = new runtime.SQL.Database();
	db.exec(table);
	const writer = new RowWriter(runtime, (db as unknown as {db: number}).db);
	return {db, writer};
}

const readBack = (db: {exec(sql: string): Array<{values: SqlValue[][]}>}, sql: string) => db.exec(sql)[0]?.values ?? [];

describe('RowWriter', () => {
	test('strings, numbers and nulls read back exactly as sql.js itself stores them', async () => {
		const columns = '(n INTEGER, text TEXT, real REAL, anything ANY) STRICT';
		const {db, writer} = await scratch(`CREATE TABLE written ${columns}; CREATE TABLE bound ${columns}`);
		const rows: SqlValue[][] = [
			[1, 'ascii', 0.5, null],
			[-7, 'Вучић и Токаев — Астана', -752.3, 'Vuc\u030Cic\u0301'],
			[2 ** 31, '', 903.7, 2 ** 53],
			[0, 'emoji 🇰🇿🇷🇸 and 東京', 1e-9, 'x'.repeat(200_000)],
			[null, null, null, 3],
		];
		writer.insert('INSERT INTO written VALUES (?, ?, ?, ?)', rows);
		writer.close();
		for (const row of rows) db.run('INSERT INTO bound VALUES (?, ?, ?, ?)', row);
		const read = (table: string) =>
			readBack(db, `SELECT n, text, real, anything, typeof(n), typeof(text), typeof(real), typeof(anything) FROM ${table} ORDER BY rowid`);
		expect(read('written').map((row) => row.slice(0, 4))).toEqual(rows);
		expect(read('written')).toEqual(read('bound'));
		db.close();
	});

	test("an empty string in the first row is '', not NULL", async () => {
		const {db, writer} = await scratch('CREATE TABLE t (text TEXT) STRICT');
		writer.insert('INSERT INTO t VALUES (?)', [[''], ['x'], ['']]);
		writer.close();
		expect(readBack(db, 'SELECT text, typeof(text) FROM t ORDER BY rowid')).toEqual([
			['', 'text'],
			['x', 'text'],
			['', 'text'],
		]);
		db.close();
	});

	test('a row larger than the WebAssembly memory grows it and is written whole', async () => {
		const {db, writer} = await scratch('CREATE TABLE t (text TEXT) STRICT');
		const { memory } = await initialiseSqlJs();
		const before = memory.buffer.byteLength;
		// One row whose text needs a buffer larger than the whole memory: allocating it grows the memory.
		const text = 'Астана → Београд '.repeat(1_000_000);
		writer.insert('INSERT INTO t VALUES (?)', [[text], ['after']]);
		writer.close();
		expect(memory.buffer.byteLength).toBeGreaterThan(before);
		expect(readBack(db, 'SELECT text = ?, length(text) FROM t ORDER BY rowid'.replace('?', `'${text}'`))).toEqual([
			[1, text.length],
			[0, 5],
		]);
		db.close();
	});

	test("a row SQLite refuses throws SQLite's message, and the rows before it stay", async () => {
		const {db, writer} = await scratch('CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER CHECK (n >= 0)) STRICT');
		expect(() => writer.insert('INSERT INTO t VALUES (?, ?)', [['a', 1], ['b', -1], ['c', 2]])).toThrow('CHECK constraint failed: n >= 0');
		expect(() => writer.insert('INSERT INTO t VALUES (?, ?)', [['a', 3]])).toThrow('UNIQUE constraint failed: t.id');
		expect(() => writer.insert('INSERT INTO nowhere VALUES (?)', [[1]])).toThrow('no such table: nowhere');
		writer.close();
		expect(readBack(db, 'SELECT id, n FROM t')).toEqual([['a', 1]]);
		db.close();
	});
});

describe('filtering', () => {
	const searchRows = (database: FactDatabase, table: string) => Number(database.query(`SELECT count(*) FROM ${table}_search`).rows[0]?.[0]);

	test("a pane's search text is computed when a filter first needs it, one row for each of its table's", async () => {
		const database = await openDatabase({dataDir: shippedDataDir, seedsDir: shippedSeedsDir});
		const unfiltered = database.rows('trade').filter((row) => String(row.currency).includes('USD')).length;
		expect(searchRows(database, 'trade')).toBe(0);
		expect(database.count('trade', 'usd')).toBe(unfiltered);
		expect(searchRows(database, 'trade')).toBe(database.count('trade'));
		expect(searchRows(database, 'events')).toBe(0);
		database.prepareFilter('timeline');
		expect(searchRows(database, 'events')).toBe(database.count('timeline'));
		// Filling it again adds nothing.
		database.prepareFilter('timeline');
		expect(searchRows(database, 'events')).toBe(database.count('timeline'));
		database.close();
	});

	test('a row is found by any of its parts, folded, and by its quotes', async () => {
		const database = await openDatabase({dataDir: shippedDataDir, seedsDir: shippedSeedsDir});
		const search = (table: string, id: string) => database.query(`SELECT s.search FROM ${table} f JOIN ${table}_search s ON s.id = f.rowid WHERE f.id = '${id}'`).rows[0]?.[0];
		database.completeSearchText();
		expect(search('trade', 'turnover-2025')).toBe('turnover total trade in goods between serbia and kazakhstan 2025 903.7 usd');
		const [event] = database.rows('timeline', {filter: 'astana'});
		expect(event).toBeDefined();
		const eventText = String(search('events', String(event?.id)));
		expect(eventText).toContain('astana');
		// Cyrillic quotes are searchable in Latin letters.
		expect(eventText).toMatch(/[a-z]/);
		expect(eventText).not.toMatch(/[\u0400-\u04FF]/);
		database.close();
	});
});
