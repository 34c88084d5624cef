// The filter's indexes are built once the dashboard's first frame is out, not
// on the first key typed into a filter, so that key costs what later ones do.
import {afterEach, expect, test} from 'vitest';
import {openFactBase} from '../../source/load/open.js';
import {shippedDataDir, shippedSeedsDir} from '../../source/paths.js';
import {FactViews} from '../../source/views/fact-views.js';
import {panes} from '../helpers/dashboard.js';
import {finishDashboards, renderDashboard} from '../helpers/screen.js';

afterEach(() => {
	expect(finishDashboards()).toEqual([]);
});

test('every pane on screen can be filtered without building an index, before any key is pressed', async () => {
	// A database of its own: no other test has filtered it.
	const views = new FactViews(await openFactBase({dataDir: shippedDataDir, seedsDir: shippedSeedsDir}));
	const searchIndexes = () =>
		views.reader.db
			.all("SELECT tbl_name FROM sqlite_schema WHERE type = 'index' AND name = tbl_name || '_by_search' ORDER BY tbl_name")
			.map((row) => row.tbl_name);
	expect(searchIndexes()).toEqual([]);
	const dashboard = await renderDashboard({columns: 100, rows: 40}, {views});
	await dashboard.shows('Timeline', 'Companies');
	const tables = [...new Set(panes.map((pane) => pane.query.table))].sort();
	expect(tables).toContain('trade');
	await expect.poll(searchIndexes).toEqual(tables);
	expect(dashboard.frame()).not.toContain('type to filter');
	dashboard.unmount();
});
