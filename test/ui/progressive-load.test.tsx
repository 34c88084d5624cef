// A large fact base on screen while it loads: the first trade rows with a
// count that says more are coming, keys that work on the rows already in, and
// the final count once every row is in.
import {join} from 'node:path';
import {afterEach, expect, test} from 'vitest';
import {generateDataDir} from '../../scripts/trade-data.js';
import {openGrowing} from '../../source/load/open.js';
import {shippedDataDir, shippedSeedsDir} from '../../source/paths.js';
import {FactViews} from '../../source/views/fact-views.js';
import {makeTempDir, removeTempDirs} from '../helpers/fact-base.js';
import {finishDashboards, linesWith, renderDashboard} from '../helpers/screen.js';

afterEach(() => {
	expect(finishDashboards()).toEqual([]);
	removeTempDirs();
});

const rows = 60_000;

test('trade rows are on screen, counted as loading, before the load ends; then the final count', async () => {
	const dataDir = join(makeTempDir(), 'data');
	generateDataDir({rows, out: dataDir, dataDir: shippedDataDir, seedsDir: shippedSeedsDir});
	const loading = await openGrowing({dataDir, seedsDir: shippedSeedsDir});
	const first = loading.progress();
	expect(first?.rows).toBeGreaterThan(0);
	expect(first?.finishedTables).toContain('events');
	expect(first?.finishedTables).not.toContain('trade');
	const views = new FactViews(loading.database, loading.progress);
	const dashboard = await renderDashboard({columns: 100, rows: 40}, {views});

	// The first frame: every pane, the trade rows loaded so far, and how far loading is.
	await dashboard.shows('1 Timeline', '2 Memoranda', '4 Companies', '+ loading', 'Loading: ', '% of trade.json read');
	const loadingFrame = dashboard.frame();
	const [tradeTitle] = linesWith(loadingFrame, '3 Trade');
	const counted = Number(/1\/(\d{1,3}(?:,\d{3})*)\+ loading/.exec(tradeTitle ?? '')?.[1]?.replaceAll(',', ''));
	expect(counted).toBeGreaterThan(0);
	expect(counted).toBeLessThan(rows);
	expect(loadingFrame).toContain('Total trade in goods');
	// Panes whose tables are in are counted exactly.
	expect(linesWith(loadingFrame, '1 Timeline')[0]).not.toContain('loading');

	// Keys work on the rows already in: moving in the trade pane, opening a row's detail.
	dashboard.press('3', 'j');
	await expect.poll(() => linesWith(dashboard.frame(), '3 Trade')[0]).toMatch(/2\/\d+/);
	dashboard.press('\r');
	await dashboard.shows('Quotes (');
	dashboard.press('\u001B');

	await loading.whole;
	await expect.poll(() => linesWith(dashboard.frame(), '3 Trade')[0]).toMatch(/(?<![\d,])2\/60,000(?![\d,+])/);
	expect(dashboard.frame()).not.toContain('loading');
	expect(dashboard.frame()).not.toContain('Loading');
	dashboard.unmount();
	loading.database.close();
});
