// Sorting as a user sees it: `s` goes only through the columns a pane shows,
// the selected row stays selected in the new order, values are ordered only
// within their unit, the title says the order in words, and a long first sort
// says that it is working before it shows the result.
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import {generateDataDir} from '../../scripts/trade-data.js';
import {openFactBase} from '../../source/load/open.js';
import {paneOf, type State} from '../../source/ui/state.js';
import {FactViews} from '../../source/views/fact-views.js';
import {type Environment, panes, queryOf, run, shippedEnvironment, shippedViews, start} from '../helpers/dashboard.js';
import {makeTempDir, readData, removeTempDirs, shippedDataDir, shippedSeedsDir} from '../helpers/fact-base.js';
import {key} from '../helpers/keys.js';
import {finishDashboards, renderDashboard} from '../helpers/screen.js';

let env: Environment;
let views: FactViews;
beforeAll(async () => {
	env = await shippedEnvironment();
	views = await shippedViews();
});
afterEach(() => {
	expect(finishDashboards()).toEqual([]);
});
afterAll(removeTempDirs);

const grid = {columns: 100, rows: 40};

/** The id of the row the focused pane selects. */
function selectedId(state: State): string | undefined {
	const pane = paneOf(panes, state.focus);
	const view = state.views[state.focus];
	return views.window(pane, queryOf(env, state, state.focus), view?.selected ?? 0, 1)[0]?.id;
}

describe('s and S', () => {
	test('in Trade, s goes through Period, Figure and Value, never the product no column shows', () => {
		const trade = paneOf(panes, 'trade');
		expect(trade.query.sortable).toContain('product');
		let state = start(env, grid, key('3'));
		const seen: Array<string | undefined> = [];
		for (let press = 0; press < 4; press++) {
			state = run(state, env, key('s'));
			seen.push(queryOf(env, state, 'trade').sort);
		}
		expect(seen).toEqual(['period', 'label', 'value', undefined]);
	});

	test.each(panes.map((pane) => pane.id))('in %s, the selected row stays selected through every order and its reverse', (id) => {
		const pane = paneOf(panes, id);
		let state = start(env, grid, key(pane.key), key('j'), key('j'));
		const chosen = selectedId(state);
		expect(chosen).toBeDefined();
		const orders = pane.list.filter((column) => column.sort).length + 1;
		for (let press = 0; press < orders; press++) {
			for (const sortKey of ['s', 'S']) {
				state = run(state, env, key(sortKey));
				expect(state.sorting).toBeNull();
				expect(selectedId(state), `${id} after ${sortKey} ${press}`).toBe(chosen);
				const view = state.views[id];
				expect(view && view.selected >= view.offset).toBe(true);
			}
		}
	});
});

describe('a sort by value', () => {
	test('orders values within a unit and currency, never one unit among another', () => {
		const trade = paneOf(panes, 'trade');
		for (const descending of [false, true]) {
			const rows = [...views.reader.rows(trade.query, {sort: 'value', descending})];
			expect(rows).toHaveLength(readData('trade').length);
			const units = rows.map((row) => `${row.unit} ${row.currency}`);
			// Each unit in one run of rows.
			const runs = units.filter((unit, index) => unit !== units[index - 1]);
			expect(new Set(runs).size).toBe(runs.length);
			expect(runs.length).toBeGreaterThan(1);
			rows.forEach((row, index) => {
				const before = rows[index - 1];
				if (before === undefined || units[index] !== units[index - 1]) return;
				const [low, high] = descending ? [row, before] : [before, row];
				expect(Number(low.value)).toBeLessThanOrEqual(Number(high.value));
			});
		}
	});
});

describe('the title', () => {
	test('says the order in words, and the selected row keeps its place', async () => {
		const dashboard = await renderDashboard(grid);
		dashboard.press('3', 'g');
		await dashboard.shows('▶ 3 Trade');
		dashboard.press('s');
		await dashboard.shows('by Period, ascending');
		dashboard.press('s', 's');
		await dashboard.shows('by Value, ascending');
		dashboard.press('S');
		await dashboard.shows('by Value, descending');
		dashboard.press('s');
		await dashboard.shows('reversed');
		expect(dashboard.frame()).not.toMatch(/[↑↓]\w/);
	});
});

describe('the first sort of a large pane', () => {
	let large: FactViews;
	beforeAll(async () => {
		const dataDir = join(makeTempDir(), 'data');
		generateDataDir({rows: 100_000, seed: 7, out: dataDir, dataDir: shippedDataDir, seedsDir: shippedSeedsDir});
		large = new FactViews(await openFactBase({dataDir, seedsDir: shippedSeedsDir}));
	}, 120_000);

	test('at 100,000 rows, the title says "sorting…" before the sorted rows come, and the selection stays', async () => {
		const trade = paneOf(panes, 'trade');
		const dashboard = await renderDashboard(grid, {views: large});
		dashboard.press('3', 'j', 'j');
		await dashboard.shows('▶ 3 Trade', ' 3/');
		const chosen = large.window(trade, {}, 2, 1)[0]?.id;
		dashboard.press('s');
		await dashboard.shows('by Period, ascending');
		const titles = dashboard.frames().filter((frame) => frame.includes('sorting…'));
		expect(titles.length).toBeGreaterThan(0);
		const position = Number(
			/ (\d+)\/100/.exec(
				dashboard
					.frame()
					.split('\n')
					.find((line) => line.includes('by Period')) ?? '',
			)?.[1],
		);
		expect(large.window(trade, {sort: 'period'}, position - 1, 1)[0]?.id).toBe(chosen);
	});
});
