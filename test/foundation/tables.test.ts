// A record's field is stored in the schema's columns and shown by the pane of
// its table: a field added to a shape (facts/records.ts) but not to its table
// (db/tables.ts, db/schema.ts) or its pane, or the other way round, fails here
// (and, for the table's own list of fields, in the type check).
import {describe, expect, test} from 'vitest';
import {rowColumns, type Table, tables} from '../../source/db/tables.js';
import {dataFileNames} from '../../source/facts/records.js';
import {shippedPanes} from '../../source/panes/registry.js';
import {shippedViews} from '../helpers/dashboard.js';
import {readData} from '../helpers/fact-base.js';
import {runUserQuery} from '../helpers/query.js';

/** Columns kzrs keeps for itself: the folded search text and the citation list. */
const ownColumns = new Set(['search', 'citation_list']);

describe.each(dataFileNames)('%s', (name) => {
	const table = tables[name] as Table<typeof name>;

	test('every field of a record is stored: the table names exactly the fields the data file has', () => {
		const [record] = readData(name);
		expect(record).toBeDefined();
		// The shape requires every field, so a shipped record has them all.
		expect([...table.fields].sort()).toEqual(Object.keys(record ?? {}).sort());
	});

	test('the schema has exactly the columns rows are inserted into', async () => {
		const {reader} = await shippedViews();
		const schema = runUserQuery(reader.db, `SELECT name FROM pragma_table_info('${name}')`).rows.map(([column]) => String(column));
		expect([...schema].sort()).toEqual([...rowColumns(name)].sort());
	});
});

// Honours are shown beside their recipients in the people pane, and by kzrs sql: no pane shows their table.
const shownTables = shippedPanes.flatMap((pane) => dataFileNames.filter((name) => name === pane.query.table).map((name) => [pane, name] as const));

test.each(shownTables.map(([pane, name]) => [pane.id, name, pane] as const))('the %s pane shows every stored column of %s', (_, name, pane) => {
	const selected = new Set(pane.query.columns.map((column) => column.sql));
	for (const column of rowColumns(name).filter((column) => !ownColumns.has(column))) expect(selected, column).toContain(`f.${column}`);
});

test('every table but honours has a pane', () => {
	expect(dataFileNames.filter((name) => !shownTables.some(([, shown]) => shown === name))).toEqual(['honours']);
});
