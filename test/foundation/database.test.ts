// The database module's own promises: rows written through SQLite's C
// functions read back exactly as sql.js would have stored them, and a pane's
// filter counts the same from a pane's search text as by scanning its table.
import {join} from 'node:path';
import type {SqlValue} from 'sql.js';
import {afterAll, describe, expect, test, vi} from 'vitest';
import {generateDataDir} from '../../scripts/trade-data.js';
import {FactDatabase, type InsertBatch} from '../../source/db/database.js';
import {PaneReader, type RowQuery} from '../../source/db/pane-reads.js';
import {RowWriter} from '../../source/db/row-writer.js';
import {initialiseSqlJs} from '../../source/db/sqlite.js';
import type {FactPaths} from '../../source/facts/check.js';
import {foldForSearch} from '../../source/facts/text.js';
import {openFactBase} from '../../source/load/open.js';
import type {AnyPane} from '../../source/panes/pane.js';
import {findPane, shippedPanes} from '../../source/panes/registry.js';
import {shippedDataDir, shippedSeedsDir} from '../../source/paths.js';
import {byId, makeTempDir, readData, removeTempDirs} from '../helpers/fact-base.js';
import {runUserQuery} from '../helpers/query.js';

afterAll(removeTempDirs);

const shipped: FactPaths = {dataDir: shippedDataDir, seedsDir: shippedSeedsDir};

/** A fact base's database, and its panes' rows read as the dashboard and exports read them. */
async function open(paths: FactPaths = shipped) {
	const db = await openFactBase(paths);
	const reader = new PaneReader(db);
	const pane = (id: string): AnyPane => findPane(shippedPanes, id) as AnyPane;
	return {
		db,
		reader,
		rows: (id: string, query: RowQuery = {}) => [...reader.rows(pane(id).query, query)],
		count: (id: string, filter = '') => reader.count(pane(id).query, filter),
		query: (sql: string) => runUserQuery(db, sql),
		close: () => db.close(),
	};
}
const paneIds = shippedPanes.map((pane) => pane.id);
const paneQuery = (id: string) => (findPane(shippedPanes, id) as AnyPane).query;

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
		const {memory} = await initialiseSqlJs();
		const before = memory.buffer.byteLength;
		// One row whose text needs a buffer larger than the whole memory: allocating it grows the memory.
		const text = 'Астана → Београд '.repeat(1_000_000);
		writer.insert('INSERT INTO t VALUES (?)', [[text], ['after']]);
		writer.close();
		expect(memory.buffer.byteLength).toBeGreaterThan(before);
		expect(db.exec('SELECT text = ?, length(text) FROM t ORDER BY rowid', [text])[0]?.values).toEqual([
			[1, text.length],
			[0, 5],
		]);
		db.close();
	});

	test("a row SQLite refuses throws SQLite's message, and the rows before it stay", async () => {
		const {db, writer} = await scratch('CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER CHECK (n >= 0)) STRICT');
		expect(() =>
			writer.insert('INSERT INTO t VALUES (?, ?)', [
				['a', 1],
				['b', -1],
				['c', 2],
			]),
		).toThrow('CHECK constraint failed: n >= 0');
		expect(() => writer.insert('INSERT INTO t VALUES (?, ?)', [['a', 3]])).toThrow('UNIQUE constraint failed: t.id');
		expect(() => writer.insert('INSERT INTO nowhere VALUES (?)', [[1]])).toThrow('no such table: nowhere');
		writer.close();
		expect(readBack(db, 'SELECT id, n FROM t')).toEqual([['a', 1]]);
		db.close();
	});
});

describe('opening', () => {
	test('a load that stops with an error closes its database and gives that error', async () => {
		const {SQL} = await initialiseSqlJs();
		const close = vi.spyOn(SQL.Database.prototype, 'close');
		const broken = new Error('a broken batch');
		function* batches(): Generator<InsertBatch> {
			yield {kind: 'insert', table: 'sources', rows: [['s1', 'f.txt', 'en', null, '2026-02-27', 'date header', 'Title', 'title']]};
			throw broken;
		}
		try {
			await expect(FactDatabase.open(batches())).rejects.toBe(broken);
			expect(close).toHaveBeenCalledTimes(1);
		} finally {
			close.mockRestore();
		}
	});
});

describe('filtering', () => {
	test('a filter counts the same before the search text is read, while it is, and after, and builds no index', async () => {
		const database = await open();
		const indexes = () => database.query("SELECT name FROM sqlite_schema WHERE type = 'index' AND name GLOB '*_by_search*'").rows;
		const unfiltered = database.rows('trade').filter((row) => String(row.currency).includes('USD')).length;
		expect(database.count('trade', 'usd')).toBe(unfiltered);
		expect(database.reader.prepareFilter(paneQuery('trade'), 5)).toBe(false);
		expect(database.count('trade', 'usd 2')).toBe(database.rows('trade', {filter: 'usd 2'}).length);
		while (!database.reader.prepareFilter(paneQuery('trade'), 5));
		expect(database.count('trade', 'usd')).toBe(unfiltered);
		expect(indexes()).toEqual([]);
		database.close();
	});

	test("a trade row's search text: what its list shows and its detail adds, folded, in order, without a part already in the text", async () => {
		const dataDir = join(makeTempDir(), 'data');
		generateDataDir({rows: 200, out: dataDir, dataDir: shippedDataDir, seedsDir: shippedSeedsDir});
		const database = await open({dataDir, seedsDir: shippedSeedsDir});
		const search = (id: string) => String(database.query(`SELECT search FROM trade WHERE id = '${id}'`).rows[0]?.[0]);
		// The indicator, "exports", is in the label already; the figure reads as the list shows it.
		expect(search('exports-2025')).toBe('serbian eksports to kazakhstan 2025 75.7 million usd serbia → kazakhstan');
		// So is "derived"; the balance of two rounded figures is approximate.
		expect(search('balance-2025-derived')).toBe("serbia's balance of trade in goods witkh kazakhstan (derived) 2025 ≈−752.3 million usd");
		// A generated figure's label names its product, which is not added again.
		const [id, label, period, product] = database.query('SELECT id, label, period, product FROM trade WHERE product IS NOT NULL LIMIT 1').rows[0] ?? [];
		expect(String(label)).toContain(String(product));
		expect(search(String(id)).startsWith(`${foldForSearch(String(label))} ${period} `)).toBe(true);
		expect(search(String(id)).split(foldForSearch(String(product)))).toHaveLength(2);
		database.close();
	});
});

describe('windows of rows', () => {
	test("a pane's values are its columns in order, the citation columns last", async () => {
		const database = await open();
		for (const pane of paneIds) {
			const keys = paneQuery(pane).columns.map(({key}) => key);
			if (paneQuery(pane).cited) expect(keys.slice(-3)).toEqual(['sources', 'languages', 'quotes']);
			const values = [...database.reader.values(paneQuery(pane))];
			expect(values.length).toBeGreaterThan(0);
			for (const row of values) expect(row).toHaveLength(keys.length);
		}
		// A figure from the data files, by position: its own columns, then what its citations give.
		const keys = paneQuery('trade').columns.map(({key}) => key);
		const figure = byId(readData('trade'), 'exports-2025');
		const row = [...database.reader.values(paneQuery('trade'))].find((values) => values[0] === figure.id) ?? [];
		const at = (key: string) => row[keys.indexOf(key)];
		const languageOf = new Map(readData('sources').map((source) => [source.id, source.language]));
		expect([at('label'), at('value'), at('currency'), at('flow')]).toEqual([figure.label, figure.value, figure.currency, figure.flow]);
		expect(at('sources')).toBe([...new Set(figure.citations.map(({source}) => source))].join(' '));
		expect(at('languages')).toBe([...new Set(figure.citations.map(({source}) => languageOf.get(source)))].join(' '));
		expect(at('quotes')).toBe(figure.citations.map(({quote}) => quote).join('\n'));
		database.close();
	});

	test('a window past the middle, read from the end when the total is known, holds the rows of the whole list there', async () => {
		const database = await open();
		// Never asked to count, so it reads every list by scanning (see PaneReader.count).
		const reference = await open();
		let windowsPastMiddle = 0;
		for (const pane of paneIds) {
			for (const sort of [undefined, ...paneQuery(pane).sortable]) {
				for (const descending of [false, true]) {
					for (const filter of ['', 'a', 'usd']) {
						const query = {filter, sort, descending};
						const all = reference.rows(pane, query);
						const total = database.count(pane, filter);
						expect(all).toHaveLength(total);
						for (let offset = 0; offset <= total; offset++) {
							for (const limit of [1, 3, 40]) {
								expect(database.rows(pane, {...query, offset, limit, total})).toEqual(all.slice(offset, offset + limit));
								if (offset > total / 2) windowsPastMiddle++;
							}
						}
					}
				}
			}
		}
		expect(windowsPastMiddle).toBeGreaterThan(100);
		database.close();
		reference.close();
	});
});

describe.each([
	{counted: 'by scanning the table', prepared: false},
	{counted: 'from the search text, sorted by orders made ahead', prepared: true},
])('filters typed one character at a time, counted $counted', ({prepared}) => {
	test('count and show what each filter alone matches, in every order, however many rows it matches, and again after Backspace', async () => {
		const dataDir = join(makeTempDir(), 'data');
		generateDataDir({rows: 3000, out: dataDir, dataDir: shippedDataDir, seedsDir: shippedSeedsDir});
		const paths = {dataDir, seedsDir: shippedSeedsDir};
		// Typed into one database, which keeps the ids of few matches; each filter alone into another.
		const typed = await open(paths);
		const alone = await open(paths);
		if (prepared) {
			for (const pane of paneIds) {
				const query = paneQuery(pane);
				expect(typed.reader.prepareFilter(query, Number.MAX_SAFE_INTEGER)).toBe(true);
				for (const sort of query.sortable) {
					for (const descending of [false, true]) while (!typed.reader.prepareOrder(query, {sort, descending}, 1000).whole);
				}
			}
		}
		const words = ['serbian exports', 'meat and edible offal, new 2009', 'usd 2025', 'vucic', 'zq'];
		let fewAndMany = {few: 0, many: 0};
		for (const pane of paneIds) {
			for (const word of words) {
				const prefixes = Array.from(word, (_, end) => word.slice(0, end + 1));
				const sort = paneQuery(pane).sortable[0];
				for (const filter of ['', ...prefixes, ...prefixes.slice(0, -1).reverse()]) {
					const total = typed.count(pane, filter);
					const unsorted = alone.rows(pane, {filter});
					expect(total).toBe(unsorted.length);
					for (const order of [{}, {descending: true}, {sort}, {sort, descending: true}]) {
						const matching = alone.rows(pane, {filter, ...order});
						for (const offset of [0, Math.floor(total / 2), Math.max(0, total - 3)]) {
							expect(typed.rows(pane, {filter, ...order, offset, limit: 3, total})).toEqual(matching.slice(offset, offset + 3));
							// The row at this place in the pane's own order, found in this one.
							const moved = typed.reader.position(paneQuery(pane), {filter, total}, offset, {filter, ...order, total});
							expect(matching[moved]?.id).toBe(unsorted[offset]?.id);
						}
					}
					fewAndMany = total > 1000 ? {...fewAndMany, many: fewAndMany.many + 1} : {...fewAndMany, few: fewAndMany.few + 1};
				}
			}
		}
		// Both ways of counting were taken.
		expect(fewAndMany.few).toBeGreaterThan(10);
		expect(fewAndMany.many).toBeGreaterThan(10);
		typed.close();
		alone.close();
	});
});
