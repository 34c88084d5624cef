// A data error found late, after the dashboard is up with the first rows:
// kzrs ends as it does for one found at the start, with one line and status
// 2, and leaves the terminal as it found it (primary screen, cursor shown,
// raw mode off).
import {readFileSync, realpathSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, expect, test} from 'vitest';
import {generateDataDir} from '../../scripts/trade-data.js';
import {shippedDataDir, shippedSeedsDir} from '../../source/paths.js';
import {cliPath} from '../helpers/cli.js';
import {makeTempDir, removeTempDirs} from '../helpers/fact-base.js';
import {killTmuxSessions, shellQuote, TmuxSession} from '../helpers/tmux.js';

afterEach(() => {
	killTmuxSessions();
	removeTempDirs();
});

/** Enough rows that the dashboard is up well before the last one is read. */
const rows = 150_000;

test('a bad record near the end of a large trade.json ends the dashboard with one line, status 2, and the terminal restored', async () => {
	const dir = realpathSync(makeTempDir('kzrs-e2e-'));
	const dataDir = join(dir, 'data');
	generateDataDir({rows, out: dataDir, dataDir: shippedDataDir, seedsDir: shippedSeedsDir});
	const tradeFile = join(dataDir, 'trade.json');
	const trade = readFileSync(tradeFile, 'utf8');
	const last = trade.lastIndexOf('"value":');
	writeFileSync(tradeFile, `${trade.slice(0, last)}"value":"many"${trade.slice(trade.indexOf(',', last))}`);

	const modes = `stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '`;
	const command = `cd ${shellQuote(dir)} && ${shellQuote(process.execPath)} ${shellQuote(cliPath)} --data data; echo KZRS_EXIT=$?; echo MODES: $(${modes}); sleep 60`;
	const tmux = TmuxSession.start({width: 160, height: 30, command});
	await tmux.waitFor((screen) => screen.includes('3 Trade') && screen.includes('+ loading'), {timeoutMs: 30_000, what: 'the dashboard, still loading'});
	expect(tmux.format('#{alternate_on}')).toBe('1');

	const screen = await tmux.waitFor((text) => text.includes('MODES:'), {timeoutMs: 60_000, what: 'kzrs to exit'});
	const lines = screen.split('\n').filter((line) => line.trim() !== '');
	expect(lines).toEqual([
		`kzrs: data/trade.json: record ${rows} (id "${/"id":"([^"]+)"/.exec(trade.slice(trade.lastIndexOf('{"id":')))?.[1]}"), field value: expected a number, found text`,
		'KZRS_EXIT=2',
		'MODES: icanon echo',
	]);
	expect(tmux.format('#{alternate_on}')).toBe('0');
	expect(tmux.format('#{cursor_flag}')).toBe('1');
}, 120_000);
