// Writing a file so that nothing is ever lost: the content goes to a temporary
// file beside the target (temporary-file.ts), and only a complete file takes
// the target's name.
// Without `force` an existing file is never replaced: the final step is a hard
// link, which the file system refuses if the name exists, so even a file that
// appears meanwhile is safe. A device or a pipe (/dev/null, a FIFO) is
// written into, as there is no file to replace.
import {closeSync, constants, createWriteStream, linkSync, openSync, renameSync, type Stats, statSync} from 'node:fs';
import {dirname} from 'node:path';
import type {Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import {UserError} from '../errors.js';
import {temporaryFileIn} from '../temporary-file.js';

export type WriteOptions = {
	force: boolean;
	/** The file's name as messages give it: as the user typed it. */
	shown?: string;
};

const writeFailures: Record<string, string> = {
	EEXIST: 'file exists (use --force to overwrite)',
	ENOENT: 'its directory does not exist',
	ENOTDIR: 'a part of the path is not a directory',
	ENAMETOOLONG: 'its name is too long',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	EROFS: 'the file system is read-only',
	ENOSPC: 'the disk is full',
	EDQUOT: 'the disk quota is exhausted',
	EFBIG: 'the file is too large',
	EIO: 'an input/output error',
	EISDIR: 'it is a directory',
	ENXIO: 'nothing is reading from it',
	EPIPE: 'its reader stopped reading',
};

/** Why a write failed, in words: the one table for files and standard output. */
export const writeFailure = (error: unknown): string => writeFailures[(error as NodeJS.ErrnoException).code ?? ''] ?? (error as Error).message;

function explain(file: string, error: unknown): UserError {
	return new UserError(`cannot write ${file}: ${writeFailure(error)}`);
}

/** What is at `file`, if anything; undefined also when a part of the path is not a directory (writing says so). */
function existing(file: string): Stats | undefined {
	try {
		return statSync(file, {throwIfNoEntry: false});
	} catch {
		return undefined;
	}
}

/**
 * A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written to, not
 * replaced: renaming a file over it would put a file in the device's place.
 */
const isDeviceOrPipe = (stats: Stats | undefined) => stats !== undefined && !stats.isFile() && !stats.isDirectory();

/**
 * Throws when `file` is a named pipe nothing reads from. Writing would wait for
 * a reader, as any Unix program writing to a pipe does: right for a command,
 * but the dashboard would hang (and Ctrl-C not end it), so it asks first.
 */
export function checkReader(file: string): void {
	if (!existing(file)?.isFIFO()) return;
	try {
		closeSync(openSync(file, constants.O_WRONLY | constants.O_NONBLOCK));
	} catch (error) {
		throw explain(file, error);
	}
}

/** Whether writing would need --force. */
export function wouldOverwrite(file: string): boolean {
	const stats = existing(file);
	return stats !== undefined && !isDeviceOrPipe(stats);
}

/** How much text may wait to be written while more is made: enough for making and writing to overlap. */
const writeAhead = 1 << 18;

/** Streams `content` into `file` (a file atomically, a device or pipe directly); throws a UserError and leaves nothing behind on failure. */
export async function writeFileAtomically(file: string, content: Readable, {force, shown = file}: WriteOptions): Promise<void> {
	const stats = existing(file);
	if (stats?.isDirectory()) throw explain(shown, Object.assign(new Error('directory'), {code: 'EISDIR'}));
	if (isDeviceOrPipe(stats)) {
		try {
			await pipeline(content, createWriteStream(file));
		} catch (error) {
			throw error instanceof UserError ? error : explain(shown, error);
		}
		return;
	}
	if (!force && stats !== undefined) throw explain(shown, Object.assign(new Error('exists'), {code: 'EEXIST'}));
	const temporary = temporaryFileIn(dirname(file));
	try {
		await pipeline(content, createWriteStream(temporary.path, {flags: 'wx', mode: 0o644, highWaterMark: writeAhead}), {signal: temporary.signal});
		if (force) renameSync(temporary.path, file);
		else linkSync(temporary.path, file);
	} catch (error) {
		if (temporary.signal.aborted) throw new UserError(`cannot write ${shown}: interrupted`);
		throw error instanceof UserError ? error : explain(shown, error);
	} finally {
		temporary.remove();
	}
}
