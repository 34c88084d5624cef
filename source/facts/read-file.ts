// Reading the files of the fact base, turning every way a file can be broken
// into one clear sentence that names it.
import {isUtf8} from 'node:buffer';
import {closeSync, openSync, readFileSync, readSync} from 'node:fs';
import {relative} from 'node:path';
import {dataError, UserError} from '../errors.js';
import {printable} from '../format/printable.js';
import {closeBracket, isWhitespace, likelyRecordEnd, MalformedJson, openBracket, type RecordSlice, RecordSlicer, type SlicerStart} from './record-chunks.js';

/** The path as the user would type it: relative when under the working directory. */
export function displayPath(file: string): string {
	const near = relative(process.cwd(), file);
	return near === '' || near.startsWith('..') ? file : near;
}

function cannotRead(file: string, error: unknown): UserError {
	const code = (error as NodeJS.ErrnoException).code;
	const why =
		code === 'ENOENT'
			? 'file is missing'
			: code === 'EISDIR'
				? 'is a directory, not a file'
				: code === 'EACCES'
					? 'cannot be read: permission denied'
					: `cannot be read (${code ?? String(error)})`;
	return new UserError(`${displayPath(file)}: ${why}`);
}

function readBytes(file: string): Buffer {
	try {
		return readFileSync(file);
	} catch (error) {
		throw cannotRead(file, error);
	}
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

const notUtf8 = (file: string, offset: number) => new UserError(`${displayPath(file)}: is not UTF-8 text (first bad byte at offset ${offset})`);

// Some editors begin UTF-8 files with a byte-order mark; it is not text.
const hasByteOrderMark = (bytes: Buffer) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** The file's text; it must be non-empty UTF-8. */
export function readText(file: string): string {
	const bytes = readBytes(file);
	if (bytes.length === 0) throw new UserError(`${displayPath(file)}: file is empty`);
	const bad = firstBadByte(bytes);
	if (bad >= 0) throw notUtf8(file, bad);
	return bytes.toString('utf8', hasByteOrderMark(bytes) ? 3 : 0);
}

function lineAndColumn(bytes: Buffer, offset: number): string {
	let lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
	// A byte-order mark is not a column of the first line.
	if (lineStart === 0 && hasByteOrderMark(bytes)) lineStart = 3;
	let line = 1;
	for (let position = bytes.indexOf(0x0a); position !== -1 && position < lineStart; position = bytes.indexOf(0x0a, position + 1)) line++;
	const column = bytes.toString('utf8', lineStart, offset).length + 1;
	return `line ${line}, column ${column}`;
}

/** A broken file's problem, worded; only runs once something is wrong, so it may read the whole file. */
function describeMalformed(file: string, error: MalformedJson | {offset: number; message: string}): UserError {
	const shown = displayPath(file);
	const bytes = readBytes(file);
	const bad = firstBadByte(bytes);
	if (bad >= 0) return notUtf8(file, bad);
	const invalid = (detail: string) => new UserError(`${shown}: is not valid JSON: ${detail}`);
	if (!(error instanceof MalformedJson)) return invalid(`${error.message} (${lineAndColumn(bytes, error.offset)})`);
	const {problem} = error;
	if (problem.kind === 'empty') return new UserError(`${shown}: file is empty`);
	if (problem.kind === 'not-a-list') return dataError(shown, 'expected a JSON list of records at the top level');
	if (problem.kind === 'truncated') return invalid('the JSON ends too early (is the file truncated?)');
	if (problem.kind === 'trailing-comma') return invalid(`a comma with no record after it (${lineAndColumn(bytes, problem.offset)})`);
	return invalid(`unexpected text after the list (${lineAndColumn(bytes, problem.offset)})`);
}

/**
 * Where a slice's JSON goes wrong, and V8's words for it: record by record,
 * because Node 20 gives no position for some errors. Its words quote the text
 * ("…" is not valid JSON): that part is dropped, and controls are made harmless.
 */
function syntaxError(slice: RecordSlice): MalformedJson | {offset: number; message: string} {
	const slicer = new RecordSlicer(1);
	let records: RecordSlice[];
	try {
		records = [...slicer.feed(Buffer.concat([Buffer.from('['), slice.bytes, Buffer.from(']')]))];
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

export type RecordBatch = {first: number; records: unknown[]};

/**
 * Small enough that a block's text and records die young, before the garbage
 * collector promotes them to the old generation: measured at 100,000 rows,
 * 512 KB blocks of 250 records load in a tenth less time than 4 MB blocks of
 * 2,000, with a fifth less peak memory. A batch of guessed record ends (see
 * guessedBatches) is cut at the first record end after 60 KB, about 120 of
 * kzrs's trade records: its text, as a string of two-byte characters (a flow's
 * arrow makes it one), should stay under V8's large-object size of 128 KB, or
 * every batch's strings wait for a full collection to be freed. (A record of
 * more than a few KB takes its batch past that; it costs memory, not
 * correctness.) Measured at 100,000 rows, median of
 * ten: 167 MB peak memory against 179 MB with 128 KB batches, in the same time.
 */
const blockSize = 512 * 1024;
const recordsPerBatch = 250;
const batchBytes = 60 * 1024;
/** Guessing stops after this much text without a likely record end: the file is not written as kzrs writes them. */
const maxGuessedBytes = 4 * blockSize;

/** Reads the file's next block into `buffer` at `offset`; returns how many bytes came, 0 at the end. */
function readBlock(file: string, descriptor: number, buffer: Buffer, offset: number): number {
	try {
		return readSync(descriptor, buffer, offset, blockSize, null);
	} catch (error) {
		throw cannotRead(file, error);
	}
}

function* readBlocks(file: string, descriptor: number): Generator<Buffer> {
	for (;;) {
		const block = Buffer.allocUnsafe(blockSize);
		const length = readBlock(file, descriptor, block, 0);
		if (length === 0) return;
		yield block.subarray(0, length);
	}
}

/** The records of text that should be whole values separated by commas; undefined when it is not. */
function parseRecords(bytes: Buffer): unknown[] | undefined {
	if (!isUtf8(bytes)) return undefined;
	try {
		return JSON.parse(`[${bytes.toString('utf8')}]`) as unknown[];
	} catch {
		return undefined;
	}
}

/** Where the exact slicer takes over from guessing: the text not yet in a batch, and where in the file it begins. */
type Handover = {pending: Buffer; start: SlicerStart};

/**
 * A file's text, read a block at a time into one buffer that keeps what has
 * not been consumed yet. A buffer for every block would be freed only when the
 * garbage collector came to it, and the memory allocator would hold on to the
 * space meanwhile. Measured at 100,000 rows, ten runs each: peak memory 166 MB
 * at the median and 168 MB at most, against 169 MB and 180 MB. The buffer
 * grows for a record longer than a block and never shrinks: a file is read
 * once, and it is dropped with it.
 */
class TextWindow {
	private buffer = Buffer.allocUnsafe(2 * blockSize);
	private start = 0;
	private end = 0;

	constructor(
		private readonly file: string,
		private readonly descriptor: number,
	) {}

	/** The text read and not consumed: valid until the next read. */
	get text(): Buffer {
		return this.buffer.subarray(this.start, this.end);
	}

	/** Drops `bytes` from the front of the text. */
	consume(bytes: number): void {
		this.start += bytes;
	}

	/** Adds the next block to the text; false at the end of the file. */
	read(): boolean {
		const kept = this.end - this.start;
		if (this.buffer.length - kept < blockSize) {
			// A record longer than a block: room for it, and the next block.
			const larger = Buffer.allocUnsafe(2 * (kept + blockSize));
			this.buffer.copy(larger, 0, this.start, this.end);
			this.buffer = larger;
		} else {
			this.buffer.copyWithin(0, this.start, this.end);
		}
		this.start = 0;
		const length = readBlock(this.file, this.descriptor, this.buffer, kept);
		this.end = kept + length;
		return length > 0;
	}
}

/**
 * Batches cut where records likely end (see likelyRecordEnd), each cut
 * confirmed by parsing the text up to it: about a tenth of loading's time
 * faster than following the JSON's structure byte by byte. Hands over to the
 * exact slicer at the first guess that cannot be made or confirmed, which a
 * broken file always comes to, so that the slicer finds its problem and says
 * where it is; returns nothing once the list has been read to its end.
 */
function* guessedBatches(window: TextWindow): Generator<RecordBatch, Handover | undefined> {
	/** Where the window's text begins: before the list, or inside it at a record boundary. */
	let start: SlicerStart = {offset: 0, first: 0, after: 'start'};
	while (window.read()) {
		if (start.after === 'start') {
			const text = window.text;
			// Some editors begin UTF-8 files with a byte-order mark; it is not text.
			let position = start.offset === 0 && hasByteOrderMark(text) ? 3 : 0;
			while (position < text.length && isWhitespace(text[position] as number)) position++;
			window.consume(position);
			start = {...start, offset: start.offset + position};
			// Only whitespace so far: nothing to keep.
			if (position === text.length) continue;
			if (text[position] !== openBracket) return {pending: window.text, start};
			window.consume(1);
			start = {offset: start.offset + 1, first: 0, after: 'bracket'};
		}
		for (let end = likelyRecordEnd(window.text, batchBytes); end !== -1; end = likelyRecordEnd(window.text, batchBytes)) {
			const records = parseRecords(window.text.subarray(0, end + 1));
			if (records === undefined) return {pending: window.text, start};
			yield {first: start.first, records};
			// Past the `}` and its comma.
			window.consume(end + 2);
			start = {offset: start.offset + end + 2, first: start.first + records.length, after: 'comma'};
		}
		if (window.text.length > maxGuessedBytes) return {pending: window.text, start};
	}
	// The end of the file: the last records, then `]` and only whitespace.
	const pending = window.text;
	const close = pending.lastIndexOf(closeBracket);
	if (start.after === 'start' || close === -1 || !pending.subarray(close + 1).every(isWhitespace)) return {pending, start};
	const last = pending.subarray(0, close);
	// An empty list; after a comma, a record must follow, and the slicer says it does not.
	if (last.every(isWhitespace)) return start.after === 'bracket' ? undefined : {pending, start};
	const records = parseRecords(last);
	if (records === undefined) return {pending, start};
	yield {first: start.first, records};
	return undefined;
}

/** A data file's records (a JSON list), a batch at a time, read a block at a time: a large file is never held whole, as bytes or as objects. */
export function* readRecordBatches(file: string): Generator<RecordBatch> {
	let descriptor: number;
	try {
		descriptor = openSync(file, 'r');
	} catch (error) {
		throw cannotRead(file, error);
	}
	try {
		const handover = yield* guessedBatches(new TextWindow(file, descriptor));
		if (handover === undefined) return;
		// Exactly, from the last confirmed record boundary: what is wrong, where.
		const slicer = new RecordSlicer(recordsPerBatch, handover.start);
		const rest = function* () {
			yield handover.pending;
			// The rest of the file, each block kept as long as the slicer needs it.
			yield* readBlocks(file, descriptor);
		};
		for (const block of rest()) {
			for (const slice of slicer.feed(block)) {
				const records = parseRecords(slice.bytes);
				if (records !== undefined) yield {first: slice.first, records};
				else if (!isUtf8(slice.bytes)) throw notUtf8(file, firstBadByte(readBytes(file)));
				else throw describeMalformed(file, syntaxError(slice));
			}
		}
		slicer.finish();
	} catch (error) {
		if (error instanceof MalformedJson) throw describeMalformed(file, error);
		throw error;
	} finally {
		closeSync(descriptor);
	}
}
