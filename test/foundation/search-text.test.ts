// A table's search text in memory finds what the table's own column holds:
// the same rows, counted, and their first ids in rowid order, for any text and
// any filter, multi-byte characters and GLOB's own wildcards included.
import fc from 'fast-check';
import type {Database, SqlValue} from 'sql.js';
import {afterAll, beforeAll, expect, test} from 'vitest';
import type {Value} from '../../source/db/database.js';
import {SearchText} from '../../source/db/search-text.js';
import {initialiseSqlJs} from '../../source/db/sqlite.js';

let db: Database;
beforeAll(async () => {
	db = new (await initialiseSqlJs()).SQL.Database();
});
afterAll(() => db.close());

/** What SearchText reads through: a query's rows as values, the statement freed. */
const values = function* (sql: string, parameters: SqlValue[] = []): Generator<Value[]> {
	const statement = db.prepare(sql);
	try {
		statement.bind(parameters);
		while (statement.step()) yield statement.get() as Value[];
	} finally {
		statement.free();
	}
};

type Stored = {rowid: number; search: string; list: number | null};

function storedTable(rows: Stored[]): void {
	db.exec('DROP TABLE IF EXISTS t; CREATE TABLE t (search TEXT NOT NULL, citation_list INTEGER)');
	for (const {rowid, search, list} of rows) db.run('INSERT INTO t (rowid, search, citation_list) VALUES (?, ?, ?)', [rowid, search, list]);
}

const text = (maxLength: number) => fc.string({unit: fc.constantFrom('a', 'b', ' ', 'č', 'Ж', '😀', '*', '?', '[', '\n'), maxLength});
const storedRows = fc
	.uniqueArray(fc.integer({min: -5, max: 500}), {maxLength: 60})
	.chain((rowids) =>
		fc.tuple(...rowids.sort((a, b) => a - b).map((rowid) => fc.record({rowid: fc.constant(rowid), search: text(12), list: fc.option(fc.nat(4))}))),
	);

test('counts and lists the rows whose text holds the filter or whose list quotes it, read in steps of any size', () => {
	fc.assert(
		fc.property(storedRows, text(4), fc.uniqueArray(fc.nat(4)), fc.integer({min: 1, max: 70}), fc.nat(70), (rows, filter, lists, step, keep) => {
			fc.pre(filter !== '');
			storedTable(rows);
			const searchText = new SearchText('t', true);
			let steps = 0;
			while (!searchText.extend({values}, step)) steps++;
			expect(steps).toBe(Math.floor(rows.length / step));
			const matching = rows.filter((row) => row.search.includes(filter) || (row.list !== null && lists.includes(row.list)));
			expect(searchText.matches(filter, lists, keep)).toEqual({count: matching.length, ids: matching.slice(0, keep).map((row) => row.rowid)});
		}),
		{numRuns: 400},
	);
});

test('answers nothing before every row is read, nor for a filter holding the separator between texts', () => {
	storedTable([
		{rowid: 1, search: 'ab', list: null},
		{rowid: 2, search: 'ba', list: null},
	]);
	const searchText = new SearchText('t', true);
	expect(searchText.extend({values}, 1)).toBe(false);
	expect(searchText.matches('a', [], 5)).toBeUndefined();
	expect(searchText.extend({values}, 1)).toBe(false);
	expect(searchText.extend({values}, 1)).toBe(true);
	expect(searchText.matches('a', [], 5)).toEqual({count: 2, ids: [1, 2]});
	// Across two rows' texts: "b", the separator, "b".
	expect(searchText.matches('b\u0000b', [], 5)).toBeUndefined();
});

test('reads a row as GLOB does: no list matches no list, not even one numbered -1, and a text ends at its first NUL', () => {
	db.exec('DROP TABLE IF EXISTS t; CREATE TABLE t (search TEXT, citation_list INTEGER)');
	db.exec("INSERT INTO t (rowid, search, citation_list) VALUES (1, 'ab' || char(0) || 'cd', NULL), (2, 'xy', -1), (3, CAST('hi' AS BLOB), NULL)");
	const searchText = new SearchText('t', true);
	while (!searchText.extend({values}, 2));
	const globbed = (filter: string, lists: number[]) =>
		[...values(`SELECT rowid FROM t WHERE search GLOB ? OR citation_list IN (${lists.join(',') || 'NULL'}) ORDER BY rowid`, [`*${filter}*`])].map(([id]) => id);
	for (const [filter, lists] of [
		['cd', []],
		['ab', []],
		['zz', [-1]],
		['hi', []],
	] as const) {
		expect(searchText.matches(filter, lists, 5)?.ids, filter).toEqual(globbed(filter, [...lists]));
	}
});
