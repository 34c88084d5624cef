// Reading the files of the fact base, turning every way a file can be broken
// into one clear sentence that names it. Every reader here is linear in the
// file's size and holds a block of it, not all of it, but for the seeds,
// which are read whole.
import {isUtf8} from 'node:buffer';
import {closeSync, openSync, readFileSync, readSync} from 'node:fs';
import {relative} from 'node:path';
import {dataError, UserError} from '../errors.js';
import {printable} from '../text/printable.js';
import {blockSize, defaultLimits, hasByteOrderMark, MalformedJson, type RecordSlice, recordSlices} from './record-slices.js';

/** The path as the user would type it in `cwd`: relative when under it. */
export function displayPath(file: string, cwd: string): string {
	const near = relative(cwd, file);
	return near === '' || near.startsWith('..') ? file : near;
}

// Below, `shown` is a file's name as messages give it (see displayPath).

function cannotRead(shown: string, error: unknown): UserError {
	const code = (error as NodeJS.ErrnoException).code;
	const why =
		code === 'ENOENT'
			? 'file is missing'
			: code === 'EISDIR'
				? 'is a directory, not a file'
				: code === 'EACCES'
					? 'cannot be read: permission denied'
					: `cannot be read (${code ?? String(error)})`;
	return new UserError(`${shown}: ${why}`);
}

/** Where the first byte that is not UTF-8 is, or -1. */
function firstBadByte(bytes: Buffer): number {
	if (isUtf8(bytes)) return -1;
	// Decoding replaces each bad sequence with U+FFFD: the first byte where the
	// round trip differs is the first bad one (a real U+FFFD survives it).
	const roundTrip = Buffer.from(bytes.toString('utf8'), 'utf8');
	let offset = 0;
	while (offset < bytes.length && bytes[offset] === roundTrip[offset]) offset++;
	return offset;
}

const notUtf8 = (shown: string, offset: number) => new UserError(`${shown}: is not UTF-8 text (first bad byte at offset ${offset})`);

/** The file's text; it must be non-empty UTF-8. */
export function readText(file: string, shown = file): string {
	let bytes: Buffer;
	try {
		bytes = readFileSync(file);
	} catch (error) {
		throw cannotRead(shown, error);
	}
	if (bytes.length === 0) throw new UserError(`${shown}: file is empty`);
	const bad = firstBadByte(bytes);
	if (bad >= 0) throw notUtf8(shown, bad);
	return bytes.toString('utf8', hasByteOrderMark(bytes) ? 3 : 0);
}

/** An open file, read a block at a time from the start, each failure worded. */
function* blocks(shown: string, descriptor: number): Generator<Buffer> {
	const buffer = Buffer.allocUnsafe(blockSize);
	for (;;) {
		const length = readBlock(shown, descriptor, buffer, 0, blockSize);
		if (length === 0) return;
		yield buffer.subarray(0, length);
	}
}

function readBlock(shown: string, descriptor: number, buffer: Buffer, offset: number, length: number): number {
	try {
		return readSync(descriptor, buffer, offset, length, null);
	} catch (error) {
		throw cannotRead(shown, error);
	}
}

/** Runs `use` on the file's descriptor, closing it however `use` ends. */
function withFile<T>(file: string, shown: string, use: (descriptor: number) => T): T {
	let descriptor: number;
	try {
		descriptor = openSync(file, 'r');
	} catch (error) {
		throw cannotRead(shown, error);
	}
	try {
		return use(descriptor);
	} finally {
		closeSync(descriptor);
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

/** The offset of the file's first byte that is not UTF-8, or -1: block by block. */
function firstBadByteIn(file: string, shown: string): number {
	return withFile(file, shown, (descriptor) => {
		let carried = Buffer.alloc(0);
		let offset = 0;
		for (const block of blocks(shown, descriptor)) {
			const bytes = carried.length === 0 ? block : Buffer.concat([carried, block]);
			const whole = bytes.subarray(0, bytes.length - unfinishedCharacter(bytes));
			const bad = firstBadByte(whole);
			if (bad >= 0) return offset + bad;
			offset += whole.length;
			carried = Buffer.from(bytes.subarray(whole.length));
		}
		return carried.length > 0 ? offset : -1;
	});
}

/** "line 3, column 7" of a byte offset: the file is read up to it, keeping only the line it is on. */
function lineAndColumn(file: string, shown: string, offset: number): string {
	return withFile(file, shown, (descriptor) => {
		let line = 1;
		let lineText: Buffer[] = [];
		let read = 0;
		for (const block of blocks(shown, descriptor)) {
			const upTo = block.subarray(0, Math.max(0, Math.min(block.length, offset - read)));
			let lineStart = 0;
			for (let newline = upTo.indexOf(0x0a); newline !== -1; newline = upTo.indexOf(0x0a, newline + 1)) {
				line++;
				lineStart = newline + 1;
				lineText = [];
			}
			lineText.push(Buffer.from(upTo.subarray(lineStart)));
			read += block.length;
			if (read >= offset) break;
		}
		let text = Buffer.concat(lineText);
		// A byte-order mark is not a column of the first line.
		if (line === 1 && hasByteOrderMark(text)) text = text.subarray(3);
		return `line ${line}, column ${text.toString('utf8').length + 1}`;
	});
}

/** A broken file's problem, worded; it may read the file again. */
function describeMalformed(file: string, shown: string, error: MalformedJson | {offset: number; message: string}): UserError {
	const bad = firstBadByteIn(file, shown);
	if (bad >= 0) return notUtf8(shown, bad);
	const invalid = (detail: string) => new UserError(`${shown}: is not valid JSON: ${detail}`);
	if (!(error instanceof MalformedJson)) return invalid(`${error.message} (${lineAndColumn(file, shown, error.offset)})`);
	const {problem} = error;
	if (problem.kind === 'empty') return new UserError(`${shown}: file is empty`);
	if (problem.kind === 'not-a-list') return dataError(shown, 'expected a JSON list of records at the top level');
	if (problem.kind === 'truncated') return invalid('the JSON ends too early (is the file truncated?)');
	if (problem.kind === 'trailing-comma') return invalid(`a comma with no record after it (${lineAndColumn(file, shown, problem.offset)})`);
	return invalid(`unexpected text after the list (${lineAndColumn(file, shown, problem.offset)})`);
}

/** The records of text that should be whole values separated by commas; undefined when it is not. */
function parseRecords(bytes: Buffer): unknown[] | undefined {
	// Decoding would turn a bad byte into U+FFFD, which parses.
	if (!isUtf8(bytes)) return undefined;
	try {
		return JSON.parse(`[${bytes.toString('utf8')}]`) as unknown[];
	} catch {
		return undefined;
	}
}

/**
 * Where a slice's JSON goes wrong, and V8's words for it: record by record,
 * because Node 20 gives no position for some errors. Its words quote the text
 * ("…" is not valid JSON): that part is dropped, and controls are made harmless.
 */
function syntaxError(slice: RecordSlice): MalformedJson | {offset: number; message: string} {
	const listed = Buffer.concat([Buffer.from('['), slice.bytes, Buffer.from(']')]);
	let records: RecordSlice[];
	try {
		records = [...recordSlices(readOnce(listed), {records: 1, bytes: 0})].map((record) => ({...record, bytes: Buffer.from(record.bytes)}));
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
export function* readRecordBatches(file: string, shown = file): Generator<RecordBatch> {
	let descriptor: number;
	try {
		descriptor = openSync(file, 'r');
	} catch (error) {
		throw cannotRead(shown, error);
	}
	try {
		let first = 0;
		for (const slice of recordSlices((buffer, offset, length) => readBlock(shown, descriptor, buffer, offset, length), defaultLimits)) {
			const records = parseRecords(slice.bytes);
			if (records !== undefined) {
				yield {first, records};
				first += records.length;
			} else if (slice.guessed) slice.rejected = true;
			else if (!isUtf8(slice.bytes)) throw notUtf8(shown, slice.offset + firstBadByte(slice.bytes));
			else throw describeMalformed(file, shown, syntaxError(slice));
		}
	} catch (error) {
		if (error instanceof MalformedJson) throw describeMalformed(file, shown, error);
		throw error;
	} finally {
		closeSync(descriptor);
	}
}
