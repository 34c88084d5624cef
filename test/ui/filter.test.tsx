// The filter in the dashboard finds what the panes show, however a name is
// typed. (That the matches are marked is seen in a real terminal: see
// test/e2e/terminal.test.ts.) Every frame must fit the screen.
import {afterEach, describe, expect, test} from 'vitest';
import {countOf, shippedEnvironment} from '../helpers/dashboard.js';
import {readData} from '../helpers/fact-base.js';
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

/** The list rows of the focused pane (a double border) that begin with a period. */
const tradeRows = (frame: string) => frame.split('\n').filter((line) => /^║[ ›](\d{4}| {4}) {3}\S/.test(line));

describe('the filter finds what a pane shows', () => {
	test('in Trade, "million" keeps every figure shown in millions, "%" every percentage', async () => {
		const trade = readData('trade');
		const millions = trade.filter((figure) => figure.unit === 'million').length;
		const percentages = trade.filter((figure) => figure.unit === 'percent').length;
		let dashboard = await filtered('3', 'million');
		await dashboard.shows(`/million 1/${millions}`);
		expect(tradeRows(dashboard.frame())).toHaveLength(millions);
		for (const row of tradeRows(dashboard.frame())) expect(row).toContain('million');
		dashboard.unmount();
		dashboard = await filtered('3', '%');
		await dashboard.shows(`/% 1/${percentages}`);
		expect(tradeRows(dashboard.frame())).toHaveLength(percentages);
		for (const row of tradeRows(dashboard.frame())) expect(row).toMatch(/ % ?║/);
	});

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

	test('a memorandum is found by its quote: "vucic" keeps every memorandum quoting "Vučića"', async () => {
		const quoting = readData('memoranda').filter((memorandum) => memorandum.citations.some(({quote}) => quote.includes('Vučića')));
		expect(quoting.length).toBeGreaterThan(1);
		const dashboard = await filtered('2', 'vucic');
		await dashboard.shows(`/vucic 1/${quoting.length}`, '(announced) 10 memoranda', 'Health (“zdravstva”)');
	});
});
