// Reading the files of the fact base, turning every way a file can be broken
// into one clear sentence that names it. A fact base may come from anyone, so
// every file is checked before it is read: a regular file (not a device, a
// pipe or a directory), inside its folder (a symbolic link may not lead out
// of it), and no larger than its limit. Every reader here is linear in the
// file's size and holds a block of it, not all of it, but for the seeds,
// which are read whole.
import {isUtf8} from 'node:buffer';
import {closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats, statSync} from 'node:fs';
import {isAbsolute, relative, sep} from 'node:path';
import {dataError, UserError} from '../errors.js';
import {printable} from '../text/printable.js';
import {findTextProblem, mayHideProblems} from './json-text.js';
import {blockSize, defaultLimits, hasByteOrderMark, MalformedJson, type ReadBlock, type RecordSlice, recordSlices} from './record-slices.js';

const mebibyte = 1024 * 1024;

/** The most bytes kzrs reads of each kind of file; data/README.md gives them, and why. */
export const sizeLimits = {
	/** trade.json, read a slice at a time: its size bounds how long loading takes and how large the database grows. */
	streamedDataFile: 1024 * mebibyte,
	/** Any other data file: its records are held all at once. */
	dataFile: 64 * mebibyte,
	/** A seed: read whole, and held with a copy of it folded for the quote search. */
	seed: 10 * mebibyte,
	/** The seeds sources.json names, together (a file named twice counts twice). */
	seeds: 100 * mebibyte,
	/** One record of a data file: held whole as text while it is parsed. A quote of a whole seed fits, escaped. */
	record: 32 * mebibyte,
};

/** A size as data/README.md states the limits. */
export const inMebibytes = (bytes: number) => `${bytes / mebibyte} MiB`;

/** The path as the user would type it in `cwd`: relative when under it. */
export function displayPath(file: string, cwd: string): string {
	const near = relative(cwd, file);
	return near === '' || near.startsWith('..') ? file : near;
}

/** A file to read: its path, its name as messages give it (see displayPath), the folder it must be in, and the most bytes it may have. */
export type FileToRead = {
	path: string;
	shown: string;
	folder: string;
	limit: number;
	/** Counts the bytes read so far, for a load that shows how far it is. */
	progress?: BytesRead;
};

export type BytesRead = {bytes: number};

/** Why a file could not be read, in one line that names it. */
export function cannotRead(shown: string, error: unknown): UserError {
	const code = (error as NodeJS.ErrnoException).code;
	const why =
		code === 'ENOENT'
			? 'file is missing'
			: code === 'EISDIR'
				? 'is a directory, not a file'
				: code === 'EACCES'
					? 'cannot be read: permission denied'
					: code === 'ELOOP'
						? 'is a symbolic link that leads in a loop'
						: `cannot be read (${code ?? String(error)})`;
	return new UserError(`${shown}: ${why}`);
}

/** What a file that is not a regular file is, in words. */
function kindOf(stats: Stats): string {
	if (stats.isDirectory()) return 'a directory';
	if (stats.isFIFO()) return 'a named pipe';
	if (stats.isSocket()) return 'a socket';
	return 'a device';
}

/** Whether `path`, its symbolic links resolved, lies inside `folder` (its own links resolved too). */
function isInside(path: string, folder: string): boolean {
	const inside = relative(realpathSync(folder), realpathSync(path));
	return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

// Opened without waiting: a named pipe put there since it was checked opens at once, and is then refused.
const readWithoutWaiting = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Opens a file of the fact base after checking it: a regular file in its
 * folder, no larger than its limit. Checked before it is opened (opening a
 * device or a pipe may itself do something, or wait), and again once open,
 * in case it was replaced meanwhile. Gives its descriptor and size.
 */
function openChecked({path, shown, folder, limit}: FileToRead): {descriptor: number; size: number} {
	let stats: Stats;
	let inside: boolean;
	try {
		stats = statSync(path);
		inside = isInside(path, folder);
	} catch (error) {
		throw cannotRead(shown, error);
	}
	if (!stats.isFile()) {
		if (stats.isDirectory()) throw new UserError(`${shown}: is a directory, not a file`);
		throw new UserError(`${shown}: is ${kindOf(stats)}, not a regular file`);
	}
	if (!inside) throw new UserError(`${shown}: leads outside its folder`);
	if (stats.size > limit) throw tooLarge(shown, stats.size, limit);
	let descriptor: number;
	try {
		descriptor = openSync(path, readWithoutWaiting);
	} catch (error) {
		throw cannotRead(shown, error);
	}
	const opened = fstatSync(descriptor);
	if (!opened.isFile() || opened.ino !== stats.ino || opened.dev !== stats.dev) {
		closeSync(descriptor);
		throw new UserError(`${shown}: changed while it was being opened`);
	}
	return {descriptor, size: opened.size};
}

const tooLarge = (shown: string, size: number, limit: number) =>
	new UserError(`${shown}: is larger than the ${inMebibytes(limit)} such a file may have (${size} bytes; see data/README.md)`);

/** The first byte that keeps a file from being UTF-8 text: where it is, and whether it is a NUL. */
type BadByte = {offset: number; nul: boolean};

/**
 * The first byte of `bytes` that is not UTF-8 text, if any. A NUL counts: no
 * text holds one, but UTF-16 text, which is otherwise often valid UTF-8 too,
 * has one in every character of ASCII.
 */
function firstBadByte(bytes: Buffer): BadByte | undefined {
	const nul = bytes.indexOf(0);
	const before = nul === -1 ? bytes : bytes.subarray(0, nul);
	if (isUtf8(before)) return nul === -1 ? undefined : {offset: nul, nul: true};
	// Decoding replaces each bad sequence with U+FFFD: the first byte where the
	// round trip differs is the first bad one (a real U+FFFD survives it).
	const roundTrip = Buffer.from(before.toString('utf8'), 'utf8');
	let offset = 0;
	while (offset < before.length && before[offset] === roundTrip[offset]) offset++;
	return {offset, nul: false};
}

const notUtf8 = (shown: string, {offset, nul}: BadByte) =>
	new UserError(`${shown}: is not UTF-8 text (${nul ? `a NUL byte at offset ${offset}, as in UTF-16 text` : `first bad byte at offset ${offset}`})`);

/** The checked file, open: read through a ReadBlock that holds it to its limit (should it grow while it is read). */
function openFile(file: FileToRead): {read: ReadBlock; size: number; close: () => void} {
	const {descriptor, size} = openChecked(file);
	let total = 0;
	const read: ReadBlock = (buffer, offset, length) => {
		let got: number;
		try {
			got = readSync(descriptor, buffer, offset, length, null);
		} catch (error) {
			throw cannotRead(file.shown, error);
		}
		total += got;
		if (file.progress) file.progress.bytes = total;
		if (total > file.limit) throw tooLarge(file.shown, total, file.limit);
		return got;
	};
	return {read, size, close: () => closeSync(descriptor)};
}

/** Runs `use` on the open file, closing it however `use` ends. */
function withFile<T>(file: FileToRead, use: (read: ReadBlock, size: number) => T): T {
	const {read, size, close} = openFile(file);
	try {
		return use(read, size);
	} finally {
		close();
	}
}

/** The file's bytes, all of them: for files small enough to hold (see sizeLimits). */
export function readBytes(file: FileToRead): Buffer {
	return withFile(file, (read, size) => {
		const bytes = Buffer.allocUnsafe(size);
		let length = 0;
		for (let got = -1; length < size && got !== 0; length += got) got = read(bytes, length, size - length);
		return bytes.subarray(0, length);
	});
}

/** The file's text; it must be non-empty UTF-8. */
export function readText(file: FileToRead): string {
	const bytes = readBytes(file);
	if (bytes.length === 0) throw new UserError(`${file.shown}: file is empty`);
	const bad = firstBadByte(bytes);
	if (bad) throw notUtf8(file.shown, bad);
	return bytes.toString('utf8', hasByteOrderMark(bytes) ? 3 : 0);
}

/** A file read a block at a time from the start. */
function* blocks(read: ReadBlock): Generator<Buffer> {
	const buffer = Buffer.allocUnsafe(blockSize);
	for (;;) {
		const length = read(buffer, 0, blockSize);
		if (length === 0) return;
		yield buffer.subarray(0, length);
	}
}

/** How many bytes at the end of `bytes` begin a UTF-8 character that goes on past them. */
function unfinishedCharacter(bytes: Buffer): number {
	for (let back = 1; back <= Math.min(3, bytes.length); back++) {
		const byte = bytes[bytes.length - back] as number;
		if ((byte & 0xc0) !== 0x80) {
			const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
			return length > back ? back : 0;
		}
	}
	return 0;
}

/** The file's first byte that is not UTF-8 text, if any: block by block. */
function firstBadByteIn(file: FileToRead): BadByte | undefined {
	return withFile(file, (read) => {
		let carried = Buffer.alloc(0);
		let offset = 0;
		for (const block of blocks(read)) {
			const bytes = carried.length === 0 ? block : Buffer.concat([carried, block]);
			const whole = bytes.subarray(0, bytes.length - unfinishedCharacter(bytes));
			const bad = firstBadByte(whole);
			if (bad) return {...bad, offset: offset + bad.offset};
			offset += whole.length;
			carried = Buffer.from(bytes.subarray(whole.length));
		}
		// A character cut short by the end of the file.
		return carried.length > 0 ? {offset, nul: false} : undefined;
	});
}

/**
 * "line 3, column 7" of a byte offset, the column in UTF-16 code units as
 * editors count them: the file is read up to it, counting as it goes, so a
 * line of any length costs no memory.
 */
function lineAndColumn(file: FileToRead, offset: number): string {
	return withFile(file, (read) => {
		let line = 1;
		let column = 1;
		let passed = 0;
		for (const block of blocks(read)) {
			const upTo = block.subarray(0, Math.max(0, Math.min(block.length, offset - passed)));
			// A byte-order mark is not a column of the first line.
			let from = passed === 0 && hasByteOrderMark(upTo) ? 3 : 0;
			for (let newline = upTo.indexOf(0x0a, from); newline !== -1; newline = upTo.indexOf(0x0a, from)) {
				line++;
				column = 1;
				from = newline + 1;
			}
			for (let at = from; at < upTo.length; at++) {
				const byte = upTo[at] as number;
				// A character begins at each byte that does not continue one; one of four bytes takes two code units.
				if ((byte & 0xc0) !== 0x80) column += byte >= 0xf0 ? 2 : 1;
			}
			passed += block.length;
			if (passed >= offset) break;
		}
		return `line ${line}, column ${column}`;
	});
}

/** A broken file's problem, worded; it may read the file again. */
function describeMalformed(file: FileToRead, error: MalformedJson | {offset: number; message: string}): UserError {
	const {shown} = file;
	const bad = firstBadByteIn(file);
	if (bad) return notUtf8(shown, bad);
	const invalid = (detail: string) => new UserError(`${shown}: is not valid JSON: ${detail}`);
	if (!(error instanceof MalformedJson)) return invalid(`${error.message} (${lineAndColumn(file, error.offset)})`);
	const {problem} = error;
	if (problem.kind === 'empty') return new UserError(`${shown}: file is empty`);
	if (problem.kind === 'not-a-list') return dataError(shown, 'expected a JSON list of records at the top level');
	if (problem.kind === 'truncated') return invalid('the JSON ends too early (is the file truncated?)');
	if (problem.kind === 'trailing-comma') return invalid(`a comma with no record after it (${lineAndColumn(file, problem.offset)})`);
	if (problem.kind === 'record-too-large') {
		return new UserError(
			`${shown}: the record at ${lineAndColumn(file, problem.offset)} is larger than the ${inMebibytes(sizeLimits.record)} a record may have (see data/README.md)`,
		);
	}
	return invalid(`unexpected text after the list (${lineAndColumn(file, problem.offset)})`);
}

/** The records of text that should be whole values separated by commas, and the text; undefined when it is not. */
function parseRecords(bytes: Buffer): {text: string; records: unknown[]} | undefined {
	// Decoding would turn a bad byte into U+FFFD, which parses.
	if (!isUtf8(bytes)) return undefined;
	const text = bytes.toString('utf8');
	try {
		return {text, records: JSON.parse(`[${text}]`) as unknown[]};
	} catch {
		return undefined;
	}
}

/** A slice cut into its records, each at its offset in the slice plus one. */
function recordsOf(slice: RecordSlice): RecordSlice[] {
	const listed = Buffer.concat([Buffer.from('['), slice.bytes, Buffer.from(']')]);
	return [...recordSlices(readOnce(listed), {records: 1, bytes: 0})].map((record) => ({...record, bytes: Buffer.from(record.bytes)}));
}

/** The first record of a parsed slice with a key given twice or an inexact number, refused; see json-text.ts. */
function refuseHiddenProblems(file: FileToRead, slice: RecordSlice, first: number, records: unknown[]): void {
	for (const [at, record] of recordsOf(slice).entries()) {
		const problem = findTextProblem(record.bytes.toString('utf8'));
		const id = (records[at] as {id?: unknown} | null)?.id;
		if (problem) throw dataError(file.shown, problem.message, {index: first + at, id, path: problem.path});
	}
}

/**
 * Where a slice's JSON goes wrong, and V8's words for it: record by record,
 * because Node 20 gives no position for some errors. Its words quote the text
 * ("…" is not valid JSON): that part is dropped, and controls are made harmless.
 */
function syntaxError(slice: RecordSlice): MalformedJson | {offset: number; message: string} {
	let records: RecordSlice[];
	try {
		records = recordsOf(slice);
	} catch (error) {
		// A slice's own problem as a list (a comma with no record after it), placed in the file.
		if (!(error instanceof MalformedJson) || !('offset' in error.problem)) throw error;
		return new MalformedJson({...error.problem, offset: slice.offset + error.problem.offset - 1});
	}
	for (const record of records) {
		try {
			JSON.parse(record.bytes.toString('utf8'));
		} catch (error) {
			const message = (error as Error).message;
			const position = /at position (\d+)/.exec(message);
			const text = record.bytes.toString('utf8');
			// Past the record's leading whitespace, or at V8's position when it gives one.
			const within = position ? Number(position[1]) : text.length - text.trimStart().length;
			const detail = message.replace(/ in JSON at position \d+[\s\S]*$/, '').replace(/, (\.\.\.)?"[\s\S]*$/, '');
			return {offset: slice.offset + record.offset - 1 + Buffer.byteLength(text.slice(0, within)), message: printable(detail)};
		}
	}
	return {offset: slice.offset, message: 'a record is not valid JSON'};
}

/** A ReadBlock that gives `bytes`, then the end. */
function readOnce(bytes: Buffer): (buffer: Buffer, offset: number, length: number) => number {
	let position = 0;
	return (buffer, offset, length) => {
		const copied = bytes.copy(buffer, offset, position, Math.min(bytes.length, position + length));
		position += copied;
		return copied;
	};
}

export type RecordBatch = {first: number; records: unknown[]};

/** A data file's records (a JSON list), a batch at a time: a large file is never held whole, as bytes or as objects. */
export function* readRecordBatches(file: FileToRead): Generator<RecordBatch> {
	const {read, close} = openFile(file);
	try {
		let first = 0;
		for (const slice of recordSlices(read, {...defaultLimits, record: sizeLimits.record})) {
			const parsed = parseRecords(slice.bytes);
			if (parsed !== undefined) {
				const {text, records} = parsed;
				if (mayHideProblems(text, records)) refuseHiddenProblems(file, slice, first, records);
				yield {first, records};
				first += records.length;
			} else if (slice.guessed) slice.rejected = true;
			else {
				const bad = firstBadByte(slice.bytes);
				if (bad) throw notUtf8(file.shown, {...bad, offset: slice.offset + bad.offset});
				throw describeMalformed(file, syntaxError(slice));
			}
		}
	} catch (error) {
		if (error instanceof MalformedJson) throw describeMalformed(file, error);
		throw error;
	} finally {
		close();
	}
}
