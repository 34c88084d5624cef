// Sorting as a user sees it: `s` goes only through the columns a pane shows,
// the selected row stays selected in the new order, values are ordered only
// within their unit, the title says the order in words, and a long first sort
// says that it is working before it shows the result. Every pane heads its
// columns, marking the sorted one, at every size and in the snapshot; the
// columns share the width by what their cells hold.
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import {generateDataDir} from '../../scripts/trade-data.js';
import {openFactBase} from '../../source/load/open.js';
import {shareColumns} from '../../source/text/fit.js';
import {eventTitle} from '../../source/text/shown.js';
import {snapshot} from '../../source/ui/snapshot.js';
import {paneOf, type State} from '../../source/ui/state.js';
import {themeFor} from '../../source/ui/theme.js';
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

	test('Ctrl-C while the order is being made quits at once, leaving it unmade', async () => {
		const trade = paneOf(panes, 'trade');
		const period = {sort: 'period', descending: false};
		expect(large.slowOrder(trade, period)).toBe(true);
		// The real views, counting the steps of the order they make.
		let steps = 0;
		const counted = Object.assign(Object.create(large) as FactViews, {
			prepareOrder: (...order: Parameters<FactViews['prepareOrder']>) => {
				steps++;
				return large.prepareOrder(...order);
			},
		});
		const dashboard = await renderDashboard(grid, {views: counted});
		dashboard.press('3', 's');
		await dashboard.shows('sorting…');
		dashboard.press('\u0003');
		await expect.poll(dashboard.exitCode, {interval: 5}).toBe(130);
		// No step of it runs once the dashboard is gone.
		const stepsAtExit = steps;
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(steps).toBe(stepsAtExit);
		expect(large.slowOrder(trade, period)).toBe(true);
	});

	test('at 40 columns too, the title says how far the order is made', async () => {
		// The real order, made in smaller steps than the dashboard's, so that it spans several of the screen's updates.
		const smallSteps = Object.assign(Object.create(large) as FactViews, {
			prepareOrder: (pane: (typeof panes)[number], query: Parameters<FactViews['prepareOrder']>[1]) => large.reader.prepareOrder(pane.query, query, 200),
		});
		const dashboard = await renderDashboard({columns: 40, rows: 12}, {views: smallSteps});
		dashboard.press('3', 's', 's', 's');
		await expect.poll(() => /▶ 3 Trade +sorting… \d+% 1\/100,000║/.test(dashboard.frame()), {interval: 5, timeout: 10_000}).toBe(true);
		await dashboard.shows('↑ Value');
	}, 20_000);

	test('at 100,000 rows, the title says "sorting…" before the sorted rows come, and the selection stays', async () => {
		const trade = paneOf(panes, 'trade');
		const dashboard = await renderDashboard(grid, {views: large});
		dashboard.press('3', 'j', 'j');
		await dashboard.shows('▶ 3 Trade', ' 3/');
		const chosen = large.window(trade, {}, 2, 1)[0]?.id;
		dashboard.press('s');
		// The count, 100,000, leaves the order room for its short form only.
		await dashboard.shows('Period asc');
		const titles = dashboard.frames().filter((frame) => frame.includes('sorting…'));
		expect(titles.length).toBeGreaterThan(0);
		const position = Number(
			/ ([\d,]+)\/100/
				.exec(
					dashboard
						.frame()
						.split('\n')
						.find((line) => line.includes('Period asc')) ?? '',
				)?.[1]
				?.replaceAll(',', ''),
		);
		expect(large.window(trade, {sort: 'period'}, position - 1, 1)[0]?.id).toBe(chosen);
	});
});

/** What a pane draws over its columns, but over its symbols. */
const headersOf = (pane: (typeof panes)[number]) =>
	pane.list.flatMap((column) => {
		if (column.header === 'Visit' || column.header === 'Honoured') return [];
		return [column.heading ? column.heading(views.summary(pane, '')) : column.header];
	});

/** The line under a pane's title (and summary) that heads its columns: the first line holding every header shown. */
const headerLine = (frame: string, headers: readonly string[]) => frame.split('\n').find((line) => headers.every((header) => line.includes(header)));

describe('column headers', () => {
	const sizes = [
		{columns: 100, rows: 40},
		{columns: 80, rows: 24},
		{columns: 60, rows: 20},
		{columns: 40, rows: 12},
	];
	test.each(sizes)('at $columns×$rows every pane heads its columns, within the frame', async (size) => {
		const dashboard = await renderDashboard(size);
		for (const pane of panes) {
			dashboard.press(pane.key, 'z');
			await dashboard.shows(`▶ ${pane.key} ${pane.title}`);
			// Where the line holds every column, every header; else the first, never left out, if cut to its first letters.
			const shown = size.columns >= 100 ? headersOf(pane) : [(headersOf(pane)[0] ?? '').slice(0, 3)];
			await expect.poll(() => headerLine(dashboard.frame(), shown), {message: `${pane.id} at ${size.columns}×${size.rows}`}).toBeDefined();
			dashboard.press('z');
		}
	});

	test('the sorted column is marked with its direction', async () => {
		const dashboard = await renderDashboard(grid);
		dashboard.press('3', 'z', 's');
		await dashboard.shows('by Period, ascending', 'Period ↑');
		dashboard.press('s', 's', 'S');
		await dashboard.shows('by Value, descending', '↓ Value');
		expect(dashboard.frame()).not.toContain('Period ↑');
	});

	test('a column the width would leave out stays in view while the rows are sorted by it', async () => {
		const dashboard = await renderDashboard(grid);
		dashboard.press('1');
		await dashboard.shows('▶ 1 Timeline');
		const timelineHeader = () =>
			dashboard
				.frame()
				.split('\n')
				.find((line) => line.includes('Date') && line.includes('Event'));
		expect(timelineHeader()).not.toContain('Place');
		dashboard.press('s', 's', 's');
		await dashboard.shows('by Place');
		expect(timelineHeader()).toMatch(/ Pla(ce|…) ↑/);
		dashboard.press('s');
		await dashboard.shows('▶ 1 Timeline');
		await expect.poll(timelineHeader).not.toContain('Place');
	});

	test('the piped snapshot heads every pane’s columns', async () => {
		const text = snapshot(views, panes, 100, themeFor({NO_COLOR: '1'}));
		for (const pane of panes) {
			expect(headerLine(text, headersOf(pane)), pane.id).toBeDefined();
		}
	});
});

describe('columns share the width by what they hold', () => {
	test('a mostly empty column gives way to one whose cells are cut, and is shown whole where there is room', () => {
		// Timeline-like: a date, a mark, titles that are all long, places on a few rows.
		const date = {cells: [14, 10, 10], keep: true};
		const mark = {cells: [1, 1, 1], keep: true};
		const titles = {cells: [62, 90, 120, 75, 5], grow: true};
		const places = {cells: [0, 15, 0, 8, 0, 5], min: 6};
		expect(shareColumns([date, mark, titles, places], 62)).toEqual([14, 1, 45, 0]);
		expect(shareColumns([date, mark, titles, places], 196)).toEqual([14, 1, 163, 15]);
		// Sorted by place, as wide as its widest cell: no wider.
		expect(shareColumns([date, mark, titles, {...places, stays: true}], 196)).toEqual([14, 1, 163, 15]);
	});

	test('a column short of its minimum is left out, the last first, unless the rows are sorted by it', () => {
		const title = {cells: [10], grow: true};
		const place = {cells: [12], min: 8};
		const source = {cells: [12], min: 8};
		expect(shareColumns([title, place, source], 24)).toEqual([11, 12, 0]);
		expect(shareColumns([title, place, {...source, stays: true}], 24)).toEqual([11, 0, 12]);
		// Where a long title would take the room, the sorted column has its minimum first.
		const longTitle = {cells: [60, 70], grow: true};
		expect(shareColumns([longTitle, place], 30)).toEqual([30, 0]);
		expect(shareColumns([longTitle, {...place, stays: true}], 30)).toEqual([30 - 8 - 1, 8]);
	});

	test('width goes first where it shows the most cells whole: four short cells before one long one', () => {
		const note = {cells: [50, 3]};
		const names = {cells: [10, 10, 10, 10]};
		expect(shareColumns([note, names], 30)).toEqual([19, 10]);
	});

	test('columns that fit get their widest cell, the growing column the rest, a kept column is never cut', () => {
		const period = {cells: [4, 4, 6], keep: true};
		const label = {cells: [20, 31], grow: true};
		const value = {cells: [17, 18], keep: true};
		expect(shareColumns([period, label, value], 80)).toEqual([6, 80 - 6 - 18 - 2, 18]);
		expect(shareColumns([period, label, value], 40)).toEqual([6, 14, 18]);
	});

	test('a bar has its minimum and what the text leaves', () => {
		const label = {cells: [30, 40]};
		const bar = {cells: [], fills: true, min: 8};
		const count = {cells: [11], keep: true};
		expect(shareColumns([label, bar, count], 100)).toEqual([40, 100 - 40 - 11 - 2, 11]);
		expect(shareColumns([label, bar, count], 40)).toEqual([19, 8, 11]);
	});

	test('at 200 columns the snapshot shows each event’s place whole, and its title whole where it is not longer than the line', () => {
		const text = snapshot(views, panes, 200, themeFor({NO_COLOR: '1'}));
		const events = readData('events');
		for (const event of events) {
			if (event.place) expect(text, event.id).toContain(event.place);
			const title = eventTitle(event.title, event.status ?? null);
			if (title.length <= 150) expect(text, event.id).toContain(title);
		}
	});
});
