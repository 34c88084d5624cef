// The database read while rows are still being inserted. Each count scans
// only the rows inserted since the one before, and still gives what a count
// of every row in so far gives, with a filter or without; a derived figure,
// whose quotes come last, says so until they are in.
import {join} from 'node:path';
import {afterAll, expect, test} from 'vitest';
import {generateDataDir} from '../../scripts/trade-data.js';
import {FactDatabase} from '../../source/db/database.js';
import {PaneReader} from '../../source/db/pane-reads.js';
import {checkFactBase} from '../../source/facts/check.js';
import {insertBatches} from '../../source/load/rows.js';
import {trade} from '../../source/panes/trade/index.js';
import {query as tradeQuery} from '../../source/panes/trade/queries.js';
import {shippedDataDir, shippedSeedsDir} from '../../source/paths.js';
import {FactViews} from '../../source/views/fact-views.js';
import {makeTempDir, removeTempDirs} from '../helpers/fact-base.js';

afterAll(removeTempDirs);

test('a count while trade rows come in, batch by batch, is the count of every row in so far', async () => {
	const dataDir = join(makeTempDir(), 'data');
	generateDataDir({rows: 4000, out: dataDir, dataDir: shippedDataDir, seedsDir: shippedSeedsDir});
	const filling = await FactDatabase.filling();
	const growing = new PaneReader(filling.database);
	const filters = ['', 'expo', 'Dairy', 'izvoz', 'no such text'];
	const counts: number[][] = [];
	for (const batch of insertBatches(checkFactBase({dataDir, seedsDir: shippedSeedsDir}))) {
		filling.insert(batch);
		if (batch.kind !== 'insert' || batch.table !== 'trade') continue;
		growing.rowsAdded(false);
		const grown = filters.map((filter) => growing.count(tradeQuery, filter));
		// A reader that keeps nothing between batches counts every row in so far.
		const whole = new PaneReader(filling.database);
		expect(grown).toEqual(filters.map((filter) => whole.count(tradeQuery, filter)));
		counts.push(grown);
	}
	filling.finish();
	// Several batches, each counted with more rows than the one before.
	expect(counts.length).toBeGreaterThan(2);
	expect(counts.at(-1)?.[0]).toBe(4000);
	expect(counts[0]?.[0]).toBeLessThan(4000);
	// Matches for the filters that match something, by the quotes too ("izvoz" is only in a quote).
	expect(counts.at(-1)?.slice(1)).toEqual([expect.any(Number), expect.any(Number), expect.any(Number), 0]);
	for (const count of counts.at(-1)?.slice(1, 4) ?? []) expect(count).toBeGreaterThan(0);
	filling.database.close();
});

test('a derived figure read before every row is in says its quotes are still to come, then has them', async () => {
	const filling = await FactDatabase.filling();
	const views = new FactViews(filling.database);
	const derived = (): {quotes: number; notes: string[]} => {
		const index = views.reader.db.number("SELECT count(*) FROM trade WHERE rowid < (SELECT rowid FROM trade WHERE id = 'turnover-2024-derived')");
		const detail = views.detail(trade, {}, index);
		expect(detail?.id).toBe('turnover-2024-derived');
		return {quotes: detail?.quotes.length ?? -1, notes: detail?.notes.map(({text}) => text) ?? []};
	};
	let read: ReturnType<typeof derived> | undefined;
	for (const batch of insertBatches(checkFactBase({dataDir: shippedDataDir, seedsDir: shippedSeedsDir}))) {
		filling.insert(batch);
		if (batch.kind === 'insert' && batch.table === 'trade') read = derived();
	}
	filling.finish();
	const toCome = 'Its quotes are read once every row is loaded: a derived figure borrows those of its inputs.';
	expect(read?.quotes).toBe(0);
	expect(read?.notes).toContain(toCome);
	const whole = derived();
	expect(whole.quotes).toBeGreaterThan(0);
	expect(whole.notes).not.toContain(toCome);
	filling.database.close();
});
