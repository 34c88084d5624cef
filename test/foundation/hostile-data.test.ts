// A fact base from a stranger: kzrs reads only what the fact base is (its own
// regular files, each within its limit, in its folders), and says in one line
// what it refuses and why. Cases that would hang or exhaust memory without
// the rule run the built command as a process, under a time limit.
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {sizeLimits} from '../../source/facts/read-file.js';
import {type CliResult, cliPath, runKzrs, userErrorLine} from '../helpers/cli.js';
import {copyFactBase, editData, type FactBaseCopy, readData, removeTempDirs} from '../helpers/fact-base.js';

afterAll(removeTempDirs);

// Relative paths, run from the copy's root: kzrs then names files as data/<name>.json and seeds/<name>.
const relativeArgs = ['--data', 'data', '--seeds', 'seeds'];
const check = (copy: FactBaseCopy) => runKzrs(['check', ...relativeArgs], {cwd: copy.root});

/** `kzrs check` run by the built command, killed if it takes longer than a check of the shipped data ever should. */
function checkAsProcess(copy: FactBaseCopy): CliResult {
	const result = spawnSync(process.execPath, [cliPath, 'check', ...relativeArgs], {cwd: copy.root, encoding: 'utf8', timeout: 15_000});
	if (result.error) throw result.error;
	if (result.signal) throw new Error(`kzrs check did not finish: killed by ${result.signal}`);
	return {status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr};
}

const firstSource = readData('sources')[0];
const firstSeed = firstSource?.file ?? '';
/** How a message names the first source's record and its `file` field. */
const firstSourceField = 'data/sources.json: record 1 (id "s000"), field file:';

/** The first event's first citation made to quote `quote` from the first source. */
function citeFirstSource(copy: FactBaseCopy, quote: string): void {
	editData(copy.dataDir, 'events', (events) => {
		const citation = events[0]?.citations[0];
		if (citation) Object.assign(citation, {source: 's000', quote});
	});
}

function pointFirstSourceAt(copy: FactBaseCopy, file: string): void {
	editData(copy.dataDir, 'sources', (sources) => {
		if (sources[0]) sources[0].file = file;
	});
}

describe('a seed is a file in the seeds folder and nowhere else', () => {
	test.each([
		['a path that climbs out of the folder', '../../../../etc/passwd'],
		['an absolute path', '/etc/passwd'],
		['a path into a folder', 'inner/seed.txt'],
		['a Windows path', '..\\..\\seed.txt'],
		['the folder itself', '.'],
		['its parent', '..'],
	])('%s is refused by name', async (_, file) => {
		const copy = copyFactBase();
		pointFirstSourceAt(copy, file);
		// A line of /etc/passwd that every system has, quoted as if it were news.
		citeFirstSource(copy, 'root:x:0:0');
		expect(userErrorLine(await check(copy))).toBe(`kzrs: ${firstSourceField} expected a file name without a path, found ${JSON.stringify(file)}`);
	});

	test('a symbolic link that leads out of the folder is refused', async () => {
		const copy = copyFactBase();
		writeFileSync(join(copy.root, 'secret.txt'), 'root:x:0:0:root:/root:/bin/bash\n');
		symlinkSync(join(copy.root, 'secret.txt'), join(copy.seedsDir, 'leak.txt'));
		pointFirstSourceAt(copy, 'leak.txt');
		citeFirstSource(copy, 'root:x:0:0');
		expect(userErrorLine(await check(copy))).toBe(`kzrs: ${firstSourceField} its seed seeds/leak.txt: leads outside its folder`);
	});

	test('a symbolic link to another file of the folder is read', async () => {
		const copy = copyFactBase();
		symlinkSync(firstSeed, join(copy.seedsDir, 'alias.txt'));
		pointFirstSourceAt(copy, 'alias.txt');
		const result = await check(copy);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
	});

	test('a directory is refused', async () => {
		const copy = copyFactBase();
		mkdirSync(join(copy.seedsDir, 'folder.txt'));
		pointFirstSourceAt(copy, 'folder.txt');
		expect(userErrorLine(await check(copy))).toBe(`kzrs: ${firstSourceField} its seed seeds/folder.txt: is a directory, not a file`);
	});

	test('a device, linked from inside the folder, is refused before it is read', () => {
		const copy = copyFactBase();
		symlinkSync('/dev/zero', join(copy.seedsDir, 'zero.txt'));
		pointFirstSourceAt(copy, 'zero.txt');
		expect(userErrorLine(checkAsProcess(copy))).toBe(`kzrs: ${firstSourceField} its seed seeds/zero.txt: is a device, not a regular file`);
	});

	test('a named pipe is refused without waiting for a writer', () => {
		const copy = copyFactBase();
		execFileSync('mkfifo', [join(copy.seedsDir, 'pipe.txt')]);
		pointFirstSourceAt(copy, 'pipe.txt');
		expect(userErrorLine(checkAsProcess(copy))).toBe(`kzrs: ${firstSourceField} its seed seeds/pipe.txt: is a named pipe, not a regular file`);
	});
});

describe('a data file is a regular file in the data folder', () => {
	test('a named pipe is refused without waiting for a writer', () => {
		const copy = copyFactBase();
		const file = join(copy.dataDir, 'honours.json');
		rmSync(file);
		execFileSync('mkfifo', [file]);
		expect(userErrorLine(checkAsProcess(copy))).toBe('kzrs: data/honours.json: is a named pipe, not a regular file');
	});

	test('a symbolic link to a device is refused', () => {
		const copy = copyFactBase();
		const file = join(copy.dataDir, 'trade.json');
		rmSync(file);
		symlinkSync('/dev/zero', file);
		expect(userErrorLine(checkAsProcess(copy))).toBe('kzrs: data/trade.json: is a device, not a regular file');
	});

	test('a symbolic link out of the folder is refused', async () => {
		const copy = copyFactBase();
		const file = join(copy.dataDir, 'honours.json');
		renameSync(file, join(copy.root, 'honours.json'));
		symlinkSync(join(copy.root, 'honours.json'), file);
		expect(userErrorLine(await check(copy))).toBe('kzrs: data/honours.json: leads outside its folder');
	});
});

describe('each file has a size limit, checked before it is read', () => {
	// A sparse file, far larger than any limit at no cost: read, it would be NUL bytes, and held whole, more memory than there is.
	const huge = 64 * 1024 ** 3;
	const tooLarge = (limit: string) => `is larger than the ${limit} such a file may have (${huge} bytes; see data/README.md)`;

	test('a seed', async () => {
		const copy = copyFactBase();
		truncateSync(join(copy.seedsDir, firstSeed), huge);
		expect(userErrorLine(await check(copy))).toBe(`kzrs: ${firstSourceField} its seed seeds/${firstSeed}: ${tooLarge('10 MiB')}`);
	});

	test('a data file held whole', async () => {
		const copy = copyFactBase();
		truncateSync(join(copy.dataDir, 'events.json'), huge);
		expect(userErrorLine(await check(copy))).toBe(`kzrs: data/events.json: ${tooLarge('64 MiB')}`);
	});

	test('trade.json, read a slice at a time', async () => {
		const copy = copyFactBase();
		truncateSync(join(copy.dataDir, 'trade.json'), huge);
		expect(userErrorLine(await check(copy))).toBe(`kzrs: data/trade.json: ${tooLarge('1024 MiB')}`);
	});

	test('the seeds together, however often sources.json names one', async () => {
		const copy = copyFactBase();
		// A seed of text just within its own limit, named by eleven sources: 110 MiB in all.
		writeFileSync(join(copy.seedsDir, 'large.txt'), 'Astana '.repeat(sizeLimits.seed / 7));
		const template = readData('sources')[0];
		const sources = Array.from({length: 11}, (_, index) => ({...template, id: `s${String(index).padStart(3, '0')}`, file: 'large.txt'}));
		writeFileSync(join(copy.dataDir, 'sources.json'), JSON.stringify(sources));
		expect(userErrorLine(await check(copy))).toBe(
			'kzrs: data/sources.json: record 11 (id "s010"), field file: the seeds named up to here are larger than the 100 MiB they may have together',
		);
	});
});
