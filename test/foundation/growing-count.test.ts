// Counting a table while rows are still being inserted: each count scans only
// the rows inserted since the one before, and still gives what a count of
// every row in so far gives, with a filter or without.
import {join} from 'node:path';
import {afterAll, expect, test} from 'vitest';
import {generateDataDir} from '../../scripts/trade-data.js';
import {FactDatabase} from '../../source/db/database.js';
import {PaneReader} from '../../source/db/pane-reads.js';
import {checkFactBase} from '../../source/facts/check.js';
import {insertBatches} from '../../source/load/rows.js';
import {query as tradeQuery} from '../../source/panes/trade/queries.js';
import {shippedDataDir, shippedSeedsDir} from '../../source/paths.js';
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
