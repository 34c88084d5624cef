// A sort order made in steps ranks a table's rows exactly as SQLite's ORDER BY
// over the same terms, then rowid, orders them: for values of every type,
// text past U+FFFF and from U+E000 up, ties, and steps of any size.
import fc from 'fast-check';
import type {Database, SqlValue} from 'sql.js';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {SortOrder} from '../../source/db/sort-order.js';
import {initialiseSqlJs} from '../../source/db/sqlite.js';

let db: Database;
beforeAll(async () => {
	db = new (await initialiseSqlJs()).SQL.Database();
});
afterAll(() => db.close());

/** What SortOrder works through: a query's rows as values, the statement freed; one statement run. */
const database = {
	*values(sql: string, parameters: SqlValue[] = []): Generator<SqlValue[]> {
		const statement = db.prepare(sql);
		try {
			statement.bind(parameters);
			while (statement.step()) yield statement.get();
		} finally {
			statement.free();
		}
	},
	run: (sql: string, parameters: SqlValue[] = []) => void db.run(sql, parameters),
};

type Stored = {rowid: number; key: SqlValue; group: string | null};

const text = fc.string({unit: fc.constantFrom('a', 'B', 'č', 'Ж', '\uE000', '\uFFFD', '😀', '𝔸', ' '), maxLength: 4});
const key: fc.Arbitrary<SqlValue> = fc.oneof(
	fc.constant(null),
	fc.integer({min: -3, max: 3}),
	fc.constantFrom(-0.5, 1.5, 2.0),
	text,
	fc.uint8Array({maxLength: 3}),
);
const storedRows = fc
	.uniqueArray(fc.integer({min: -5, max: 400}), {maxLength: 50})
	.chain((rowids) =>
		fc.tuple(
			...rowids.map((rowid) => fc.record({rowid: fc.constant(rowid), key, group: fc.option(fc.constantFrom('%', 'USD', 'EUR'))}) as fc.Arbitrary<Stored>),
		),
	);

function storedTable(rows: Stored[]): void {
	db.exec('DROP TABLE IF EXISTS t; CREATE TABLE t (k, g TEXT)');
	for (const {rowid, key, group} of rows) db.run('INSERT INTO t (rowid, k, g) VALUES (?, ?, ?)', [rowid, key, group]);
}

const column = (sql: string) => [...database.values(sql)].map(([value]) => value);

test('ranks the rows as ORDER BY the same terms, then rowid, does, made in steps of any size', () => {
	fc.assert(
		fc.property(storedRows, fc.boolean(), fc.boolean(), fc.integer({min: 1, max: 60}), (rows, descending, grouped, step) => {
			storedTable(rows);
			const terms = [{sql: 'f.k IS NULL', descending: false}, ...(grouped ? [{sql: 'f.g', descending: false}] : []), {sql: 'f.k', descending}];
			const order = new SortOrder('t', 'ranks', terms);
			let steps = 0;
			while (!order.extend(database, step)) {
				expect(order.share).toBeLessThan(1);
				steps++;
			}
			expect(order.share).toBe(1);
			// Reading takes a step for every `step` rows, and the steps after it.
			expect(steps).toBeGreaterThanOrEqual(Math.floor(rows.length / step));
			const expected = column(
				`SELECT rowid FROM t f ORDER BY ${terms.map(({sql, descending}) => `${sql} ${descending ? 'DESC' : 'ASC'}`).join(', ')}, f.rowid`,
			);
			expect(column('SELECT row FROM temp.ranks ORDER BY rank')).toEqual(expected);
			expect(column('SELECT rank FROM temp.ranks ORDER BY rank')).toEqual(expected.map((_, index) => index + 1));
		}),
		{numRuns: 400},
	);
});

test('a large table is made in steps of bounded work, its share growing at every step', () => {
	db.exec('DROP TABLE IF EXISTS t; CREATE TABLE t (k, g TEXT)');
	db.run('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) INSERT INTO t (k) SELECT (i * 7919) % 10007 FROM n');
	const order = new SortOrder('t', 'ranks', [{sql: 'f.k', descending: false}]);
	const shares: number[] = [];
	while (!order.extend(database, 1000)) shares.push(order.share);
	// Reading in 20 steps, sorting 10 runs of 2048 rows 2 a step, merging 4 passes of 20,000 rows 16,000 a step, writing 4,000 a step.
	expect(shares.length).toBe(20 + 5 + 5 + 5 - 1);
	expect(shares).toEqual([...shares].sort((a, b) => a - b));
	expect(new Set(shares).size).toBe(shares.length);
	expect(column('SELECT row FROM temp.ranks ORDER BY rank')).toEqual(column('SELECT rowid FROM t ORDER BY k, rowid'));
});
