// The Standing pane on screen: each claim about the relations with who makes
// it, the readings of one matter apart, at 120×40 and at 40×12; and the goods
// of each flow beside the trade figures, in the detail of exports and imports.
import {afterEach, describe, expect, test} from 'vitest';
import {paneOf} from '../../source/ui/state.js';
import {panes, shippedViews} from '../helpers/dashboard.js';
import {byId, readData} from '../helpers/fact-base.js';
import {finishDashboards, frameProblems, renderDashboard, sequences} from '../helpers/screen.js';

const standing = readData('standing');
const goods = readData('goods');

afterEach(() => {
	expect(finishDashboards()).toEqual([]);
});

/** The frame's lines, without the trailing empty one. */
const linesOf = (frame: string) => frame.split('\n');

describe('the Standing pane', () => {
	test('sorted by kind, its rows go by the kinds as shown, not by their stored codes, both ways', async () => {
		const views = await shippedViews();
		const pane = paneOf(panes, 'standing');
		for (const descending of [false, true]) {
			const kinds = views.window(pane, {sort: 'kind', descending}, 0, standing.length).map((row) => String((row as {id: string; kind?: string}).kind));
			const alphabetical = [...kinds].sort();
			expect(kinds).toEqual(descending ? alphabetical.reverse() : alphabetical);
		}
		// "thanks" is stored as gratitude: by code it would come before "outcome".
		expect(new Set(standing.map((claim) => claim.kind))).toContain('gratitude');
	});

	test('at 120×40, 7 brings it into the grid’s last place: a row per claim, each with its kind, speaker and language', async () => {
		const dashboard = await renderDashboard({columns: 120, rows: 40});
		await dashboard.shows('1 Timeline', '4 Companies');
		expect(dashboard.frame()).not.toContain('7 Standing');
		dashboard.press('7');
		await dashboard.shows('▶ 7 Standing', `1/${standing.length}`, `${standing.length} claims · partnership in 3 wordings`);
		const frame = dashboard.frame();
		expect(frameProblems(frame, 120)).toEqual([]);
		expect(linesOf(frame).length).toBeLessThanOrEqual(39);
		// The three readings of the partnership are three rows, not one.
		const row = (start: string) => linesOf(frame).find((line) => line.includes(start)) ?? '';
		expect(row('Pragmatic partnership')).toMatch(/called +Pragmatic partnership.* source +sr-Latn/);
		expect(row('Strategic partnership')).toMatch(/called +Strategic partnership.* Vučić +sr-Cyrl/);
		expect(row('Important partner in Europe')).toMatch(/called +Important partner in Europe.* Tokayev +ru/);
		// So are the two readings of the political dialogue.
		expect(row('Constructive political')).toMatch(/called +Constructive political.* Tokayev +ru/);
		expect(row('Trust-based political')).toMatch(/called +Trust-based political.* Tokayev +en/);
		// The last rows, a key away.
		dashboard.press('G');
		await dashboard.shows(`${standing.length}/${standing.length}`);
		const end = (start: string) => linesOf(dashboard.frame()).find((line) => line.includes(start)) ?? '';
		expect(end('Important agreements')).toMatch(/expected +Important agreements.* Vučić +sr-Latn/);
		expect(end('Free Trade Agreement')).toMatch(/record +Free Trade Agreement/);
	});

	test('at 40×12 it is a tab of its own, its summary and first rows within the frame', async () => {
		const dashboard = await renderDashboard({columns: 40, rows: 12});
		dashboard.press('7');
		await dashboard.shows('▶ 7 Standing', `${standing.length} claims`, 'record', 'Six top-lev');
		const frame = dashboard.frame();
		expect(frameProblems(frame, 40)).toEqual([]);
		expect(linesOf(frame).length).toBeLessThanOrEqual(11);
		dashboard.press('G');
		await dashboard.shows(`${standing.length}/${standing.length}`, 'Free Trade');
	});

	test('under tabs too narrow for every title, its tab stays in view, the others by their keys', async () => {
		const dashboard = await renderDashboard({columns: 80, rows: 24});
		await dashboard.shows('[1 Timeline]  2 Memoranda   3 Trade');
		dashboard.press('7');
		await dashboard.shows(' 1   2   3   4   5   6  [7 Standing]', '▶ 7 Standing');
		dashboard.press('1');
		await dashboard.shows('[1 Timeline]  2 Memoranda   3 Trade');
	});

	test('Enter on a reading names the other wordings of its matter, and gives its quote', async () => {
		const dashboard = await renderDashboard({columns: 100, rows: 40});
		const strategic = byId(standing, 'strategic-partnership');
		dashboard.press('7', 'j', 'j', sequences.enter);
		await dashboard.shows(`Row ${strategic.id}`, 'Speaker:', 'Vučić', `Original words: ${strategic.term}`, 'word this differently');
		const detail = dashboard.frame().replace(/[║│\s]+/g, ' ');
		expect(detail).toContain('≠ Other sources word this differently, and kzrs keeps each wording apart:');
		expect(detail).toContain('“pragmatic partnership with stable political trust and growing economic dynamics” (source, s000 sr-Latn)');
		expect(detail).toContain('“an important partner in Europe” (Tokayev, s002 ru)');
		await dashboard.shows(`Quotes (${strategic.citations.length})`, 'стратешком партнерству');
	});
});

describe('the goods beside the trade figures', () => {
	test('Enter on Serbian exports names the leading exports, and the sentence that names them follows the figure’s quote', async () => {
		const dashboard = await renderDashboard({columns: 100, rows: 40});
		const exported = goods.filter((good) => good.flow === 'Serbia → Kazakhstan');
		dashboard.press('3', 'j', 'j', sequences.enter);
		await dashboard.shows('Row exports-2025', 'Goods named in this flow (among the leading), without values');
		const detail = dashboard.frame().replace(/[║│\s]+/g, ' ');
		for (const good of exported) expect(detail).toContain(good.product);
		expect(detail).not.toContain('Petroleum');
		await dashboard.shows('Quotes (2)', 'via exports-pape', 'Vodeći izvozni proizvodi');
	});

	test('Enter on Serbian imports names petroleum products, imported most', async () => {
		const dashboard = await renderDashboard({columns: 100, rows: 40});
		dashboard.press('3', 'j', 'j', 'j', sequences.enter);
		await dashboard.shows('Row imports-2025', 'Goods named in this flow (the most), without values: Petroleum products.', 'naftni derivati');
	});
});
