// The dashboard on screen: Ink renders the App over the shipped fact base, keys
// go in as a terminal sends them, and each frame is read as plain text. After
// every test, every frame written must fit 100 columns and hold no control
// character but Ink's own colour codes.
import {spawnSync} from 'node:child_process';
import {lstatSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import {generateDataDir} from '../../scripts/trade-data.js';
import {openFactBase} from '../../source/load/open.js';
import {shippedDataDir, shippedSeedsDir} from '../../source/paths.js';
import {snapshot} from '../../source/ui/snapshot.js';
import {paneOf} from '../../source/ui/state.js';
import {themeFor} from '../../source/ui/theme.js';
import {FactViews} from '../../source/views/fact-views.js';
import {runKzrs} from '../helpers/cli.js';
import {parseWithCsvParse} from '../helpers/csv.js';
import {bindings, countOf, paneIds as dashboardPanes, type Environment, panes, shippedEnvironment, shippedViews} from '../helpers/dashboard.js';
import {byId, makeTempDir, readData, removeTempDirs} from '../helpers/fact-base.js';
import {type Dashboard, finishDashboards, frameProblems, inkColumns, linesWith, renderDashboard, sequences} from '../helpers/screen.js';

let views: FactViews;
let env: Environment;
beforeAll(async () => {
	views = await shippedViews();
	env = await shippedEnvironment();
});

afterEach(() => {
	expect(finishDashboards()).toEqual([]);
});

const grid = {columns: 100, rows: 40};
/** The panes of the grid, two rows of two; the others join it only from 180 columns. */
const gridPanes = ['timeline', 'memoranda', 'trade', 'companies'];
/** Fewer than 26 rows: one pane at a time, under a tab bar. */
const tabs = {columns: 100, rows: 20};

const titleOf = (pane: string) => `${paneOf(panes, pane).key} ${paneOf(panes, pane).title}`;
/** The rows of the focused timeline pane, left in the grid: a double border, then a date. */
const timelineRows = (frame: string) => frame.split('\n').filter((line) => /^║[ ›]\d{4}/.test(line));
const focusMarks = (frame: string) => [...frame].filter((character) => character === '▶').length;

/** What the memoranda pane must say: the count signed and how many areas the announcement before it names. */
function memorandaLine(): string {
	const memoranda = readData('memoranda');
	const count = memoranda.find((record) => record.kind === 'count' && record.status === 'signed')?.count ?? Number.NaN;
	const named = memoranda.filter((record) => record.kind === 'area' && record.status === 'announced').length;
	return `${count} signed · ${named} areas named only in advance`;
}

async function startGrid(): Promise<Dashboard> {
	const dashboard = await renderDashboard(grid);
	await dashboard.shows(`▶ ${titleOf('timeline')}`);
	return dashboard;
}

describe('the grid at 100×40', () => {
	test('shows the header and the four panes of the grid, the timeline focused on its first row', async () => {
		const dashboard = await startGrid();
		const {sources, languages, from, to} = views.overview();
		await dashboard.shows('kzrs · Kazakhstan–Serbia relations', `${sources} sources in ${languages} languages`, `${from} → ${to}`, '? help');
		for (const pane of gridPanes) await dashboard.shows(titleOf(pane));
		// The others are a key away: 5, 6, Tab.
		for (const pane of dashboardPanes.filter((id) => !gridPanes.includes(id))) expect(dashboard.frame()).not.toContain(titleOf(pane));
		expect(focusMarks(dashboard.frame())).toBe(1);
		await dashboard.shows(`1/${countOf(env, 'timeline')}`, 'Tab/1-8 pane');
		expect(dashboard.frame().split('\n').length).toBeLessThanOrEqual(grid.rows - 1);
	});

	test('the timeline lists dates and marks the days of the official visit with ◆', async () => {
		const dashboard = await startGrid();
		await dashboard.shows('1996-12-10', '2024-11-19', '2026-02-27');
		const frame = dashboard.frame();
		expect(timelineRows(frame).find((line) => line.includes('1996-12-10'))).toMatch(/1996-12-10 +· Diplomatic relations/);
		expect(timelineRows(frame).find((line) => line.includes('2026-02-27'))).toMatch(/2026-02-27\*? +◆ /);
		// Every visit event is visible at this height, each with its marker.
		const visits = readData('events').filter((event) => event.visit).length;
		expect(linesWith(frame, '◆').length).toBe(visits);
	});

	test('the memoranda pane says how many were signed, and that only the announcement before names areas', async () => {
		const dashboard = await startGrid();
		await dashboard.shows('10 memoranda signed', '(announced) 10 memoranda', '(announced) Health (“zdravstva”)');
		// Signed: one source; announced: another.
		expect(linesWith(dashboard.frame(), '10 memoranda signed')[0]).toMatch(/ bg│$/);
		// The gap between the count and the areas named is the point of the line: it must not be cut off.
		await dashboard.shows(memorandaLine());
	});

	test('the trade pane charts turnover by period, the derived period marked', async () => {
		const dashboard = await startGrid();
		await dashboard.shows('Turnover, million USD', '┤');
		const axis = linesWith(dashboard.frame(), '2024*');
		expect(axis).toHaveLength(1);
		expect(axis[0]).toContain('2025');
		expect(axis[0]).not.toContain('┤');
	});

	test('the turnover chart does not exaggerate: its axis starts at zero, the derived 2024 step dashed', async () => {
		const dashboard = await startGrid();
		dashboard.press('3', 'z');
		await dashboard.shows('[3 Trade]', '╌* derived', '┤');
		const plot = linesWith(dashboard.frame(), '┤').concat(linesWith(dashboard.frame(), '┼'));
		const label = (line: string) => Number(/(\d+) [┤┼]/.exec(line)?.[1]);
		const labels = plot.map(label);
		expect(Math.min(...labels)).toBe(0);
		const [derived] = plot.filter((line) => line.includes('╌'));
		const [stated] = plot.filter((line) => line.includes('───'));
		expect(derived).not.toContain('─');
		expect(stated).not.toContain('╌');
		// Each step stands as high as its figure: 603.7 against 903.7, two thirds.
		expect(label(derived ?? '') / label(stated ?? '')).toBeCloseTo(603.7 / 903.7, 1);
	});

	test('the trade rows show each amount whole, with the derived mark', async () => {
		const dashboard = await startGrid();
		await dashboard.shows('Total trade in goods', '903.7 million USD');
		// A stated figure and a derived one (below the first rows): the unit must stay, and the * is the only mark of "derived" without colour.
		dashboard.press('3', 'G');
		await dashboard.shows('603.7 million USD*');
	});

	test('the companies pane shows the disputed readings >60 and ≈60, each with ⚠', async () => {
		const dashboard = await startGrid();
		// Cut labels keep their last words, which tell the companies in Kazakhstan from those in Serbia.
		await dashboard.shows('>60', '≈60', '… in Serbia');
		const frame = dashboard.frame();
		expect(frame).toMatch(/Serbian comp[^│║…]*… [^│║]*Kazakhstan/);
		expect(linesWith(frame, '>60 ⚠')).toHaveLength(1);
		expect(linesWith(frame, '≈60 ⚠')).toHaveLength(1);
		expect(linesWith(frame, '⚠')).toHaveLength(2);
	});

	test('Tab, Shift-Tab, 1–4 and l/h move the focus, one pane at a time', async () => {
		const dashboard = await startGrid();
		const steps: Array<[string, string]> = [
			[sequences.tab, 'memoranda'],
			[sequences.tab, 'trade'],
			[sequences.shiftTab, 'memoranda'],
			['4', 'companies'],
			['h', 'trade'],
			['1', 'timeline'],
			['l', 'memoranda'],
			['3', 'trade'],
		];
		for (const [key, pane] of steps) {
			dashboard.press(key);
			await dashboard.shows(`▶ ${titleOf(pane)}`);
			expect(focusMarks(dashboard.frame())).toBe(1);
		}
	});

	test('keys that arrive together, as "jjj" or pasted text, each count', async () => {
		const dashboard = await startGrid();
		const total = countOf(env, 'timeline');
		// One write: the terminal delivered the three presses in one read.
		dashboard.press('jjj');
		await dashboard.shows(`4/${total}`);
		dashboard.press('/');
		await dashboard.shows('/▏');
		dashboard.press('vucic');
		await dashboard.shows('/vucic▏', `/vucic 1/${countOf(env, 'timeline', 'vucic')}`);
		// Enter, Tab and Backspace among them count as the keys they are.
		dashboard.press('x\u007F\r');
		await expect.poll(dashboard.frame, {interval: 5}).not.toContain('/vucic▏');
		expect(dashboard.frame()).toContain(`/vucic 1/${countOf(env, 'timeline', 'vucic')}`);
		dashboard.press('G\r');
		await dashboard.shows('Quotes (');
	});

	test('j, ↓ and ↑ move the selection, shown by the position and the › mark', async () => {
		const dashboard = await startGrid();
		const total = countOf(env, 'timeline');
		dashboard.press('j');
		await dashboard.shows(`2/${total}`);
		expect(timelineRows(dashboard.frame()).filter((line) => line.startsWith('║›'))).toEqual([expect.stringContaining('›2024-02-20')]);
		dashboard.press(sequences.down);
		await dashboard.shows(`3/${total}`);
		expect(timelineRows(dashboard.frame()).filter((line) => line.startsWith('║›'))).toEqual([expect.stringContaining('›2024-11-19')]);
		dashboard.press(sequences.up);
		await dashboard.shows(`2/${total}`);
		dashboard.press('G');
		await dashboard.shows(`${total}/${total}`);
	});

	test('Enter on the disputed company count shows both readings with their sources, and the Bulgarian quote', async () => {
		const dashboard = await startGrid();
		dashboard.press('4', 'j');
		await dashboard.shows(`▶ ${titleOf('companies')}`, `2/${countOf(env, 'companies')}`);
		dashboard.press(sequences.enter);
		await dashboard.shows('Sources disagree: more than 60 (s002) · approximately 60 (s003 s004).');
		await dashboard.shows('Quotes (2)', 'приблизително 60 сръбски компании', 'As of today, approximately 60 Serbian companies', 'j/k scroll');
		dashboard.press(sequences.escape);
		await dashboard.shows(`▶ ${titleOf('companies')}`);
		expect(dashboard.frame()).not.toContain('Sources disagree');
	});

	test('Enter on the phone call of 2024-02-20 shows its Serbian Cyrillic quotes from s001', async () => {
		const dashboard = await startGrid();
		dashboard.press('j');
		await dashboard.shows(`2/${countOf(env, 'timeline')}`);
		dashboard.press(sequences.enter);
		await dashboard.shows('Row phone-call-vucic-tokayev-2024', 'Quotes (5)', 's001 · sr-Cyrl');
		await dashboard.shows('Председник Републике Србије Александар Вучић');
		dashboard.press(sequences.escape);
		await dashboard.shows(`▶ ${titleOf('timeline')}`, `2/${countOf(env, 'timeline')}`);
		expect(dashboard.frame()).not.toContain('Quotes (5)');
	});

	test('? shows every key from the key table; Esc closes it', async () => {
		const dashboard = await startGrid();
		dashboard.press('?');
		await dashboard.shows('Keys', 'Shift-Tab', 'export the pane as CSV');
		for (const {keys, help} of bindings) await dashboard.shows(keys, help);
		await dashboard.shows('◆ a day of the February 2026 official visit', '★ holds an honour');
		dashboard.press(sequences.escape);
		await dashboard.shows(titleOf('companies'));
		expect(dashboard.frame()).not.toContain('export the pane as CSV');
	});

	test('/ and "vucic" keep the rows that name Vučić; Enter keeps the filter, Esc clears it', async () => {
		const dashboard = await startGrid();
		const total = countOf(env, 'timeline');
		const matching = countOf(env, 'timeline', 'vucic');
		dashboard.press('/');
		await dashboard.shows('/▏', 'type to filter');
		dashboard.type('vucic');
		await dashboard.shows('/vucic▏', `/vucic 1/${matching}`);
		const frame = dashboard.frame();
		expect(frame).not.toContain('Diplomatic relations');
		expect(frame).not.toContain('Direct flights');
		expect(frame).toContain('President Vučić arrives');
		expect(timelineRows(frame)).toHaveLength(matching);
		dashboard.press(sequences.enter);
		await dashboard.shows('Tab/1-8 pane');
		expect(dashboard.frame()).toContain(`/vucic 1/${matching}`);
		dashboard.press(sequences.escape);
		await dashboard.shows(`1/${total}`, 'Diplomatic relations');
	});

	test('a filter nothing matches says so', async () => {
		const dashboard = await startGrid();
		dashboard.press('/');
		dashboard.type('xqz');
		await dashboard.shows('No rows match “xqz” (Esc clears)', '/xqz 0/0');
		dashboard.press(sequences.backspace);
		await dashboard.shows('/xq 0/0');
		dashboard.press(sequences.ctrlU);
		await dashboard.shows(`1/${countOf(env, 'timeline')}`);
	});

	test('e asks for a file name, kzrs-<pane>-<today>.csv; Esc cancels', async () => {
		const dashboard = await startGrid();
		dashboard.press('2', 'e');
		await dashboard.shows('Export Memoranda to: kzrs-memoranda-2026-11-28.csv▏', 'Enter export');
		dashboard.press(sequences.escape);
		await dashboard.shows('Export cancelled');
	});
});

describe('smaller terminals', () => {
	test('below 40×12 the dashboard says how much room it needs', async () => {
		const dashboard = await renderDashboard({columns: 30, rows: 10});
		await dashboard.shows('Terminal too small', '30×10, needs 40×12', 'q quits');
		expect(dashboard.frame()).not.toContain(titleOf('timeline'));
	});

	test('under 26 rows the panes become tabs, one shown at a time', async () => {
		const dashboard = await renderDashboard(tabs);
		await dashboard.shows('[1 Timeline]', ' 2 Memoranda ', `▶ ${titleOf('timeline')}`, 'Diplomatic relations');
		expect(dashboard.frame()).not.toContain('Turnover');
		expect(dashboard.frame()).not.toContain('≈60');
		dashboard.press('2');
		await dashboard.shows('[2 Memoranda]', memorandaLine());
		dashboard.press('3');
		// Wide enough for the headline figures beside the chart, the derived balance marked.
		await dashboard.shows('[3 Trade]', '2024*', '903.7 million USD', 'Exports 2025', '−752.3 million USD*');
		expect(dashboard.frame()).not.toContain('Diplomatic relations');
		dashboard.press(sequences.tab);
		await dashboard.shows('[4 Companies]', '>60', '≈60');
		dashboard.press('l');
		await dashboard.shows('[5 Agenda]', 'Critical raw materials');
		dashboard.press('l');
		await dashboard.shows('[6 People]', 'Aleksandar Vučić');
		dashboard.press('l');
		await dashboard.shows('[7 Standing]', 'Pragmatic partnership');
		dashboard.press('l');
		await dashboard.shows('[8 Sources]', 'Qazinform');
		dashboard.press('l');
		await dashboard.shows('[1 Timeline]');
	});

	test('at 60×20 the detail of the last event opens at its top, says what is below, and g brings the top back', async () => {
		const dashboard = await renderDashboard({columns: 60, rows: 20});
		await dashboard.shows('[1 Timeline]');
		dashboard.press('G');
		await dashboard.shows(`${countOf(env, 'timeline')}/${countOf(env, 'timeline')}`);
		dashboard.press(sequences.enter);
		await dashboard.shows('Id:', 'Date:', 'more below (j/k, PgUp/PgDn)');
		dashboard.press('G');
		await dashboard.shows('above (j/k, PgUp/PgDn)');
		expect(dashboard.frame()).not.toContain('Id:');
		dashboard.press('g');
		await dashboard.shows('Id:', 'Date:');
	});

	test('z shows the focused pane alone under a tab bar, and z brings the grid back', async () => {
		const dashboard = await renderDashboard(grid);
		await dashboard.shows(memorandaLine());
		dashboard.press('z');
		await dashboard.shows('[1 Timeline]');
		expect(dashboard.frame()).not.toContain(memorandaLine());
		dashboard.press('z');
		await dashboard.shows(memorandaLine());
		expect(dashboard.frame()).not.toContain('[1 Timeline]');
	});

	test('at 80 columns the footer keeps ? help and q quit, leaving out what matters less', async () => {
		const dashboard = await renderDashboard({columns: 80, rows: 24});
		await dashboard.shows('? help', 'q quit');
		const footer = dashboard.frame().split('\n').at(-1) ?? '';
		expect(footer).toContain('Tab/1-8 pane');
		expect(footer).not.toContain('y copy');
	});

	test.each([12, 16, 20, 25, 26, 33, 60])('at 100×%i every overlay fits the height', async (rows) => {
		const dashboard = await renderDashboard({columns: inkColumns, rows});
		await dashboard.shows('kzrs');
		const fits = () => expect(dashboard.frame().split('\n').length).toBeLessThanOrEqual(rows - 1);
		fits();
		for (const pane of ['2', '3', '4']) {
			dashboard.press(pane);
			await dashboard.shows(`▶ ${pane}`);
			fits();
		}
		dashboard.press(sequences.enter);
		await dashboard.shows('j/k scroll');
		fits();
		dashboard.press('q');
		await dashboard.shows('▶ 4');
		dashboard.press('?');
		await dashboard.shows('Esc/q/? close');
		fits();
	});
});

describe('the plain-text snapshot', () => {
	let text: string;
	beforeAll(() => {
		text = snapshot(views, panes, inkColumns, themeFor({NO_COLOR: '1'}));
	});

	test('holds every pane of the dashboard and the first words of every timeline event', () => {
		for (const pane of dashboardPanes) expect(text).toContain(titleOf(pane));
		const events = readData('events');
		expect(events.length).toBeGreaterThan(0);
		for (const {title} of events) expect(text).toContain(title.split(' ').slice(0, 3).join(' '));
		expect(text).toContain(memorandaLine());
		expect(text).toContain(`${countOf(env, 'timeline')} rows`);
	});

	test('is plain text: no escape character, nothing wider than the columns asked for', () => {
		expect(text).not.toContain('\u001B');
		expect(frameProblems(text)).toEqual([]);
		expect(Math.max(...text.split('\n').map((line) => stringWidth(line)))).toBeLessThanOrEqual(inkColumns);
	});

	test('names no key, since none works there', () => {
		expect(text).not.toMatch(/\? help|q quit/);
	});

	test('its legend uses the sources’ word for the visit: official, not state', () => {
		expect(text).toContain('◆ official visit day');
		expect(text).not.toMatch(/state visit/i);
	});

	test('piped, kzrs prints it COLUMNS wide, or 100 wide without COLUMNS', async () => {
		const widest = (output: string) => Math.max(...output.split('\n').map((line) => stringWidth(line)));
		for (const [columns, width] of [
			['60', 60],
			['150', 150],
			[undefined, 100],
			['wide', 100],
		] as const) {
			const result = await runKzrs([], {env: columns === undefined ? {} : {COLUMNS: columns}});
			expect(result.status).toBe(0);
			expect(widest(result.stdout), `COLUMNS=${columns}`).toBe(width);
		}
	});
});

describe('commands carried out', () => {
	afterAll(removeTempDirs);

	/** Presses e, replaces the default name with `file` and presses Enter. */
	async function exportTimelineTo(dashboard: Dashboard, file: string): Promise<void> {
		dashboard.press('e');
		await dashboard.shows('Export Timeline to:');
		dashboard.press(sequences.ctrlU);
		dashboard.type(file);
		await dashboard.shows(`to: ${file}▏`);
		dashboard.press(sequences.enter);
	}

	test('Enter in the name prompt exports the filtered pane; an existing file is kept unless confirmed with y', async () => {
		const file = join(makeTempDir(), 'vucic.csv');
		const matching = countOf(env, 'timeline', 'vucic');
		const dashboard = await startGrid();
		const exportTo = () => exportTimelineTo(dashboard, file);
		dashboard.press('/');
		dashboard.type('vucic');
		await dashboard.shows(`/vucic 1/${matching}`);
		dashboard.press(sequences.enter);
		await exportTo();
		await dashboard.shows(`Exported ${matching} rows as CSV to ${file}`);
		const written = readFileSync(file, 'utf8');
		expect(parseWithCsvParse(written)).toHaveLength(matching + 1);
		writeFileSync(file, 'mine');
		await exportTo();
		await dashboard.shows(`${file} exists. Overwrite it? (y/n)`, 'y overwrite');
		dashboard.press('n');
		await dashboard.shows(`Kept ${file}; nothing written`);
		expect(readFileSync(file, 'utf8')).toBe('mine');
		await exportTo();
		await dashboard.shows('Overwrite it? (y/n)');
		dashboard.press('y');
		await dashboard.shows(`Exported ${matching} rows as CSV to ${file}`);
		expect(readFileSync(file, 'utf8')).toBe(written);
	});

	test('a name ending .json exports JSON; ~ is the home directory; a directory is refused before any question', async () => {
		const home = makeTempDir();
		const dashboard = await renderDashboard(grid, {env: {HOME: home}});
		await dashboard.shows('Timeline');
		await exportTimelineTo(dashboard, '~/events.json');
		const file = join(home, 'events.json');
		await dashboard.shows(`Exported ${countOf(env, 'timeline')} rows as JSON to ${file}`);
		expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveLength(countOf(env, 'timeline'));
		await exportTimelineTo(dashboard, home);
		await dashboard.shows(`Export failed: ${home} is a directory`);
		expect(dashboard.frame()).not.toContain('Overwrite it?');
		// The refused name is where the next export starts.
		dashboard.press('e');
		await dashboard.shows(`to: ${home}▏`);
	});

	test('an export that cannot be written says why in the status line, writes nothing, and the dashboard goes on', async () => {
		const dir = makeTempDir();
		const file = join(dir, 'no-such-directory', 'out.csv');
		const dashboard = await startGrid();
		await exportTimelineTo(dashboard, file);
		// The path may be cut in the middle to fit; the reason, at the end, is whole.
		await dashboard.shows('Export failed: cannot write /', 'out.csv: its directory does not exist');
		expect(readdirSync(dir)).toEqual([]);
		// Still answering keys.
		dashboard.press('j');
		await dashboard.shows(`2/${countOf(env, 'timeline')}`);
	});

	test('an export to a named pipe nothing reads from says so at once, rather than hang the dashboard', async () => {
		const dir = makeTempDir();
		const pipe = join(dir, 'pipe');
		expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
		const dashboard = await startGrid();
		await exportTimelineTo(dashboard, pipe);
		await dashboard.shows('Export failed: cannot write /', 'pipe: nothing is reading from it');
		expect(lstatSync(pipe).isFIFO()).toBe(true);
		dashboard.press('j');
		await dashboard.shows(`2/${countOf(env, 'timeline')}`);
	});

	test('a long export says how far it is while it writes, and what it wrote at the end', async () => {
		const dataDir = join(makeTempDir(), 'data');
		generateDataDir({rows: 30_000, out: dataDir, dataDir: shippedDataDir, seedsDir: shippedSeedsDir});
		const database = await openFactBase({dataDir, seedsDir: shippedSeedsDir});
		const dashboard = await renderDashboard(grid, {views: new FactViews(database)});
		await dashboard.shows('Trade');
		dashboard.press('3');
		await dashboard.shows('▶ 3 Trade');
		const file = join(makeTempDir(), 'trade.csv');
		dashboard.press('e', sequences.ctrlU);
		dashboard.type(file);
		await dashboard.shows(`to: ${file}▏`);
		dashboard.press(sequences.enter);
		await dashboard.shows('Exported 30000 rows as CSV');
		const progress = dashboard.frames().filter((frame) => stripAnsi(frame).includes('rows so far…'));
		expect(progress.length).toBeGreaterThan(0);
		database.close();
	});

	test('y copies the selected row, and in the detail the quote under the cursor', async () => {
		const dashboard = await startGrid();
		dashboard.press('j', 'y');
		await dashboard.shows('Sent row phone-call-vucic-tokayev-2024 (', "to the terminal's clipboard (OSC 52)");
		const [row] = dashboard.clipboard();
		expect(row?.split('\t').slice(0, 2)).toEqual(['phone-call-vucic-tokayev-2024', '2024-02-20']);
		dashboard.press(sequences.enter);
		await dashboard.shows('Quotes (5)');
		dashboard.press('j', 'y');
		await dashboard.shows('Sent the quote from s001 (sr-Cyrl)');
		const quote = byId(readData('events'), 'phone-call-vucic-tokayev-2024').citations[1]?.quote;
		expect(dashboard.clipboard()[1]).toBe(quote);
		// The status goes with the next key.
		dashboard.press(sequences.escape);
		await dashboard.shows('Tab/1-8 pane');
		expect(dashboard.frame()).not.toContain('Sent');
	});
});

test('the frame check itself notices a line too wide and a control character, but not colour', () => {
	expect(frameProblems(`${'x'.repeat(inkColumns)}\n\u001B[36mcyan\u001B[39m`)).toEqual([]);
	expect(frameProblems('ж'.repeat(inkColumns + 1))).toHaveLength(1);
	// Wide characters take two columns each.
	expect(frameProblems('界'.repeat(inkColumns / 2 + 1))).toHaveLength(1);
	expect(frameProblems('a\u0007b')).toHaveLength(1);
	expect(frameProblems('a\rb')).toHaveLength(1);
	expect(frameProblems('\u001B]0;title\u0007')).toEqual([]);
});
