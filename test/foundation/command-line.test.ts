// The small promises of the command line: -h and -v, a missing --data or
// --seeds folder said as such, --save-db saying what it wrote, and
// --no-mouse taken by the dashboard alone.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import packageJson from '../../package.json' with {type: 'json'};
import {runKzrs, userErrorLine} from '../helpers/cli.js';
import {dataFileNames, makeTempDir, readData, removeTempDirs} from '../helpers/fact-base.js';

afterEach(removeTempDirs);

describe('help and version', () => {
	test.each([['-h'], ['--help'], ['-h', 'check']])('%s prints the usage, with every option, and exits 0', async (...args) => {
		const result = await runKzrs(args);
		expect(result.status).toBe(0);
		expect(result.stderr).toBe('');
		for (const option of ['--data', '--save-db', '--no-mouse', '-h, --help', '-v, --version']) expect(result.stdout).toContain(option);
	});

	test.each([['-v'], ['--version']])('%s prints the version and exits 0', async (flag) => {
		expect(await runKzrs([flag])).toEqual({status: 0, stdout: `${packageJson.version}\n`, stderr: ''});
	});
});

describe('a folder that is not there', () => {
	test('--data /nonexistent says the folder does not exist, in one line with status 2', async () => {
		for (const args of [
			['--data', '/nonexistent'],
			['check', '--data', '/nonexistent'],
			['export', 'trade', '--data', '/nonexistent'],
		]) {
			expect(userErrorLine(await runKzrs(args))).toBe('kzrs: --data /nonexistent: the folder does not exist');
		}
		expect(userErrorLine(await runKzrs(['--seeds', 'no-such-seeds']))).toBe('kzrs: --seeds no-such-seeds: the folder does not exist');
	});

	test('a file given as --data is not a folder', async () => {
		const dir = makeTempDir();
		writeFileSync(join(dir, 'notes.txt'), 'x');
		expect(userErrorLine(await runKzrs(['check', '--data', 'notes.txt'], {cwd: dir}))).toBe('kzrs: --data notes.txt: not a folder');
	});
});

describe('--save-db', () => {
	test('says on stderr which file it wrote and how many rows of each table', async () => {
		const dir = makeTempDir();
		const result = await runKzrs(['--save-db', 'kzrs.sqlite'], {cwd: dir});
		expect(result.status).toBe(0);
		expect(result.stdout).toBe('');
		const counts = dataFileNames.map((name) => ({name, rows: readData(name).length}));
		const total = counts.reduce((sum, {rows}) => sum + rows, 0);
		expect(result.stderr.split('\n')).toHaveLength(2);
		expect(result.stderr).toMatch(new RegExp(`^kzrs: wrote ${total} rows \\(.*\\) to kzrs\\.sqlite\\n$`));
		for (const {name, rows} of counts) expect(result.stderr).toContain(`${rows} ${name}`);
	});
});

describe('--no-mouse', () => {
	test('is the dashboard’s: another command refuses it', async () => {
		const result = await runKzrs(['check', '--no-mouse']);
		expect(result.status).toBe(2);
		// The line, then the usage.
		expect(result.stderr.split('\n')[0]).toBe('kzrs: --no-mouse does not apply to kzrs check');
	});
});
