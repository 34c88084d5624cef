// Runs the built bundle (dist/cli.cjs, built by test/global-setup.ts) the way a
// user runs it: a separate Node process, with real arguments and files.
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {repoRoot} from './fact-base.js';

export const cliPath = join(repoRoot, 'dist', 'cli.cjs');

export type CliResult = {status: number | null; stdout: string; stderr: string};

export type CliOptions = {
	/** Working directory of the process; a temporary directory keeps stray files out of the repository. */
	cwd?: string;
};

export function runCli(args: readonly string[], {cwd = repoRoot}: CliOptions = {}): CliResult {
	const result = spawnSync(process.execPath, [cliPath, ...args], {
		cwd,
		encoding: 'utf8',
		// No terminal and no colour: the output is what a pipe or a file receives.
		env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'},
		maxBuffer: 64 * 1024 * 1024,
		// A kzrs that waits for ever fails its test instead of holding the run.
		timeout: 60_000,
	});
	if (result.error) throw result.error;
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** `kzrs export <pane> --format json`, parsed; fails the test with stderr if the command fails. */
export function exportJson<Row = Record<string, unknown>>(pane: string, args: readonly string[] = [], options?: CliOptions): Row[] {
	const result = runCli(['export', pane, '--format', 'json', ...args], options);
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
