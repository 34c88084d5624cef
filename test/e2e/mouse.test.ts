// The mouse in a real terminal: tmux reports which mouse modes kzrs asked for
// (`#{mouse_button_flag}`, `#{mouse_sgr_flag}`), and takes SGR reports typed
// into the pane as a terminal would send them. kzrs must take the mouse on
// start, give it back on every way out (q, a signal, a suspension) and take
// it again on `fg`; `--no-mouse` leaves it to the terminal.
import {execFileSync} from 'node:child_process';
import {realpathSync} from 'node:fs';
import {afterEach, describe, expect, test} from 'vitest';
import {cliPath} from '../helpers/cli.js';
import {makeTempDir, removeTempDirs} from '../helpers/fact-base.js';
import {killTmuxSessions, shellQuote, TmuxSession} from '../helpers/tmux.js';

afterEach(() => {
	killTmuxSessions();
	removeTempDirs();
});

const testTimeout = 60_000;
const startupMs = 20_000;

/** kzrs at 120×40, in a shell that says how it ended and stays (so the terminal can be read then). */
function dashboardInShell(...args: string[]): TmuxSession {
	const dir = realpathSync(makeTempDir('kzrs-mouse-'));
	const kzrs = [process.execPath, cliPath, ...args].map(shellQuote).join(' ');
	const command = `cd ${shellQuote(dir)} && ${kzrs}; echo MOUSE_EXIT=$?; exec sh`;
	return TmuxSession.start({width: 120, height: 40, command});
}

/** The mouse modes kzrs asked the terminal for: button reports, and in SGR form. */
const mouseModes = (tmux: TmuxSession) => ({buttons: tmux.format('#{mouse_standard_flag}'), sgr: tmux.format('#{mouse_sgr_flag}')});
const taken = {buttons: '1', sgr: '1'};
const free = {buttons: '0', sgr: '0'};

/** An SGR mouse report at a 1-based column and line, as a terminal sends it. */
const report = (tmux: TmuxSession, code: number, column: number, line: number) => tmux.tmux(['send-keys', '-l', `\u001B[<${code};${column};${line}M`]);

/** The pid of kzrs: the one child of the pane's shell. */
function kzrsPid(tmux: TmuxSession): number {
	const shell = tmux.format('#{pane_pid}');
	const children = execFileSync('pgrep', ['-P', shell], {encoding: 'utf8'}).trim().split('\n').map(Number);
	expect(children).toHaveLength(1);
	// Never 0 or a negative number, which would signal a whole process group.
	expect(children[0]).toBeGreaterThan(1);
	return children[0] as number;
}

describe('the mouse', () => {
	test(
		'a click focuses Companies and selects its third row, the wheel moves it, q gives the mouse back',
		async () => {
			const tmux = dashboardInShell();
			await tmux.waitForText('4 Companies', {timeoutMs: startupMs});
			expect(mouseModes(tmux)).toEqual(taken);
			// Line 20 is the border of the bottom row of panes; 21 the title, 22 the headers.
			report(tmux, 0, 70, 25);
			await tmux.waitForText('▶ 4 Companies');
			await tmux.waitFor((screen) => /▶ 4 Companies +3\/5/.test(screen), {what: 'the third row selected'});
			report(tmux, 65, 10, 5);
			await tmux.waitFor((screen) => /1 Timeline +4\/13/.test(screen), {what: 'the Timeline moved by the wheel'});
			expect(tmux.screen()).toContain('▶ 4 Companies');
			tmux.press('q');
			await tmux.waitForText('MOUSE_EXIT=0');
			expect(mouseModes(tmux)).toEqual(free);
		},
		testTimeout,
	);

	test(
		'SIGTERM gives the mouse back; Ctrl-Z gives it back and fg takes it again',
		async () => {
			const tmux = TmuxSession.start({width: 120, height: 40, command: 'sh'});
			// One send-keys: tmux takes a lone ";" for its own separator.
			tmux.tmux(['send-keys', '-l', [process.execPath, cliPath].map(shellQuote).join(' ')]);
			tmux.press('Enter');
			await tmux.waitForText('4 Companies', {timeoutMs: startupMs});
			expect(mouseModes(tmux)).toEqual(taken);
			tmux.press('C-z');
			await tmux.waitFor(() => tmux.format('#{alternate_on}') === '0', {what: 'the suspension'});
			expect(mouseModes(tmux)).toEqual(free);
			tmux.type('fg');
			tmux.press('Enter');
			await tmux.waitForText('4 Companies');
			expect(mouseModes(tmux)).toEqual(taken);
			const pid = kzrsPid(tmux);
			process.kill(pid, 'SIGTERM');
			await tmux.waitFor(() => tmux.format('#{alternate_on}') === '0', {what: 'kzrs to end'});
			expect(mouseModes(tmux)).toEqual(free);
		},
		testTimeout,
	);

	test(
		'--no-mouse leaves the mouse to the terminal, and a report typed then neither clicks nor acts as keys',
		async () => {
			const tmux = dashboardInShell('--no-mouse');
			await tmux.waitForText('4 Companies', {timeoutMs: startupMs});
			expect(mouseModes(tmux)).toEqual(free);
			// Its characters (digits among them) must not act as pane keys, nor the report as a click.
			report(tmux, 0, 70, 25);
			tmux.press('j');
			await tmux.waitFor((screen) => /▶ 1 Timeline +2\/13/.test(screen), {what: 'j in the Timeline'});
			tmux.press('q');
			await tmux.waitForText('MOUSE_EXIT=0');
		},
		testTimeout,
	);
});
