// The dashboard in a real terminal: tmux runs `node dist/cli.cjs` as a person
// would, keys go in one at a time with send-keys, and what the person would
// see is read back with capture-pane. Every test has its own tmux server and
// working directory, and waits for the screen rather than for the clock.
import {spawnSync} from 'node:child_process';
import {closeSync, existsSync, openSync, readFileSync, realpathSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {afterEach, describe, expect, test} from 'vitest';
import {screenPanes, shippedPanes} from '../../source/panes/registry.js';
import {cliPath, exportJson} from '../helpers/cli.js';
import {parseWithPython} from '../helpers/csv.js';
import {listDir, makeTempDir, removeTempDirs, repoRoot} from '../helpers/fact-base.js';
import {killTmuxSessions, type Size, shellQuote, TmuxSession, terminalEnvironment} from '../helpers/tmux.js';

afterEach(() => {
	killTmuxSessions();
	removeTempDirs();
});

/** Each test starts a process and a terminal: room for a slow two-core machine. */
const testTimeout = 60_000;
/** The first screen waits for Node to start and the fact base to load. */
const startupMs = 20_000;

/** Printed by the shell before kzrs starts: the primary screen's content, to find again after quitting. */
const launchMarker = 'KZRS-E2E-BEFORE-LAUNCH';
/** The panes of the grid at 120×40; Agenda and People are a key away. */
const paneTitles = ['1 Timeline', '2 Memoranda', '3 Trade', '4 Companies'];

type Kzrs = {tmux: TmuxSession; dir: string};

/**
 * kzrs in a fresh terminal of `size`, working in a new temporary directory.
 * The shell prints the marker, runs kzrs (recording its pid through `exec`),
 * then prints its exit status and stays, so the screen after exit can be read.
 */
function startKzrs(size: Size, env?: NodeJS.ProcessEnv): Kzrs {
	const dir = realpathSync(makeTempDir('kzrs-e2e-'));
	const run = `sh -c 'echo $$ > kzrs.pid && exec "$0" "$1"' ${shellQuote(process.execPath)} ${shellQuote(cliPath)}`;
	const command = `cd ${shellQuote(dir)} && echo ${launchMarker} && ${run}; echo KZRS_EXIT=$?; sleep 60`;
	return {tmux: TmuxSession.start({...size, command, env}), dir};
}

const showsAllTitles = (screen: string) => paneTitles.every((title) => screen.includes(title));

/** The focused pane's title line (marked ▶, up to its double border), or undefined. */
function focusedTitle(screen: string): string | undefined {
	const line = screen.split('\n').find((text) => text.includes('▶'));
	if (line === undefined) return undefined;
	const start = line.indexOf('▶');
	const end = line.indexOf('║', start);
	return line.slice(start, end < 0 ? undefined : end);
}

/** Waits until the focused pane's title line satisfies `test`. */
function waitForFocusedTitle(tmux: TmuxSession, what: string, check: (title: string) => boolean): Promise<string> {
	return tmux.waitFor(
		(screen) => {
			const title = focusedTitle(screen);
			return title !== undefined && check(title);
		},
		{what: `focused pane title ${what}`},
	);
}

/** Both panes of one grid row stand side by side: the 2×2 layout. */
const isGrid = (screen: string) => screen.split('\n').some((line) => line.includes('1 Timeline') && line.includes('2 Memoranda') && !line.includes('['));
const isTabs = (screen: string) => /^\[1 Timeline\] {2}2 Memoranda/m.test(screen);

/** Waits for the shell's exit line after kzrs and gives the status it printed. */
async function waitForExit(tmux: TmuxSession): Promise<{status: number; screen: string}> {
	const screen = await tmux.waitFor((text) => /KZRS_EXIT=\d+/.test(text), {what: 'kzrs to exit'});
	return {status: Number(/KZRS_EXIT=(\d+)/.exec(screen)?.[1]), screen};
}

/** After kzrs ends: primary screen back with the text from before launch, cursor shown. */
function expectTerminalRestored(tmux: TmuxSession, screen: string): void {
	expect(tmux.format('#{alternate_on}')).toBe('0');
	expect(tmux.format('#{cursor_flag}')).toBe('1');
	const lines = screen.split('\n');
	const marker = lines.indexOf(launchMarker);
	const exit = lines.findIndex((line) => line.startsWith('KZRS_EXIT='));
	expect(marker, `the text from before launch is back:\n${screen}`).toBeGreaterThanOrEqual(0);
	expect(exit).toBe(marker + 1);
	expect(screen).not.toContain('Timeline');
}

/** q ends kzrs with status 0 and leaves the terminal as it was. */
async function quitAndExpectRestored(tmux: TmuxSession): Promise<void> {
	tmux.press('q');
	const exit = await waitForExit(tmux);
	expect(exit.status, exit.screen).toBe(0);
	expectTerminalRestored(tmux, exit.screen);
}

/** e, then Ctrl-U to clear the proposed name, then `name`, then Enter; gives the screen before Enter. */
async function exportTimelineAs(tmux: TmuxSession, name: string): Promise<string> {
	tmux.press('e');
	const prompt = await tmux.waitForText('Export Timeline to: ');
	tmux.press('C-u');
	await tmux.waitFor((text) => text.includes('Export Timeline to: ▏'), {what: 'an empty file name'});
	tmux.type(name);
	await tmux.waitForText(`Export Timeline to: ${name}▏`);
	tmux.press('Enter');
	return prompt;
}

/** Colour parameters (30–38, 40–48, 90–97, 100–107) of the SGR sequences in captured text. */
function colourCodes(text: string): string[] {
	const found: string[] = [];
	// Each CSI sequence starts after an ESC [; an SGR one is parameters and then m.
	for (const sequence of text.split('\u001B[').slice(1)) {
		const parameters = /^([0-9;:]*)m/.exec(sequence)?.[1];
		if (parameters === undefined) continue;
		const codes = parameters.split(';');
		for (let index = 0; index < codes.length; index++) {
			const code = Number((codes[index] ?? '').split(':')[0]);
			if ((code >= 30 && code <= 38) || (code >= 40 && code <= 48) || (code >= 90 && code <= 97) || (code >= 100 && code <= 107)) {
				found.push(codes.slice(index).join(';'));
				break;
			}
		}
	}
	return found;
}

/** The runs of underlined text in captured lines, each with whether it had a background colour. */
function underlinedRuns(text: string): Array<{text: string; background: boolean}> {
	const runs: Array<{text: string; background: boolean}> = [];
	for (const line of text.split('\n')) {
		let underline = false;
		let background = false;
		let run: {text: string; background: boolean} | undefined;
		// Each piece after the first starts with the parameters of an SGR sequence (tmux writes no other).
		for (const [index, piece] of line.split('\u001B[').entries()) {
			let visible = piece;
			if (index > 0) {
				const sgr = /^([0-9;:]*)m/.exec(piece);
				visible = piece.slice(sgr?.[0].length ?? 0);
				for (const parameter of (sgr?.[1] ?? '').split(';')) {
					const code = Number(parameter.split(':')[0]);
					if (code === 0) [underline, background] = [false, false];
					if (code === 4) underline = parameter !== '4:0';
					if (code === 24) underline = false;
					if ((code >= 40 && code <= 48) || (code >= 100 && code <= 107)) background = true;
					if (code === 49) background = false;
				}
			}
			if (visible === '') continue;
			if (underline && run === undefined) {
				run = {text: '', background};
				runs.push(run);
			}
			if (!underline) run = undefined;
			if (run) run.text += visible;
		}
	}
	return runs;
}

type TimelineCells = {date: string; title: string};

/** The visible rows of the Timeline pane in the grid (the left pane of the top row). */
function timelineRowsOnScreen(screen: string): TimelineCells[] {
	const lines = screen.split('\n');
	const title = lines.findIndex((line) => line.includes('1 Timeline'));
	const rows: TimelineCells[] = [];
	// Below the title and the columns' headers.
	for (const line of lines.slice(title + 2)) {
		if (line.startsWith('╚') || line.startsWith('└')) break;
		const inside = line.split(/[║│]/)[1] ?? '';
		if (inside.trim() === '') continue;
		const match = /^[› ](\S+) +[◆·] (.*)$/u.exec(inside.trimEnd());
		if (!match) throw new Error(`not a timeline row: ${JSON.stringify(inside)}\n${screen}`);
		rows.push({date: match[1] ?? '', title: (match[2] ?? '').replace(/…$/, '')});
	}
	return rows;
}

/** The screen's lines with trailing empty ones dropped. */
function visibleLines(screen: string): string[] {
	const lines = screen.replace(/\n$/, '').split('\n');
	while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
	return lines;
}

/** The dashboard's key hints: moving between panes first, help and quit kept at any width. */
const dashboardHints = /^Tab\/1-8 pane · .*\? help · q quit$/;

/** The frame fits the terminal: no line wider than it, no line wrapped, header first and key hints (the dashboard's unless given) last. */
function expectFrameFits(tmux: TmuxSession, screen: string, {width, height}: Size, hints = dashboardHints): void {
	const all = screen.replace(/\n$/, '').split('\n');
	expect(all.length).toBeLessThanOrEqual(height);
	for (const line of all) expect(stringWidth(line), `line wider than ${width}: ${JSON.stringify(line)}`).toBeLessThanOrEqual(width);
	// capture-pane -J joins lines the terminal wrapped (and keeps trailing spaces): the same lines mean none wrapped.
	// Compared on the screen as it stands, captured both ways back to back: `screen` may be a frame half drawn.
	const trimmed = (text: string) => text.split('\n').map((line) => line.trimEnd());
	let [plain, joined] = [trimmed(tmux.screen()), trimmed(tmux.screen({joinWrapped: true}))];
	for (let attempt = 0; attempt < 10 && plain.join('\n') !== joined.join('\n'); attempt++) {
		[plain, joined] = [trimmed(tmux.screen()), trimmed(tmux.screen({joinWrapped: true}))];
	}
	expect(joined).toEqual(plain);
	const lines = visibleLines(screen);
	// The header: on a narrow terminal it keeps the counts and the dates.
	expect(lines[0]).toMatch(/^kzrs · (Kazakhstan|\d+ sources|\d{4}-)/);
	expect(lines[0]).toMatch(/\d{4}-\d{2}-\d{2} → \d{4}-\d{2}-\d{2}/);
	expect(lines.at(-1)).toMatch(hints);
	expect(lines.length).toBeLessThanOrEqual(height);
}

describe('the dashboard in a terminal', () => {
	test(
		'at 120×40: grid, moving, detail, filter, sort, export to CSV, overwrite prompt, quit',
		async () => {
			const size = {width: 120, height: 40};
			const {tmux, dir} = startKzrs(size);
			const timelineTotal = (await exportJson('timeline')).length;

			let screen = await tmux.waitFor(showsAllTitles, {timeoutMs: startupMs, what: 'the four pane titles'});
			expect(isGrid(screen)).toBe(true);
			expect(focusedTitle(screen)).toMatch(new RegExp(`▶ 1 Timeline.* 1/${timelineTotal}$`));
			// Full screen: the alternate buffer, the cursor hidden, the shell's text out of sight.
			expect(tmux.format('#{alternate_on}')).toBe('1');
			expect(tmux.format('#{cursor_flag}')).toBe('0');
			expect(screen).not.toContain(launchMarker);
			// A terminal with colour gets colour (the focused pane's accent): the NO_COLOR test's counterpart.
			expect(colourCodes(tmux.screen({escapes: true}))).not.toEqual([]);

			tmux.press('j');
			await waitForFocusedTitle(tmux, `at 2/${timelineTotal}`, (title) => title.includes(' 1 Timeline') && title.endsWith(` 2/${timelineTotal}`));

			tmux.press('3');
			await waitForFocusedTitle(tmux, 'on Trade', (title) => title.includes('▶ 3 Trade'));

			tmux.press('Enter');
			screen = await tmux.waitForText('Quotes (');
			expect(screen).toMatch(/^║Row \S+/m);
			tmux.press('Escape');
			screen = await tmux.waitFor((text) => !text.includes('Quotes (') && showsAllTitles(text), {what: 'the detail to close'});
			expect(focusedTitle(screen)).toContain('▶ 3 Trade');

			// Filter the timeline, then sort it by title, descending.
			tmux.press('1');
			await waitForFocusedTitle(tmux, 'on Timeline', (title) => title.includes('▶ 1 Timeline'));
			tmux.press('/');
			await tmux.waitForText('type to filter');
			tmux.type('vucic');
			await tmux.waitForText('/vucic▏');
			tmux.press('Enter');
			const filtered = await exportJson<{id: string}>('timeline', ['--filter', 'vucic']);
			expect(filtered.length).toBeGreaterThan(1);
			expect(filtered.length).toBeLessThan(timelineTotal);
			await tmux.waitFor((text) => !text.includes('type to filter') && (focusedTitle(text) ?? '').endsWith(` /vucic 1/${filtered.length}`), {
				what: 'the filter to be kept',
			});
			// The selected row stays selected in each order: its place changes, the count does not.
			for (const [key, sort] of [
				['s', 'by Date, ascending'],
				['s', 'by Event, ascending'],
				['S', 'by Event, descending'],
			] as const) {
				tmux.press(key);
				await waitForFocusedTitle(tmux, `sorted ${sort}`, (title) => new RegExp(` /vucic ${sort} \\d+/${filtered.length}$`).test(title));
			}
			tmux.press('g');

			// Export what the pane shows.
			const prompt = await exportTimelineAs(tmux, 'out.csv');
			expect(prompt).toMatch(/Export Timeline to: kzrs-timeline-\d{4}-\d{2}-\d{2}\.csv▏/);
			screen = await tmux.waitFor((text) => /Exported \d+ rows? as CSV to /.test(text), {what: 'the export to finish'});
			const exported = /Exported (\d+) rows? as CSV to (\S+)/.exec(screen);
			const file = join(dir, 'out.csv');
			expect(exported?.[2]).toBe(file);
			const count = Number(exported?.[1]);

			const expected = await exportJson<{id: string; date: string; title: string; status: string}>('timeline', [
				'--filter',
				'vucic',
				'--sort',
				'title',
				'--reverse',
			]);
			const onScreen = timelineRowsOnScreen(screen);
			const [header = [], ...rows] = parseWithPython(file);
			expect(header).toEqual(expect.arrayContaining(['id', 'sources']));
			expect(count).toBe(filtered.length);
			expect(rows).toHaveLength(count);
			expect(onScreen).toHaveLength(count);
			expect(rows.map((row) => row[header.indexOf('id')])).toEqual(expected.map(({id}) => id));
			// The file's rows are the screen's, in the screen's order.
			rows.forEach((row, index) => {
				const cells = onScreen[index];
				const date = row[header.indexOf('date')] ?? '';
				const title = `${row[header.indexOf('status')] === 'announced' ? '(announced) ' : ''}${row[header.indexOf('title')] ?? ''}`;
				expect(cells?.date.startsWith(date), `row ${index + 1}: ${cells?.date} vs ${date}`).toBe(true);
				expect(title.startsWith(cells?.title ?? '?'), `row ${index + 1}: "${cells?.title}" vs "${title}"`).toBe(true);
			});

			// The same name again: kzrs asks, and n keeps the file as it was.
			const before = {bytes: readFileSync(file), modified: statSync(file).mtimeMs};
			await exportTimelineAs(tmux, 'out.csv');
			await tmux.waitForText('out.csv exists. Overwrite it? (y/n)');
			tmux.press('n');
			await tmux.waitForText('Kept out.csv; nothing written');
			expect(readFileSync(file)).toEqual(before.bytes);
			expect(statSync(file).mtimeMs).toBe(before.modified);

			// Under tmux's defaults no clipboard sequence gets through: y says so and sends nothing.
			tmux.press('y');
			await tmux.waitForText('Not copied: tmux takes a clipboard sequence only with set-clipboard on');
			// With set-clipboard on, y puts the row in tmux's buffer (OSC 52); the screen stays intact.
			tmux.tmux(['set-option', '-g', 'set-clipboard', 'on']);
			tmux.press('y');
			screen = await tmux.waitForText(`Sent row ${expected[0]?.id} (`);
			expect(screen).toContain("to tmux's clipboard");
			expect(showsAllTitles(screen)).toBe(true);
			expect(tmux.tmux(['show-buffer']).split('\t').slice(0, 2)).toEqual([expected[0]?.id, rows[0]?.[header.indexOf('date')]]);

			await quitAndExpectRestored(tmux);
		},
		testTimeout,
	);

	test(
		'at 60×20: one pane under a tab bar, and the frame fits the terminal',
		async () => {
			const size = {width: 60, height: 20};
			const {tmux} = startKzrs(size);

			let screen = await tmux.waitFor((text) => isTabs(text) && text.includes('▶ 1 Timeline'), {timeoutMs: startupMs, what: 'the tab layout'});
			const lines = screen.split('\n');
			expect(lines[1]).toMatch(/^\[1 Timeline\] {2}2 Memoranda {3}3 Trade {3}4 Companies/);
			// One pane only: a single framed title.
			expect(lines.filter((line) => /^[║│][▶ ] \d /.test(line))).toHaveLength(1);
			expect(isGrid(screen)).toBe(false);
			expectFrameFits(tmux, screen, size);

			tmux.press('Tab');
			screen = await tmux.waitFor((text) => text.includes('[2 Memoranda]') && text.includes('▶ 2 Memoranda'), {what: 'the Memoranda tab'});
			expect(screen.split('\n')[1]).toMatch(/^ 1 Timeline {2}\[2 Memoranda\]/);
			expect(screen).not.toContain('▶ 1 Timeline');
			expectFrameFits(tmux, screen, size);
		},
		testTimeout,
	);

	test(
		'a filter of wide characters keeps the position in the pane title',
		async () => {
			const size = {width: 60, height: 20};
			const {tmux} = startKzrs(size);
			await tmux.waitFor((text) => text.includes('▶ 1 Timeline'), {timeoutMs: startupMs, what: 'the Timeline pane'});
			tmux.press('/');
			await tmux.waitForText('type to filter');
			tmux.type('中文字');
			await tmux.waitForText('/中文字▏');
			tmux.press('Enter');
			const screen = await tmux.waitFor((text) => text.includes('No rows match “中文字”') && !text.includes('type to filter'), {
				what: 'the kept filter with no rows',
			});
			expectFrameFits(tmux, screen, size);
			const title = focusedTitle(screen) ?? '';
			expect(title).toContain('▶ 1 Timeline');
			// The right-hand part is measured by display width: wide characters take two columns each.
			expect(title).toMatch(/ \/中文字 0\/0$/);
		},
		testTimeout,
	);

	test(
		'resizing switches between grid, tabs and the too-small notice, and q still quits',
		async () => {
			const {tmux} = startKzrs({width: 120, height: 40});
			await tmux.waitFor((text) => showsAllTitles(text) && isGrid(text), {timeoutMs: startupMs, what: 'the grid'});

			tmux.resize({width: 60, height: 20});
			let screen = await tmux.waitFor(isTabs, {what: 'the tab layout at 60×20'});
			expect(isGrid(screen)).toBe(false);

			tmux.resize({width: 30, height: 10});
			screen = await tmux.waitForText('Terminal too small');
			expect(screen).toContain('needs 40×12');
			expect(screen).toContain('30×10');
			expect(screen).not.toContain('Timeline');

			tmux.resize({width: 120, height: 40});
			screen = await tmux.waitFor((text) => showsAllTitles(text) && isGrid(text), {what: 'the grid again at 120×40'});
			expect(screen).not.toContain('Terminal too small');
			expect(isTabs(screen)).toBe(false);

			await quitAndExpectRestored(tmux);
		},
		testTimeout,
	);

	test.each([
		['SIGTERM', 143],
		['SIGINT', 130],
	] as const)(
		'%s from outside ends kzrs with status %i and restores the terminal',
		async (signal, status) => {
			const {tmux, dir} = startKzrs({width: 100, height: 30});
			await tmux.waitFor(showsAllTitles, {timeoutMs: startupMs, what: 'the four pane titles'});
			expect(tmux.format('#{alternate_on}')).toBe('1');

			// The shell wrote its pid and then exec'd node: that pid is kzrs.
			const pidFile = join(dir, 'kzrs.pid');
			expect(existsSync(pidFile)).toBe(true);
			const pid = Number(readFileSync(pidFile, 'utf8').trim());
			expect(pid).toBeGreaterThan(1);
			// kzrs names its process (process.title), so check the executable where /proc tells it.
			if (existsSync(`/proc/${pid}/exe`)) expect(realpathSync(`/proc/${pid}/exe`)).toBe(realpathSync(process.execPath));
			process.kill(pid, signal);

			const exit = await waitForExit(tmux);
			expect(exit.status, exit.screen).toBe(status);
			expectTerminalRestored(tmux, exit.screen);
		},
		testTimeout,
	);

	test(
		'Ctrl-C, even in the middle of a filter, ends kzrs with status 130 and restores the terminal',
		async () => {
			const {tmux} = startKzrs({width: 100, height: 30});
			await tmux.waitFor(showsAllTitles, {timeoutMs: startupMs, what: 'the four pane titles'});
			tmux.press('/');
			await tmux.waitForText('type to filter');
			tmux.press('C-c');
			const exit = await waitForExit(tmux);
			expect(exit.status, exit.screen).toBe(130);
			expectTerminalRestored(tmux, exit.screen);
		},
		testTimeout,
	);

	test(
		'SIGTERM in the middle of an export ends kzrs with status 143, leaving neither the file nor a temporary one',
		async () => {
			// kzrs sends itself SIGTERM once the export has written into its temporary file.
			const signalMidWrite = join(repoRoot, 'test', 'helpers', 'signal-mid-write.cjs');
			const env = terminalEnvironment({NODE_OPTIONS: `--require ${JSON.stringify(signalMidWrite)}`, KZRS_TEST_SIGNAL: 'SIGTERM'});
			const {tmux, dir} = startKzrs({width: 100, height: 30}, env);
			await tmux.waitFor(showsAllTitles, {timeoutMs: startupMs, what: 'the four pane titles'});
			await exportTimelineAs(tmux, 'out.csv');
			const exit = await waitForExit(tmux);
			expect(exit.status, exit.screen).toBe(143);
			expectTerminalRestored(tmux, exit.screen);
			expect(listDir(dir)).toEqual(['kzrs.pid']);
		},
		testTimeout,
	);
});

describe('without a terminal, or without colour', () => {
	test(
		'piped, kzrs prints a plain snapshot of the panes and exits 0',
		() => {
			const dir = makeTempDir('kzrs-e2e-pipe-');
			const result = spawnSync('bash', ['-c', 'set -o pipefail; "$0" "$1" | cat', process.execPath, cliPath], {
				cwd: dir,
				encoding: 'utf8',
				// Standard input is /dev/null, as in CI.
				stdio: ['ignore', 'pipe', 'pipe'],
				env: terminalEnvironment(),
				timeout: 30_000,
			});
			if (result.error) throw result.error;
			expect(result.status, result.stderr).toBe(0);
			for (const title of [...paneTitles, '5 Agenda', '6 People']) expect(result.stdout).toContain(title);
			expect(result.stdout).toMatch(/^kzrs · Kazakhstan/);
			for (const output of [result.stdout, result.stderr]) {
				expect(output.includes('\u001B'), JSON.stringify(output.slice(0, 400))).toBe(false);
				expect(output.includes('\u009B')).toBe(false);
			}
		},
		testTimeout,
	);

	test(
		'with NO_COLOR, the dashboard in a terminal has no colour codes',
		async () => {
			const {tmux} = startKzrs({width: 120, height: 40}, terminalEnvironment({NO_COLOR: '1'}));
			await tmux.waitFor(showsAllTitles, {timeoutMs: startupMs, what: 'the four pane titles'});
			tmux.press('j');
			await waitForFocusedTitle(tmux, 'at row 2', (title) => / 2\/\d+$/.test(title));
			tmux.press('/');
			await tmux.waitForText('type to filter');
			const screen = tmux.screen({escapes: true});
			expect(screen).toContain('▶ 1 Timeline');
			// The capture does carry attributes (the selection is bold and inverse), just no colours.
			expect(screen.includes('\u001B['), 'capture-pane -e shows attributes').toBe(true);
			expect(colourCodes(screen), JSON.stringify(screen)).toEqual([]);
		},
		testTimeout,
	);
});

describe('suspended and continued from a shell', () => {
	const prompt = 'kzrs-shell$';

	/** The shell's last line is its prompt, waiting for a command. */
	const atPrompt = (screen: string) => visibleLines(screen).at(-1)?.trimEnd() === prompt;

	/**
	 * An interactive shell with job control in a terminal of `size`, as a
	 * person has, working in a new temporary directory; it starts kzrs, which
	 * writes its pid to kzrs.pid, and waits for the first screen.
	 */
	async function startFromShell(size: Size): Promise<{tmux: TmuxSession; pid: number}> {
		const dir = realpathSync(makeTempDir('kzrs-e2e-'));
		writeFileSync(join(dir, 'kzrs.sh'), `echo $$ > kzrs.pid\nexec ${shellQuote(process.execPath)} ${shellQuote(cliPath)}\n`);
		const tmux = TmuxSession.start({...size, command: `cd ${shellQuote(dir)} && PS1=${shellQuote(`${prompt} `)} exec sh -i`});
		await tmux.waitFor(atPrompt, {what: 'the shell prompt'});
		tmux.type('sh kzrs.sh');
		tmux.press('Enter');
		await tmux.waitFor(showsAllTitles, {timeoutMs: startupMs, what: 'the four pane titles'});
		return {tmux, pid: Number(readFileSync(join(dir, 'kzrs.pid'), 'utf8'))};
	}

	/** Types a command at the prompt and waits for the line it prints. */
	async function runInShell(tmux: TmuxSession, command: string, printed: string): Promise<void> {
		tmux.type(command);
		tmux.press('Enter');
		await tmux.waitFor((text) => text.includes(`\n${printed}\n`) && atPrompt(text), {what: `the shell to run ${command}`});
	}

	/** Stopped: the shell says so on the normal screen, with its cursor and its line, where a command is typed and run. */
	async function expectShellBack(tmux: TmuxSession): Promise<void> {
		const screen = await tmux.waitFor((text) => /Stopped/.test(text) && atPrompt(text), {what: 'the shell to report kzrs stopped'});
		expect(tmux.format('#{alternate_on}')).toBe('0');
		expect(tmux.format('#{cursor_flag}')).toBe('1');
		// The normal screen: the command that started kzrs, none of the dashboard.
		expect(screen).toContain(`${prompt} sh kzrs.sh`);
		expect(screen).not.toContain('Timeline');
		await runInShell(tmux, 'echo stopped-$((6 * 7))', 'stopped-42');
	}

	/** `fg`: the dashboard drawn whole again, in the alternate screen, without the shell's text, at the terminal's size. */
	async function continueKzrs(tmux: TmuxSession, size: Size, layout: (screen: string) => boolean): Promise<void> {
		tmux.type('fg');
		tmux.press('Enter');
		// After SIGSTOP the old frame is still there, under the shell's text: wait for that text to go.
		const screen = await tmux.waitFor((text) => showsAllTitles(text) && layout(text) && !text.includes(prompt), {
			what: 'the dashboard drawn again, without the shell',
		});
		expect(tmux.format('#{alternate_on}')).toBe('1');
		expect(tmux.format('#{cursor_flag}')).toBe('0');
		expectFrameFits(tmux, screen, size);
	}

	/** j moves the selection at once, and nothing is echoed: raw mode is back. */
	async function expectKeysReachKzrs(tmux: TmuxSession, size: Size, row: number): Promise<void> {
		tmux.press('j');
		const screen = await waitForFocusedTitle(tmux, `at row ${row}`, (title) => title.includes('1 Timeline') && new RegExp(` ${row}/\\d+$`).test(title));
		expectFrameFits(tmux, screen, size);
	}

	test(
		'Ctrl-Z and SIGTSTP give the shell its screen and line; fg (after SIGSTOP too) draws the dashboard again, at the new size, and keys work',
		async () => {
			const large = {width: 100, height: 30};
			const {tmux, pid} = await startFromShell(large);
			expect(tmux.format('#{alternate_on}')).toBe('1');

			tmux.press('C-z');
			await expectShellBack(tmux);
			await continueKzrs(tmux, large, isGrid);
			await expectKeysReachKzrs(tmux, large, 2);

			// Stopped from outside, and the terminal made smaller meanwhile: only the shell is told.
			process.kill(pid, 'SIGTSTP');
			await expectShellBack(tmux);
			const small = {width: 60, height: 20};
			tmux.resize(small);
			await runInShell(tmux, 'stty size', '20 60');
			await continueKzrs(tmux, small, isTabs);
			await expectKeysReachKzrs(tmux, small, 3);

			// SIGSTOP stops kzrs where it stands: the shell's text lands on the dashboard, and
			// the terminal keeps kzrs's settings until the shell resets them, as bash does.
			process.kill(pid, 'SIGSTOP');
			await tmux.waitFor((text) => /Stopped/.test(text) && atPrompt(text), {what: 'the shell to report kzrs stopped'});
			const terminal = openSync(tmux.format('#{pane_tty}'), 'r+');
			try {
				expect(spawnSync('stty', ['sane'], {stdio: [terminal, 'ignore', 'inherit']}).status).toBe(0);
			} finally {
				closeSync(terminal);
			}
			await continueKzrs(tmux, small, isTabs);
			await expectKeysReachKzrs(tmux, small, 4);

			tmux.press('q');
			const screen = await tmux.waitFor(atPrompt, {what: 'the shell prompt after kzrs quits'});
			expect(tmux.format('#{alternate_on}')).toBe('0');
			expect(tmux.format('#{cursor_flag}')).toBe('1');
			expect(screen).toContain('20 60');
		},
		testTimeout,
	);
});

describe('what a filter matches', () => {
	/** Focuses a pane, types a filter into it and waits for its count; gives the screen with its attributes, and the count. */
	async function filterPane(tmux: TmuxSession, pane: {key: string; title: string; id: string}, filter: string) {
		tmux.press(pane.key);
		await waitForFocusedTitle(tmux, `on ${pane.title}`, (title) => title.includes(`▶ ${pane.key} ${pane.title}`));
		tmux.press('/');
		await tmux.waitForText('type to filter');
		tmux.type(filter);
		const count = (await exportJson(pane.id, ['--filter', filter])).length;
		await waitForFocusedTitle(tmux, 'filtered', (title) => title.endsWith(`/${filter} 1/${count}`));
		// The same screen captured twice in a row: not a frame the terminal is still drawing.
		let screen = tmux.screen({escapes: true});
		for (let again = tmux.screen({escapes: true}), attempt = 0; again !== screen && attempt < 10; again = tmux.screen({escapes: true}), attempt++)
			screen = again;
		return {screen, count};
	}

	test.each<[string, NodeJS.ProcessEnv]>([
		['in colour, is underlined on a coloured background', {}],
		['with NO_COLOR, is underlined, without colour', {NO_COLOR: '1'}],
	])(
		'%s, in the cells that show it, however it is spelt',
		async (_, extra) => {
			const {tmux} = startKzrs({width: 120, height: 40}, terminalEnvironment(extra));
			await tmux.waitFor(showsAllTitles, {timeoutMs: startupMs, what: 'the four pane titles'});
			const colour = extra.NO_COLOR === undefined;

			const trade = await filterPane(tmux, {key: '3', title: 'Trade', id: 'trade'}, 'million');
			// Each figure in millions, in the list: the figures beside the chart ("mn USD") are no match.
			expect(underlinedRuns(trade.screen)).toEqual(Array.from({length: trade.count}, () => ({text: 'million', background: colour})));
			if (!colour) expect(colourCodes(trade.screen)).toEqual([]);

			// Typed as a Serbian spells it, the name is marked as each title spells it.
			tmux.press('Escape');
			const timeline = await filterPane(tmux, {key: '1', title: 'Timeline', id: 'timeline'}, 'tokajev');
			const runs = underlinedRuns(timeline.screen);
			expect(runs.length).toBeGreaterThan(0);
			for (const run of runs) expect(run).toEqual({text: 'Tokayev', background: colour});
		},
		testTimeout,
	);
});

describe('at every size', () => {
	const sizes: Size[] = [
		{width: 200, height: 60},
		{width: 120, height: 40},
		{width: 80, height: 24},
		{width: 60, height: 20},
		{width: 40, height: 12},
	];
	const onScreen = screenPanes(shippedPanes);

	test.each(sizes)(
		'at $width×$height every pane, the detail, the reader and the help fit, and q restores the terminal',
		async (size) => {
			const {tmux} = startKzrs(size);
			/** A whole frame: what is waited for, and the key hints, written last. */
			const frame = (shows: (screen: string) => boolean, hints: RegExp, what: string, timeoutMs?: number) =>
				tmux.waitFor((screen) => shows(screen) && hints.test(visibleLines(screen).at(-1) ?? ''), {what, timeoutMs});
			const focused = (key: string, title: string) => (screen: string) => focusedTitle(screen)?.startsWith(`▶ ${key} ${title}`) === true;
			let screen = await frame(focused('1', 'Timeline'), dashboardHints, 'the Timeline pane', startupMs);
			expectFrameFits(tmux, screen, size);
			for (const pane of onScreen) {
				tmux.press(pane.key);
				screen = await frame(focused(pane.key, pane.title), dashboardHints, `the ${pane.title} pane`);
				expectFrameFits(tmux, screen, size);
			}
			// The last pane's first row: its detail, then its document in the reader, then every key.
			const last = onScreen.at(-1);
			const views: Array<{open: string; shows: RegExp; hints: RegExp}> = [
				{open: 'Enter', shows: /Row \S+/, hints: /^j\/k scroll · .*Esc\/q close$/},
				{open: 'o', shows: /s0\d\d · /, hints: /^n\/N passage · .*Esc back$/},
				{open: '?', shows: /Keys/, hints: /^j\/k scroll · Esc\/q\/\? close$/},
			];
			for (const view of views) {
				tmux.press(view.open);
				screen = await frame((text) => view.shows.test(text), view.hints, `the view ${view.open} opens`);
				expectFrameFits(tmux, screen, size, view.hints);
				tmux.press('Escape');
				await frame(focused(last?.key ?? '', last?.title ?? ''), dashboardHints, 'back on the pane');
			}
			await quitAndExpectRestored(tmux);
		},
		testTimeout,
	);
});
