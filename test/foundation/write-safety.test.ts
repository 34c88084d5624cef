// Writing files never loses data: --out and --save-db refuse to replace a file
// without --force, write whole files only, and leave nothing behind (not even
// their temporary file) when they cannot write or are interrupted.
import {spawn, spawnSync} from 'node:child_process';
import {chmodSync, chownSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {constants} from 'node:os';
import {join} from 'node:path';
import {Readable} from 'node:stream';
import {afterEach, describe, expect, test} from 'vitest';
import {writeFileAtomically} from '../../source/export/write-file.js';
import {cliPath, runKzrs, userErrorLine} from '../helpers/cli.js';
import {parseWithCsvParse} from '../helpers/csv.js';
import {dataFileNames, listDir, makeTempDir, readData, removeTempDirs, repoRoot} from '../helpers/fact-base.js';
import {requireTool} from '../helpers/tools.js';

afterEach(removeTempDirs);

const tradeCount = readData('trade').length;

/** What `kzrs export trade` prints: the complete export to compare files with. */
const tradeCsv = async () => {
	const result = await runKzrs(['export', 'trade']);
	expect(result.status).toBe(0);
	return result.stdout;
};

/** Runs sqlite3 on a database file and gives its output lines. */
function sqlite(file: string, sql: string): string[] {
	requireTool('sqlite3', 'reading a saved database with the sqlite3 command');
	const result = spawnSync('sqlite3', [file, sql], {encoding: 'utf8'});
	if (result.error) throw result.error;
	expect(result.stderr).toBe('');
	expect(result.status).toBe(0);
	return result.stdout.trimEnd().split('\n');
}

/** Whether this process can write into a directory it made read-only (root can). */
function readOnlyDirectoriesBlockWrites(): boolean {
	const probe = makeTempDir('kzrs-probe-');
	chmodSync(probe, 0o555);
	try {
		writeFileSync(join(probe, 'probe'), '');
		return false;
	} catch {
		return true;
	} finally {
		chmodSync(probe, 0o755);
	}
}

describe('export --out', () => {
	test('writes a new file holding the whole export, and says how many rows', async () => {
		const dir = makeTempDir();
		const result = await runKzrs(['export', 'trade', '--out', 'trade.csv'], {cwd: dir});
		expect(result.status).toBe(0);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe(`kzrs: wrote ${tradeCount} rows to trade.csv\n`);
		expect(readFileSync(join(dir, 'trade.csv'), 'utf8')).toBe(await tradeCsv());
		expect(listDir(dir)).toEqual(['trade.csv']);
	});

	test('JSON too', async () => {
		const dir = makeTempDir();
		expect((await runKzrs(['export', 'trade', '--format', 'json', '--out', 'trade.json'], {cwd: dir})).status).toBe(0);
		expect(JSON.parse(readFileSync(join(dir, 'trade.json'), 'utf8'))).toHaveLength(tradeCount);
	});

	test('an existing file without --force: refused, the file untouched', async () => {
		const dir = makeTempDir();
		const target = join(dir, 'trade.csv');
		writeFileSync(target, 'my own notes\n');
		const line = userErrorLine(await runKzrs(['export', 'trade', '--out', 'trade.csv'], {cwd: dir}));
		expect(line).toBe('kzrs: cannot write trade.csv: file exists (use --force to overwrite)');
		expect(readFileSync(target, 'utf8')).toBe('my own notes\n');
		expect(listDir(dir)).toEqual(['trade.csv']);
	});

	test('an existing file with --force: replaced by the complete export', async () => {
		const dir = makeTempDir();
		const target = join(dir, 'trade.csv');
		writeFileSync(target, 'my own notes\n'.repeat(10_000));
		const result = await runKzrs(['export', 'trade', '--out', 'trade.csv', '--force'], {cwd: dir});
		expect(result.status).toBe(0);
		const written = readFileSync(target, 'utf8');
		expect(written).toBe(await tradeCsv());
		expect(parseWithCsvParse(written)).toHaveLength(tradeCount + 1);
		expect(listDir(dir)).toEqual(['trade.csv']);
	});

	test('a directory that does not exist: exit 2, nothing written', async () => {
		const dir = makeTempDir();
		const line = userErrorLine(await runKzrs(['export', 'trade', '--out', join('missing', 'trade.csv')], {cwd: dir}));
		expect(line).toBe(`kzrs: cannot write ${join('missing', 'trade.csv')}: its directory does not exist`);
		expect(listDir(dir)).toEqual([]);
	});

	test('a path through a regular file: exit 2, nothing written', async () => {
		const dir = makeTempDir();
		writeFileSync(join(dir, 'notes.txt'), 'notes\n');
		const line = userErrorLine(await runKzrs(['export', 'trade', '--out', 'notes.txt/trade.csv'], {cwd: dir}));
		expect(line).toBe('kzrs: cannot write notes.txt/trade.csv: a part of the path is not a directory');
		expect(listDir(dir)).toEqual(['notes.txt']);
		expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('notes\n');
	});

	test('a directory kzrs may not write to: exit 2, no file and no temporary file left', async () => {
		const dir = makeTempDir();
		if (readOnlyDirectoriesBlockWrites()) {
			const locked = join(dir, 'locked');
			mkdirSync(locked, {mode: 0o555});
			chmodSync(locked, 0o555);
			try {
				const line = userErrorLine(await runKzrs(['export', 'trade', '--out', 'locked/trade.csv'], {cwd: dir}));
				expect(line).toBe('kzrs: cannot write locked/trade.csv: permission denied');
				expect(listDir(locked)).toEqual([]);
			} finally {
				chmodSync(locked, 0o755);
			}
		} else {
			// Running as root, permissions do not stop writes: a regular file in the path does.
			writeFileSync(join(dir, 'locked'), '');
			const line = userErrorLine(await runKzrs(['export', 'trade', '--out', 'locked/trade.csv'], {cwd: dir}));
			expect(line).toContain('kzrs: cannot write locked/trade.csv: ');
			expect(listDir(dir)).toEqual(['locked']);
		}
	});

	test('an existing directory, even with --force: exit 2, the directory left as it was', async () => {
		const dir = makeTempDir();
		mkdirSync(join(dir, 'out'));
		writeFileSync(join(dir, 'out', 'keep.txt'), 'keep\n');
		// Not "use --force": no flag makes a directory a file.
		expect(userErrorLine(await runKzrs(['export', 'trade', '--out', 'out'], {cwd: dir}))).toBe('kzrs: cannot write out: it is a directory');
		expect(userErrorLine(await runKzrs(['export', 'trade', '--out', 'out', '--force'], {cwd: dir}))).toBe('kzrs: cannot write out: it is a directory');
		expect(listDir(dir)).toEqual(['out']);
		expect(listDir(join(dir, 'out'))).toEqual(['keep.txt']);
	});
});

describe('writing a large file', () => {
	test('the next text is made while the last is still being written, and the file is whole', async () => {
		const dir = makeTempDir();
		const chunk = 'x'.repeat(1 << 16);
		const chunks = 40;
		// For each chunk asked for: how much was made before it, and how much of that the file held.
		const asked: Array<{made: number; written: number}> = [];
		function* content(): Generator<string> {
			for (let index = 0; index < chunks; index++) {
				const temporary = readdirSync(dir).find((name) => name.endsWith('.tmp'));
				asked.push({made: index * chunk.length, written: temporary === undefined ? 0 : statSync(join(dir, temporary)).size});
				yield chunk;
			}
		}
		await writeFileAtomically(join(dir, 'big.txt'), Readable.from(content(), {objectMode: false}), {force: false});
		expect(statSync(join(dir, 'big.txt')).size).toBe(chunks * chunk.length);
		// Waiting for each chunk to be written before making the next, the file would hold all that was made, every time.
		expect(asked.some(({made, written}) => made - written >= 2 * chunk.length)).toBe(true);
	});
});

describe('export --out to a device or a pipe', () => {
	/** Exports into a named pipe, read at the other end as in a shell's `kzrs export … --out pipe & cat pipe`. */
	async function exportToPipe(args: string[]) {
		const dir = makeTempDir();
		const pipe = join(dir, 'pipe');
		expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
		const writer = spawn(process.execPath, [cliPath, 'export', 'trade', '--out', pipe, ...args], {stdio: ['ignore', 'ignore', 'pipe']});
		let stderr = '';
		writer.stderr.on('data', (chunk) => {
			stderr += chunk;
		});
		const received = spawnSync('cat', [pipe], {encoding: 'utf8', timeout: 10_000}).stdout;
		const code = await new Promise((resolve) => writer.on('close', resolve));
		return {received, code, stderr, stillAPipe: lstatSync(pipe).isFIFO(), files: listDir(dir)};
	}

	// Renaming the export over a device would put a file in its place (/dev/null, say): a pipe stands in for one here.
	test('a named pipe receives the whole export, with or without --force, and stays a pipe', async () => {
		for (const args of [[], ['--force']]) {
			const result = await exportToPipe(args);
			expect(result.received).toBe(await tradeCsv());
			expect(result.stderr).toMatch(new RegExp(`^kzrs: wrote ${tradeCount} rows to .*pipe\n$`));
			expect(result.code).toBe(0);
			expect(result.stillAPipe).toBe(true);
			expect(result.files).toEqual(['pipe']);
		}
	});
});

describe('--save-db', () => {
	test('writes a SQLite file the sqlite3 command opens, with every record', async () => {
		const dir = makeTempDir();
		const result = await runKzrs(['--save-db', 'kzrs.sqlite'], {cwd: dir});
		expect(result.stderr).toMatch(/^kzrs: wrote \d+ rows \(.*\) to kzrs\.sqlite\n$/);
		expect(result.status).toBe(0);
		const file = join(dir, 'kzrs.sqlite');
		expect(sqlite(file, 'select count(*) from trade')).toEqual([String(tradeCount)]);
		expect(sqlite(file, 'pragma integrity_check')).toEqual(['ok']);
		for (const name of dataFileNames) {
			expect(sqlite(file, `select count(*) from ${name}`), name).toEqual([String(readData(name).length)]);
		}
		const turnover = readData('trade').find((figure) => figure.id === 'turnover-2025');
		expect(sqlite(file, "select value, currency from trade where id = 'turnover-2025'")).toEqual([`${turnover?.value}|${turnover?.currency}`]);
		expect(listDir(dir)).toEqual(['kzrs.sqlite']);
	});

	test('refuses an existing file without --force, and replaces it with --force', async () => {
		const dir = makeTempDir();
		const file = join(dir, 'kzrs.sqlite');
		writeFileSync(file, 'not a database\n');
		expect(userErrorLine(await runKzrs(['--save-db', 'kzrs.sqlite'], {cwd: dir}))).toBe(
			'kzrs: cannot write kzrs.sqlite: file exists (use --force to overwrite)',
		);
		expect(readFileSync(file, 'utf8')).toBe('not a database\n');

		expect((await runKzrs(['--save-db', 'kzrs.sqlite', '--force'], {cwd: dir})).status).toBe(0);
		expect(sqlite(file, 'select count(*) from trade')).toEqual([String(tradeCount)]);
		expect(listDir(dir)).toEqual(['kzrs.sqlite']);
	});

	test('a directory that does not exist: exit 2, nothing written', async () => {
		const dir = makeTempDir();
		expect(userErrorLine(await runKzrs(['--save-db', 'missing/kzrs.sqlite'], {cwd: dir}))).toContain('its directory does not exist');
		expect(listDir(dir)).toEqual([]);
	});

	test('a path through a regular file: exit 2, nothing written', async () => {
		const dir = makeTempDir();
		writeFileSync(join(dir, 'notes.txt'), 'notes\n');
		expect(userErrorLine(await runKzrs(['--save-db', 'notes.txt/kzrs.sqlite'], {cwd: dir}))).toContain('a part of the path is not a directory');
		expect(listDir(dir)).toEqual(['notes.txt']);
	});

	test('takes no command', async () => {
		const dir = makeTempDir();
		const result = await runKzrs(['check', '--save-db', 'kzrs.sqlite'], {cwd: dir});
		expect(result.status).toBe(2);
		expect(result.stderr.split('\n')[0]).toBe('kzrs: --save-db takes no command');
		expect(listDir(dir)).toEqual([]);
	});
});

describe('long names', () => {
	test.each([249, 255])('a %i-byte file name (255 is the most a directory takes) is written', async (length) => {
		const dir = makeTempDir();
		const name = `${'n'.repeat(length - 4)}.csv`;
		const result = await runKzrs(['export', 'trade', '--out', name], {cwd: dir});
		expect(result.stderr).toBe(`kzrs: wrote ${tradeCount} rows to ${name}\n`);
		expect(readFileSync(join(dir, name), 'utf8')).toBe(await tradeCsv());
		expect(listDir(dir)).toEqual([name]);
	});

	test('a name longer than a directory takes: one line, nothing written', async () => {
		const dir = makeTempDir();
		const name = `${'n'.repeat(252)}.csv`;
		expect(userErrorLine(await runKzrs(['export', 'trade', '--out', name], {cwd: dir}))).toBe(`kzrs: cannot write ${name}: its name is too long`);
		expect(userErrorLine(await runKzrs(['--save-db', name, '--force'], {cwd: dir}))).toBe(`kzrs: cannot write ${name}: its name is too long`);
		expect(listDir(dir)).toEqual([]);
	});
});

describe('interrupted', () => {
	const signalMidWrite = join(repoRoot, 'test', 'helpers', 'signal-mid-write.cjs');
	/** kzrs's own name for a temporary file. */
	const temporaryName = /^\.kzrs-\d+-[0-9a-f]{8}\.tmp$/;

	/**
	 * Runs the kzrs command in `dir` from a shell, which gives its exit status;
	 * kzrs sends itself `signal` once it has written into its temporary file.
	 */
	function runSignalledMidWrite(args: string[], signal: NodeJS.Signals, dir: string): number {
		const result = spawnSync('sh', ['-c', '"$@"; echo "$?"', 'sh', process.execPath, '--require', signalMidWrite, cliPath, ...args], {
			cwd: dir,
			env: {...process.env, KZRS_TEST_SIGNAL: signal},
			encoding: 'utf8',
			// Far beyond a run's time: kzrs did not end.
			timeout: 20_000,
		});
		if (result.error) throw result.error;
		return Number(result.stdout.trim());
	}

	/** A process id no process has: a process's that has ended. */
	const endedPid = () => spawnSync(process.execPath, ['-e', '']).pid;

	describe.each([
		['export --out', ['export', 'trade', '--out', 'trade.csv']],
		['--save-db', ['--save-db', 'kzrs.sqlite']],
	])('%s', (_, args) => {
		test.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s removes the temporary file, and kzrs ends with 128 plus its number', (signal) => {
			const dir = makeTempDir();
			expect(runSignalledMidWrite(args, signal, dir)).toBe(128 + constants.signals[signal]);
			expect(listDir(dir)).toEqual([]);
		});

		test('after SIGKILL, the next write into the directory removes what it left', async () => {
			const dir = makeTempDir();
			expect(runSignalledMidWrite(args, 'SIGKILL', dir)).toBe(128 + constants.signals.SIGKILL);
			const [left, ...more] = listDir(dir);
			expect(more).toEqual([]);
			expect(left).toMatch(temporaryName);
			expect((await runKzrs(args, {cwd: dir})).status).toBe(0);
			expect(listDir(dir)).toEqual([args.at(-1)]);
		});
	});

	test("a write removes only kzrs's own temporary files, left by a process that has ended", async () => {
		const dir = makeTempDir();
		const ended = endedPid();
		const stale = `.kzrs-${ended}-0123abcd.tmp`;
		const kept = [
			// A process that still runs: this one.
			`.kzrs-${process.pid}-0123abcd.tmp`,
			// Other names.
			`.trade.csv.${ended}.0123abcd.tmp`,
			`kzrs-${ended}-0123abcd.tmp`,
			`.kzrs-${ended}-0123abcd.tmp.bak`,
			`.kzrs-${ended}-0123abcd.temp`,
			`.kzrs-${ended}-0123abcde.tmp`,
		];
		for (const name of [stale, ...kept]) writeFileSync(join(dir, name), 'partial\n');
		// Not a file: a directory and a link, by kzrs's name.
		mkdirSync(join(dir, `.kzrs-${ended}-89abcdef.tmp`));
		symlinkSync('notes.txt', join(dir, `.kzrs-${ended}-456789ab.tmp`));
		writeFileSync(join(dir, 'notes.txt'), 'notes\n');
		const others = [`.kzrs-${ended}-89abcdef.tmp`, `.kzrs-${ended}-456789ab.tmp`, 'notes.txt'];
		// Another user's: only root can give a file away.
		if (process.getuid?.() === 0) {
			const theirs = `.kzrs-${ended}-fedcba98.tmp`;
			writeFileSync(join(dir, theirs), 'partial\n');
			chownSync(join(dir, theirs), 65534, 65534);
			others.push(theirs);
		}

		expect((await runKzrs(['export', 'trade', '--out', 'trade.csv'], {cwd: dir})).status).toBe(0);
		expect(listDir(dir)).toEqual([...kept, ...others, 'trade.csv'].sort());
		expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('notes\n');
	});
});
