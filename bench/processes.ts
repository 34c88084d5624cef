// Running commands to completion and timing them: wall time from the spawn to
// the exit, and the peak resident set size when asked.
import {spawnSync} from 'node:child_process';
import {closeSync, existsSync, openSync, readFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';

export type Timed = {ms: number; rssMb?: number};

export class CommandError extends Error {
	override name = 'CommandError';
}

export type RunOptions = {cwd: string /** Standard output goes to this file (else it is discarded). */; stdoutFile?: string};

function describeFailure(command: string[], status: number | null, signal: NodeJS.Signals | null, stderr: string): CommandError {
	const how = signal ? `was killed by ${signal}` : `exited with ${status}`;
	return new CommandError(`${command.join(' ')} ${how}${stderr.trim() ? `: ${stderr.trim().split('\n').slice(-3).join(' / ')}` : ''}`);
}

function run(command: string[], {cwd, stdoutFile}: RunOptions): {ms: number; stderr: string} {
	const stdout = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
	try {
		const started = performance.now();
		const result = spawnSync(command[0] as string, command.slice(1), {cwd, stdio: ['ignore', stdout, 'pipe'], maxBuffer: 16 << 20});
		const ms = performance.now() - started;
		if (result.error) throw new CommandError(`cannot run ${command[0]}: ${result.error.message}`);
		const stderr = result.stderr.toString();
		if (result.status !== 0) throw describeFailure(command, result.status, result.signal, stderr);
		return {ms, stderr};
	} finally {
		if (typeof stdout === 'number') closeSync(stdout);
	}
}

/** Wall time of one run; throws a CommandError when the command fails. */
export function timeCommand(command: string[], options: RunOptions): Timed {
	return {ms: run(command, options).ms};
}

const gnuTime = '/usr/bin/time';
// Without GNU time: the same figure from getrusage of the waited-for child.
const rusageWrapper = [
	'import resource, subprocess, sys',
	'status = subprocess.call(sys.argv[2:])',
	'open(sys.argv[1], "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))',
	'sys.exit(status)',
].join('\n');

/** How peak RSS is measured on this machine. */
export const rssMethod = existsSync(gnuTime) ? '/usr/bin/time -v' : 'python3 getrusage(RUSAGE_CHILDREN)';

/** Wall time and peak RSS (MB) of one run. */
export function timeAndMemory(command: string[], options: RunOptions & {scratch: string}): Timed {
	const report = join(options.scratch, `rss-${process.pid}.txt`);
	rmSync(report, {force: true});
	const wrapped = existsSync(gnuTime) ? [gnuTime, '-v', '-o', report, ...command] : ['python3', '-c', rusageWrapper, report, ...command];
	const {ms} = run(wrapped, options);
	const text = readFileSync(report, 'utf8');
	rmSync(report, {force: true});
	const kilobytes = existsSync(gnuTime) ? /Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] : text.trim();
	if (!kilobytes || !/^\d+$/.test(kilobytes)) throw new CommandError(`cannot read the peak RSS of ${command.join(' ')}`);
	// Decimal megabytes (10^6 bytes): the stricter reading of "MB".
	return {ms, rssMb: (Number(kilobytes) * 1024) / 1e6};
}
