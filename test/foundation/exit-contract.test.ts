// How kzrs ends, whatever goes wrong: a reader that goes away is no failure;
// standard output failing otherwise (a full disk), or loading running out of
// memory, is one `kzrs:` line and exit code 2; a fault in kzrs is one line
// saying so and exit code 1. Never a stack trace, unless asked for.
import {spawn, spawnSync} from 'node:child_process';
import {once} from 'node:events';
import {closeSync, copyFileSync, openSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {shippedPanes} from '../../source/panes/registry.js';
import {honours} from '../fixtures/honours-pane.js';
import {cliPath, failingOutput, runKzrs} from '../helpers/cli.js';
import {copyFactBase, editData, factBaseArgs, makeTempDir, removeTempDirs, repoRoot} from '../helpers/fact-base.js';

afterAll(removeTempDirs);

/** Each command as a test names it, and its arguments. */
const named = (...commands: string[][]) => commands.map((args) => [args.join(' ') || '(the snapshot)', args] as const);

const commands = named(
	['export', 'trade'],
	['export', 'timeline', '--format', 'json'],
	['check'],
	['sql', 'SELECT id, value FROM trade'],
	['sql', 'SELECT id, value FROM trade', '--format', 'csv'],
	['sql', 'SELECT id, value FROM trade', '--format', 'json'],
	// Not in a terminal: the snapshot.
	[],
	['--help'],
	['--version'],
);

const diskFull = 'kzrs: cannot write to standard output: the disk is full\n';

describe('standard output fails', () => {
	test.each(commands)('a full disk is one line and exit 2: kzrs %s', async (_name, args) => {
		for (const accepted of [0, 4]) {
			const stdout = failingOutput('ENOSPC', accepted);
			const result = await runKzrs(args, {stdout});
			expect(result.stderr).toBe(diskFull);
			expect(result.status).toBe(2);
		}
	});

	test.each(commands)('a reader that went away is a quiet success: kzrs %s', async (_name, args) => {
		for (const accepted of [0, 4]) {
			const stdout = failingOutput('EPIPE', accepted);
			const result = await runKzrs(args, {stdout});
			expect(result.stderr).toBe('');
			expect(result.status).toBe(0);
			expect(stdout.text()).toHaveLength(accepted);
		}
	});
});

describe('the kzrs command', () => {
	const devFull = openSync('/dev/full', 'w');
	afterAll(() => closeSync(devFull));

	// Standard output is a file here: written in one piece (check) or streamed (export).
	test.each(named(['export', 'trade'], ['check']))('writing to /dev/full: kzrs %s', (_name, args) => {
		const result = spawnSync(process.execPath, [cliPath, ...args], {cwd: repoRoot, stdio: ['ignore', devFull, 'pipe'], encoding: 'utf8', timeout: 60_000});
		expect(result.stderr).toBe(diskFull);
		expect(result.status).toBe(2);
	});

	test('a pipe closed before kzrs writes to it', async () => {
		const child = spawn(process.execPath, [cliPath, 'check'], {cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe']});
		child.stdout.destroy();
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		const [status] = (await once(child, 'close')) as [number | null];
		expect(stderr).toBe('');
		expect(status).toBe(0);
	});
});

describe('a fault in kzrs', () => {
	// A pane whose query names a table the schema lacks: a fault in kzrs, not in what the user gave it.
	const broken = {...honours, id: 'broken', key: '6', query: {...honours.query, table: 'missing'}};
	const panes = [...shippedPanes, broken];
	const faultLine = 'kzrs: internal error: Error: no such table: missing (a fault in kzrs: run it again with KZRS_DEBUG=1 and report what it prints)';

	test('is one line saying so, and exit 1', async () => {
		const result = await runKzrs(['export', 'broken'], {panes});
		expect(result.stderr).toBe(`${faultLine}\n`);
		expect(result.status).toBe(1);
	});

	test('KZRS_DEBUG=1 adds the stack', async () => {
		const result = await runKzrs(['export', 'broken'], {panes, env: {KZRS_DEBUG: '1'}});
		const [line, ...stack] = result.stderr.trimEnd().split('\n');
		expect(line).toBe(faultLine);
		expect(stack[0]).toBe('Error: no such table: missing');
		expect(stack.slice(1).every((frame) => frame.startsWith('    at '))).toBe(true);
		expect(stack.length).toBeGreaterThan(1);
		expect(result.status).toBe(1);
	});

	test('a kzrs command without its program says it cannot start', () => {
		const dir = makeTempDir();
		copyFileSync(cliPath, join(dir, 'cli.cjs'));
		const result = spawnSync(process.execPath, [join(dir, 'cli.cjs'), 'check'], {encoding: 'utf8', timeout: 60_000});
		expect(result.stderr).toMatch(/^kzrs: cannot start: Error: ENOENT: no such file or directory, open '.*kzrs\.cjs' \(build or install kzrs again\)\n$/);
		expect(result.status).toBe(1);
	});
});

test('the loader thread running out of memory is one line and exit 2', () => {
	// Records the loader holds a batch of at once, larger together than a 24 MB heap.
	const copy = copyFactBase();
	editData(copy.dataDir, 'trade', (records) => {
		const [first] = records;
		for (let index = 0; index < 10; index++) records.push({...(first as (typeof records)[number]), id: `long-${index}`, label: 'x'.repeat(5_000_000)});
	});
	const result = spawnSync(process.execPath, [cliPath, 'check', ...factBaseArgs(copy)], {
		encoding: 'utf8',
		env: {...process.env, NODE_OPTIONS: '--max-old-space-size=24'},
		timeout: 60_000,
	});
	expect(result.stderr).toBe(
		"kzrs: out of memory loading the fact base: the loader thread reached Node's heap limit (NODE_OPTIONS=--max-old-space-size=MB raises it)\n",
	);
	expect(result.status).toBe(2);
});
