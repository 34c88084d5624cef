// Runs kzrs's command line in this process, as the kzrs command does (see
// source/bin.ts), with real arguments and files, its output captured: no
// terminal, no colour, as a pipe or a file receives it. test/e2e runs the
// built command itself.
import {join} from 'node:path';
import {PassThrough, Writable} from 'node:stream';
import type {Io} from '../../source/cli/io.js';
import {run} from '../../source/cli/run.js';
import type {Panes} from '../../source/panes/registry.js';
import {repoRoot} from './fact-base.js';

/** The built command, for the tests that run it as a process. */
export const cliPath = join(repoRoot, 'dist', 'cli.cjs');

export type CliResult = {status: number; stdout: string; stderr: string};

export type CliOptions = {
	/** The user's working directory; a temporary directory keeps stray files out of the repository. */
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Panes other than the shipped ones. */
	panes?: Panes;
	/** Where standard output goes instead of being captured (a stream that fails, say). */
	stdout?: Io['stdout'];
};

/** A stream that keeps what is written to it. */
export function collector(): Writable & {text(): string} {
	const chunks: Buffer[] = [];
	const stream = new Writable({
		write(chunk: Buffer | string, _encoding, done) {
			chunks.push(Buffer.from(chunk));
			done();
		},
	});
	return Object.assign(stream, {text: () => Buffer.concat(chunks).toString('utf8')});
}

/**
 * Standard output that takes `accepted` bytes and then fails every write as
 * the system would: ENOSPC for a full disk, EPIPE for a reader that went
 * away. `text()` is what it took.
 */
export function failingOutput(code: 'ENOSPC' | 'EPIPE', accepted = 0): Writable & {text(): string} {
	let taken = Buffer.alloc(0);
	const stream = new Writable({
		write(chunk: Buffer | string, _encoding, done) {
			const bytes = Buffer.from(chunk);
			const room = accepted - taken.length;
			taken = Buffer.concat([taken, bytes.subarray(0, Math.max(room, 0))]);
			if (bytes.length <= room) return done();
			const failure = Object.assign(new Error(`${code}: write failed, write`), {code, syscall: 'write', errno: code === 'EPIPE' ? -32 : -28});
			done(failure);
		},
	});
	return Object.assign(stream, {text: () => taken.toString('utf8')});
}

export async function runKzrs(args: readonly string[], {cwd = repoRoot, env = {}, panes, stdout}: CliOptions = {}): Promise<CliResult> {
	const out = collector();
	const err = collector();
	const stdin = new PassThrough();
	stdin.end();
	const status = await run(args, {stdin, stdout: stdout ?? out, stderr: err, env: {NO_COLOR: '1', ...env}, cwd}, panes);
	return {status, stdout: out.text(), stderr: err.text()};
}

/** `kzrs export <pane> --format json`, parsed; fails the test with stderr if the command fails. */
export async function exportJson<Row = Record<string, unknown>>(pane: string, args: readonly string[] = [], options?: CliOptions): Promise<Row[]> {
	const result = await runKzrs(['export', pane, '--format', 'json', ...args], options);
	if (result.status !== 0) throw new Error(`kzrs export ${pane} failed (${result.status}): ${result.stderr}`);
	return JSON.parse(result.stdout) as Row[];
}

/**
 * A user error as kzrs promises to report it: exit code 2, nothing on stdout,
 * and one `kzrs: …` line on stderr without a stack trace. Returns that line.
 */
export function userErrorLine(result: CliResult): string {
	const problems: string[] = [];
	if (result.status !== 2) problems.push(`exit code ${result.status}, expected 2`);
	if (result.stdout !== '') problems.push(`stdout is not empty: ${JSON.stringify(result.stdout.slice(0, 200))}`);
	if (!/^kzrs: [^\n]+\n$/.test(result.stderr)) problems.push('stderr is not a single "kzrs: …" line');
	if (result.stderr.includes('    at ')) problems.push('stderr holds a stack trace');
	if (problems.length > 0) throw new Error(`${problems.join('; ')}\nstderr: ${result.stderr}`);
	return result.stderr.trimEnd();
}
