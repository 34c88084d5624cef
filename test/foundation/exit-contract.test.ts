// How kzrs ends, whatever goes wrong: a reader that goes away is no failure;
// standard output failing otherwise (a full disk) is one `kzrs:` line and
// exit code 2; never a stack trace.
import {spawn, spawnSync} from 'node:child_process';
import {once} from 'node:events';
import {closeSync, openSync} from 'node:fs';
import {afterAll, describe, expect, test} from 'vitest';
import {cliPath, failingOutput, runKzrs} from '../helpers/cli.js';
import {repoRoot} from '../helpers/fact-base.js';

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
