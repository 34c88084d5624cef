// The reader in a real terminal: from the first row of every pane, `o` opens
// the row's source document with its first quote selected (the lines the
// margin marks ▶) and in view, and Esc gives the panes back.
import {realpathSync} from 'node:fs';
import {afterEach, describe, expect, test} from 'vitest';
import {cliPath} from '../helpers/cli.js';
import {panes, shippedViews} from '../helpers/dashboard.js';
import {collapseWhitespace, makeTempDir, removeTempDirs} from '../helpers/fact-base.js';
import {killTmuxSessions, type Size, shellQuote, TmuxSession} from '../helpers/tmux.js';

afterEach(() => {
	killTmuxSessions();
	removeTempDirs();
});

/** Each test starts a process and a terminal: room for a slow two-core machine. */
const testTimeout = 60_000;
/** The first screen waits for Node to start and the fact base to load. */
const startupMs = 20_000;

function startKzrs(size: Size): TmuxSession {
	const dir = realpathSync(makeTempDir('kzrs-e2e-'));
	return TmuxSession.start({...size, command: `cd ${shellQuote(dir)} && ${shellQuote(process.execPath)} ${shellQuote(cliPath)}; sleep 60`});
}

/** The words of the lines the reader's margin marks as the selected passage's. */
const selectedText = (screen: string) =>
	collapseWhitespace(
		screen
			.split('\n')
			.filter((line) => line.startsWith('║▶ '))
			.map((line) => line.slice(3, line.lastIndexOf('║')))
			.join(' '),
	);

describe.each([
	{width: 120, height: 40},
	{width: 60, height: 20},
])('at $width×$height', (size) => {
	test(
		'o on the first row of every pane lands on its first quote; Esc returns',
		async () => {
			const views = await shippedViews();
			const tmux = startKzrs(size);
			await tmux.waitForText('1 Timeline', {timeoutMs: startupMs});
			for (const pane of panes.filter((candidate) => candidate.documents !== true)) {
				const quote = views.detail(pane, {}, 0)?.quotes[0];
				expect(quote, pane.id).toBeDefined();
				tmux.press(pane.key);
				tmux.press('o');
				// The quote's opening words on the lines marked as the selected passage's, under the source's header.
				const opening = collapseWhitespace(quote?.quote ?? '').slice(0, 24);
				const screen = await tmux.waitFor((text) => text.includes(`${quote?.source} · `) && selectedText(text).includes(opening), {
					what: `the reader from ${pane.id}, at "${opening}"`,
				});
				expect(screen).toContain(' · published ');
				// Drawn whole: the dashboard's header still on the first line, the reader's border closed below.
				expect(screen.split('\n')[0]).toMatch(/^kzrs · /);
				expect(screen).toContain('╚');
				tmux.press('Escape');
				await tmux.waitFor((text) => !text.includes(' · published ') && text.includes(pane.title), {what: `${pane.title} again`});
			}
			// The Sources pane's rows are the documents: o reads the first from its top, nothing selected.
			tmux.press('8');
			tmux.press('o');
			const screen = await tmux.waitFor((text) => text.includes('s000 · ') && text.includes(' · published '), {what: 'the reader from Sources'});
			expect(selectedText(screen)).toBe('');
		},
		testTimeout,
	);
});
