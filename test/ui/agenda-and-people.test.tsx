// The Agenda and People panes on screen: reached with 5 and 6 from the grid,
// where each takes the last place, with their marks explained and their
// details holding the quotes behind them.
import {afterEach, describe, expect, test} from 'vitest';
import {byId, readData} from '../helpers/fact-base.js';
import {finishDashboards, renderDashboard, sequences} from '../helpers/screen.js';

afterEach(() => {
	expect(finishDashboards()).toEqual([]);
});

const grid = {columns: 100, rows: 40};
const sources = readData('sources');

describe('the Agenda pane', () => {
	test('marks each source’s stance in a column under the source’s language', async () => {
		const dashboard = await renderDashboard(grid);
		// z: the pane alone, as wide as the terminal, so that no area's name is cut.
		dashboard.press('5', 'z');
		await dashboard.shows('[5 Agenda]', '▶ 5 Agenda', 'A=agreed D=discussed P=proposed U=unresolved', 'Area, ·=not named');
		const lines = dashboard.frame().split('\n');
		const heading = lines.find((line) => line.includes('Area, ')) ?? '';
		const languages = sources.map((source) => source.language);
		expect(heading).toContain(languages.join(' '));
		// Every source's mark stands under its language tag: find each tag's columns in the heading.
		const tags = languages.map((language, index) => {
			const start = heading.indexOf(` ${languages.slice(index).join(' ')}`) + 1;
			return {start, end: start + language.length};
		});
		for (const area of readData('agenda')) {
			const row = lines.find((line) => line.includes(area.area)) ?? '';
			expect(row, area.area).not.toBe('');
			const stanceOf = new Map(area.stances.map(({source, stance}) => [source, stance]));
			sources.forEach((source, index) => {
				const {start, end} = tags[index] ?? {start: 0, end: 0};
				const cell = row.slice(start, end).trim();
				const stance = stanceOf.get(source.id);
				expect(cell, `${area.id} ${source.id}`).toBe(stance === undefined ? '·' : stance[0]?.toUpperCase());
			});
		}
	});

	test('an open question is marked U; Enter gives the area’s stances and every quote', async () => {
		const dashboard = await renderDashboard(grid);
		const scat = byId(readData('agenda'), 'fifth-freedom-rights-scat');
		dashboard.press('5', 'z');
		await dashboard.shows(scat.area);
		expect(
			dashboard
				.frame()
				.split('\n')
				.find((line) => line.includes(scat.area)),
		).toMatch(/·\s+·\s+U\s+·\s+·/);
		dashboard.press('j', 'j', 'j', 'j', sequences.enter);
		await dashboard.shows(`Row ${scat.id}`, 'Stance by source: s002 unresolved', `Quotes (${scat.citations.length})`, 'остается нерешенным');
	});
});

describe('the People pane', () => {
	test('lists the principals and the delegation, the honoured marked ★ and the honour named above', async () => {
		const dashboard = await renderDashboard(grid);
		dashboard.press('6', 'z');
		await dashboard.shows('[6 People]', '▶ 6 People', '★ Order of the Golden Eagle (Altyn Qyran) · 4 in the visiting delegation');
		const lines = dashboard.frame().split('\n');
		for (const person of readData('people')) expect(lines.some((line) => line.includes(person.name))).toBe(true);
		expect(lines.find((line) => line.includes('Aleksandar Vučić'))).toMatch(/Aleksandar Vučić +★ President/);
		expect(lines.find((line) => line.includes('Jagoda Lazarević'))).toMatch(/delegation/);
		expect(lines.find((line) => line.includes('Olzhas Bektenov'))).toMatch(/Kazakhstan/);
	});

	test('Enter gives each source’s spelling, then the honour’s quotes, marked with the honour', async () => {
		const dashboard = await renderDashboard(grid);
		const [honour] = readData('honours');
		const vucic = byId(readData('people'), 'aleksandar-vucic');
		dashboard.press('6', sequences.enter);
		const quotes = vucic.spellings.length + (honour?.citations.length ?? 0);
		await dashboard.shows('Row aleksandar-vucic', 'Spellings:', 'Александар Вучић (sr-Cyrl)', `Quotes (${quotes})`);
		dashboard.press('G');
		await dashboard.shows(`[${quotes}/${quotes}]`, `via ${honour?.id.slice(0, 12)}`, 'It was reported');
	});
});
