// The filters' search texts are read once the dashboard's first frame is out,
// in steps between keys, not on the first key typed into a filter, so that key
// costs what later ones do.
import {afterEach, expect, test, vi} from 'vitest';
import {SearchText} from '../../source/db/search-text.js';
import {openFactBase} from '../../source/load/open.js';
import {shippedDataDir, shippedSeedsDir} from '../../source/paths.js';
import {FactViews} from '../../source/views/fact-views.js';
import {panes} from '../helpers/dashboard.js';
import {finishDashboards, renderDashboard} from '../helpers/screen.js';

afterEach(() => {
	expect(finishDashboards()).toEqual([]);
	vi.restoreAllMocks();
});

test("every pane on screen has its search text read before any key is pressed, and no key's filter reads it", async () => {
	const views = new FactViews(await openFactBase({dataDir: shippedDataDir, seedsDir: shippedSeedsDir}));
	const extend = vi.spyOn(SearchText.prototype, 'extend');
	const wholeTables = () => new Set((extend.mock.contexts as SearchText[]).filter((text) => text.whole).map((text) => text.table));
	const dashboard = await renderDashboard({columns: 100, rows: 40}, {views});
	await dashboard.shows('Timeline', 'Companies');
	const tables = new Set(panes.map((pane) => pane.query.table));
	expect(tables).toContain('trade');
	await expect.poll(wholeTables).toEqual(tables);
	expect(dashboard.frame()).not.toContain('type to filter');
	const reads = extend.mock.calls.length;
	dashboard.press('/');
	dashboard.type('vucic');
	await dashboard.shows('vucic');
	expect(extend.mock.calls.length).toBe(reads);
	dashboard.unmount();
});
