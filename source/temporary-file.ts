// The temporary file a write goes to before it takes its target's name. Its
// name is kzrs's own and short, `.kzrs-PID-RANDOM.tmp` beside the target, so
// it fits wherever the target's name fits. It is removed however the write
// ends: on failure, and on SIGINT, SIGTERM or SIGHUP, after which kzrs ends
// as the signal would have ended it. Only SIGKILL (or a crash) can leave one
// behind; the next write into the same directory removes it, knowing it by
// its name, its owner and a process that no longer runs.
import {randomBytes} from 'node:crypto';
import {lstatSync, readdirSync, rmSync, unlinkSync} from 'node:fs';
import {join} from 'node:path';

const namePattern = /^\.kzrs-([1-9][0-9]*)-[0-9a-f]{8}\.tmp$/;
const endingSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export type TemporaryFile = {
	path: string;
	/** Aborted when a signal removed the file before the write was done. */
	signal: AbortSignal;
	/** Removes the file if it is still there. */
	remove(): void;
};

const pending = new Set<{path: string; abort(): void}>();

function removeFile(path: string): void {
	try {
		rmSync(path, {force: true});
	} catch {
		// Never created: its directory is missing, or the path runs through a file.
	}
}

let listening = false;

/**
 * From the first temporary file on, for the rest of the run: a signal that
 * arrives as the write ends is then still handled, not lost.
 */
function listen(): void {
	if (listening) return;
	listening = true;
	// First, so that the dashboard's own handler is still there to be counted.
	for (const signal of endingSignals) process.prependListener(signal, interrupted);
}

function interrupted(signal: NodeJS.Signals): void {
	for (const file of pending) {
		removeFile(file.path);
		file.abort();
	}
	pending.clear();
	// The dashboard handles the signal too, and ends in order.
	if (process.listenerCount(signal) > 1) return;
	// Nobody else does: end as the signal would have ended kzrs, so that a shell
	// sees 128 plus its number.
	for (const each of endingSignals) process.off(each, interrupted);
	listening = false;
	process.kill(process.pid, signal);
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: running, as another user.
		return (error as NodeJS.ErrnoException).code !== 'ESRCH';
	}
}

/** Removes the temporary files in `dir` that kzrs left there when it was killed: its name, the user's own, its process gone. */
function removeStaleTemporaries(dir: string): void {
	const uid = process.getuid?.();
	if (uid === undefined) return;
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		// Writing there will say why.
		return;
	}
	for (const name of names) {
		const pid = namePattern.exec(name)?.[1];
		if (pid === undefined || isRunning(Number(pid))) continue;
		const path = join(dir, name);
		try {
			const stats = lstatSync(path);
			if (stats.isFile() && stats.uid === uid) unlinkSync(path);
		} catch {
			// Removed by another kzrs meanwhile.
		}
	}
}

/** A new temporary file's name beside the target in `dir`, removed if kzrs is interrupted while it exists; call `remove` when done. */
export function temporaryFileIn(dir: string): TemporaryFile {
	removeStaleTemporaries(dir);
	const path = join(dir, `.kzrs-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
	const controller = new AbortController();
	const entry = {path, abort: () => controller.abort()};
	listen();
	pending.add(entry);
	return {
		path,
		signal: controller.signal,
		remove() {
			removeFile(path);
			pending.delete(entry);
		},
	};
}
