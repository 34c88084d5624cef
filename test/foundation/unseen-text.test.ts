// Text that hides what it says never gets in, and what a saved database
// (never checked) holds reaches a terminal only through the screen's gate.
import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {collector, runKzrs, userErrorLine} from '../helpers/cli.js';
import {copyFactBase, editData, makeTempDir, removeTempDirs} from '../helpers/fact-base.js';

afterAll(removeTempDirs);

describe('kzrs check refuses characters that draw nothing', () => {
	// A zero-width space, a soft hyphen, a byte order mark, a combining grapheme joiner, a tag letter, an Arabic letter mark.
	test.each(['\u200B', '\u00AD', '\uFEFF', '\u034F', '\u{E0041}', '\u061C'])('U+%s', async (character) => {
		const copy = copyFactBase();
		editData(copy.dataDir, 'standing', (records) => {
			const first = records[0];
			if (first) first.claim = `Six top${character}-level visits`;
		});
		const code = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
		const result = await runKzrs(['check', '--data', copy.dataDir, '--seeds', copy.seedsDir]);
		expect(userErrorLine(result)).toMatch(new RegExp(`standing\\.json: record 1 .*field claim: contains the invisible character U\\+${code}$`));
	});
});

describe('kzrs export of a saved database', () => {
	const hostile = '\u001B]0;title\u0007\u009B2J\u202Ex';
	let database: string;

	test('to a terminal, shows its text through the gate; to a pipe, as it is', async () => {
		database = join(makeTempDir(), 'saved.sqlite');
		expect((await runKzrs(['--save-db', database])).status).toBe(0);
		execFileSync('sqlite3', [database, `UPDATE events SET title = '${hostile}' WHERE rowid = 1`]);
		for (const format of ['csv', 'json']) {
			const terminal = Object.assign(collector(), {isTTY: true});
			const shown = await runKzrs(['export', 'timeline', '--db', database, '--format', format], {stdout: terminal});
			expect(shown.status).toBe(0);
			for (const character of ['\u001B', '\u0007', '\u009B', '\u202E']) expect(terminal.text()).not.toContain(character);
			expect(terminal.text()).toContain('\uFFFD]0;title');
			const piped = await runKzrs(['export', 'timeline', '--db', database, '--format', format]);
			expect(format === 'json' ? JSON.parse(piped.stdout)[0].title : piped.stdout).toContain(hostile);
		}
	});
});
