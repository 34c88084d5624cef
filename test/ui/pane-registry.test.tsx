// A pane is one definition: a pane defined in a test fixture, and added to
// the shipped ones, is in the grid and the tabs, the snapshot, the help, the
// detail view and `kzrs export`, with no file of kzrs changed.
import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {screenPanes, shippedPanes} from '../../source/panes/registry.js';
import {layout} from '../../source/ui/layout.js';
import {snapshot} from '../../source/ui/snapshot.js';
import {themeFor} from '../../source/ui/theme.js';
import type {FactViews} from '../../source/views/fact-views.js';
import {honours} from '../fixtures/honours-pane.js';
import {runKzrs} from '../helpers/cli.js';
import {shippedViews} from '../helpers/dashboard.js';
import {readData} from '../helpers/fact-base.js';
import {finishDashboards, renderDashboard, sequences} from '../helpers/screen.js';

const panes = [...shippedPanes, honours];
const onScreen = screenPanes(panes);
const [order] = readData('honours');

let views: FactViews;
beforeAll(async () => {
	views = await shippedViews();
});

afterEach(() => {
	expect(finishDashboards()).toEqual([]);
});

describe('a pane added to the registry', () => {
	test('takes the grid’s last place when it is focused', async () => {
		const dashboard = await renderDashboard({columns: 100, rows: 40}, {panes: onScreen});
		await dashboard.shows('1 Timeline', '4 Companies', 'Tab/1-9 pane');
		dashboard.press('9');
		await dashboard.shows('▶ 9 Honours', `${order?.name.slice(0, 20)}`);
	});

	test('has its tab and its key', async () => {
		const dashboard = await renderDashboard({columns: 100, rows: 20}, {panes: onScreen});
		await dashboard.shows('7 Standing   9 Honours');
		dashboard.press(sequences.shiftTab);
		await dashboard.shows('[9 Honours]', '▶ 9 Honours', order?.recipient ?? '?');
	});

	test('is in the help, with its key', async () => {
		const dashboard = await renderDashboard({columns: 100, rows: 40}, {panes: onScreen});
		dashboard.press('?');
		await dashboard.shows('Keys');
		expect(dashboard.frame()).toMatch(/9 +Honours/);
	});

	test('opens its rows in the detail view, with their fields and quotes', async () => {
		const dashboard = await renderDashboard({columns: 100, rows: 40}, {panes: onScreen});
		dashboard.press('9', sequences.enter);
		await dashboard.shows(`Row ${order?.id}`, 'Conferred by:', `Quotes (${order?.citations.length})`);
	});

	test('is in the snapshot', () => {
		const text = snapshot(views, onScreen, 100, themeFor({NO_COLOR: '1'}));
		expect(text).toContain('9 Honours');
		expect(text).toContain(order?.recipient);
	});

	test('is exported by kzrs export', async () => {
		const result = await runKzrs(['export', 'honours', '--format', 'json'], {panes});
		expect(result.stderr).toBe('');
		expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({id: order?.id, name: order?.name, recipient: order?.recipient})]);
		const usage = await runKzrs(['export', 'weather'], {panes});
		expect(usage.stderr).toContain('panes: timeline, memoranda, trade, companies, agenda, people, standing, sources, goods, honours');
	});
});

test('a grid of more than four panes has three to a row from 180 columns, the first six in order; below, two rows of two', () => {
	const ids = (size: {columns: number; rows: number}, shown = onScreen) => {
		const current = layout(size, shown);
		return current.kind === 'grid' ? current.rows : current.kind;
	};
	expect(ids({columns: 200, rows: 60})).toEqual([
		['timeline', 'memoranda', 'trade'],
		['companies', 'agenda', 'people'],
	]);
	expect(ids({columns: 120, rows: 40})).toEqual([
		['timeline', 'memoranda'],
		['trade', 'companies'],
	]);
	const fourPanes = screenPanes(shippedPanes).slice(0, 4);
	expect(ids({columns: 200, rows: 60}, fourPanes)).toEqual([
		['timeline', 'memoranda'],
		['trade', 'companies'],
	]);
});
