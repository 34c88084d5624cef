// The filter in the dashboard finds a name however it is typed. Every frame
// must fit the screen.
import {afterEach, describe, expect, test} from 'vitest';
import {countOf, shippedEnvironment} from '../helpers/dashboard.js';
import {type Dashboard, finishDashboards, renderDashboard, sequences} from '../helpers/screen.js';

afterEach(() => {
	expect(finishDashboards()).toEqual([]);
});

const grid = {columns: 100, rows: 40};

async function filtered(paneKey: string, filter: string): Promise<Dashboard> {
	const dashboard = await renderDashboard(grid);
	await dashboard.shows('▶ 1 Timeline');
	dashboard.press(paneKey, '/');
	await dashboard.shows('type to filter');
	dashboard.type(filter);
	await dashboard.shows(`/${filter}▏`);
	return dashboard;
}

describe('the filter finds a name however it is spelt', () => {
	test('every spelling of Tokayev keeps the same rows of the timeline', async () => {
		const env = await shippedEnvironment();
		const expected = countOf(env, 'timeline', 'tokayev');
		expect(expected).toBeGreaterThan(0);
		for (const spelling of ['Tokajev', 'Токаев', 'Тоқаев']) {
			const dashboard = await filtered('1', spelling);
			await dashboard.shows(`/${spelling} 1/${expected}`);
			dashboard.press(sequences.escape);
			dashboard.unmount();
		}
	});
});
