// A data file is a JSON list of records, which may be hundreds of megabytes.
// It is read a block at a time and cut into slices of whole records, so that
// memory holds one window of the file and one slice's records, never the
// whole file. Where the file is written as kzrs writes its data (`},` then the
// next record's `{"id"`), a slice is cut at such a likely record end past the
// slice's size and the reader confirms the cut by parsing the slice; elsewhere,
// and once a guess has failed, slices are cut exactly, following JSON's
// structure (strings, brackets, commas) byte by byte, which also finds any
// syntax error at its place. Guessing saves the byte-by-byte scan, about a
// tenth of a large file's load (see BENCHMARKS.md).

export type RecordSlice = {
	/** Byte offset of the slice in the file, for error positions. */
	offset: number;
	/** Whole records separated by commas, without the surrounding brackets: valid until the next slice is asked for. */
	bytes: Buffer;
	/**
	 * Cut at a likely record end: right exactly when the bytes parse as a list
	 * of values (a cut inside a string or a nested value leaves it unclosed).
	 * The reader sets `rejected` when they do not, and the slicer cuts that text
	 * again, exactly, as it does the rest of the file.
	 */
	guessed: boolean;
	rejected?: boolean;
};

export type Malformed =
	| {kind: 'empty'}
	| {kind: 'not-a-list'}
	| {kind: 'truncated'}
	| {kind: 'syntax'; offset: number}
	| {kind: 'trailing-comma'; offset: number}
	/** A record longer than SliceLimits' `record`, at its first byte. */
	| {kind: 'record-too-large'; offset: number};

export class MalformedJson extends Error {
	constructor(readonly problem: Malformed) {
		super(problem.kind);
	}
}

/** Reads up to `length` bytes into `buffer` at `offset`; 0 at the end of the input. */
export type ReadBlock = (buffer: Buffer, offset: number, length: number) => number;

export const blockSize = 512 * 1024;

/**
 * A slice ends after this many records, or at the first record end past
 * `bytes`: small enough that a slice's text and records die young, before
 * the garbage collector promotes them, and that its text, as a string of
 * two-byte characters (a flow's arrow makes it one), stays under V8's
 * large-object size of 128 KB.
 */
export type SliceLimits = {
	records: number;
	bytes: number;
	/** Whether slices may be cut at likely record ends (past `bytes`, whatever their records), for the reader to confirm. */
	guess?: boolean;
	/** The most bytes one record may take: the window grows to hold a record, and no further. */
	record?: number;
};
export const defaultLimits: SliceLimits = {records: 250, bytes: 60 * 1024, guess: true};

const quote = 0x22;
const backslash = 0x5c;
const openBracket = 0x5b;
const closeBracket = 0x5d;

// What a byte is to the scan; 0 for any other.
const quoteMark = 1;
const opening = 2;
const closing = 3;
const separator = 4;
const space = 5;
const kinds = new Uint8Array(256);
kinds[quote] = quoteMark;
kinds[openBracket] = opening;
kinds[0x7b] = opening;
kinds[closeBracket] = closing;
kinds[0x7d] = closing;
kinds[0x2c] = separator;
for (const byte of [0x20, 0x09, 0x0a, 0x0d]) kinds[byte] = space;

export const isWhitespace = (byte: number) => kinds[byte] === space;

const recordEnd = Buffer.from('},');
const idField = Buffer.from('"id"');

/**
 * The position of the `}` that likely ends a record in `bytes`, at or after
 * `from`: `},` then, past whitespace, `{` and the next record's first field,
 * "id". -1 when there is none. Only a guess: a nested object may end the same
 * way, and so may text inside a string.
 */
function likelyRecordEnd(bytes: Buffer, from: number): number {
	for (let end = bytes.indexOf(recordEnd, from); end !== -1; end = bytes.indexOf(recordEnd, end + 1)) {
		let next = end + recordEnd.length;
		while (isWhitespace(bytes[next] as number)) next++;
		if (bytes[next] !== 0x7b) continue;
		next++;
		while (isWhitespace(bytes[next] as number)) next++;
		if (bytes.subarray(next, next + idField.length).equals(idField)) return end;
	}
	return -1;
}

export const hasByteOrderMark = (bytes: Buffer) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/**
 * Cuts a top-level JSON list, read through `read`, into slices of whole
 * records. Throws MalformedJson for what is not a list of values; the values
 * themselves are left to JSON.parse. Linear in the input: a record longer than
 * the window grows it by doubling, and kept text is moved only when the window
 * is full. Searches look only at what has been read, never at the stale bytes
 * past it, which after a long record could be most of a large window.
 */
export function* recordSlices(read: ReadBlock, limits: SliceLimits): Generator<RecordSlice> {
	let window = Buffer.allocUnsafe(2 * blockSize);
	/** The bytes read into the window, and how many. */
	let filled = window.subarray(0, 0);
	let end = 0;
	/** The window's offset in the file; where scanning resumes; where the record being scanned starts. */
	let base = 0;
	let position = 0;
	let recordStart = 0;
	let state: 'before' | 'first' | 'inside' | 'after' = 'before';
	let sliceStart = 0;
	let depth = 0;
	let inString = false;
	let count = 0;
	let guessing = limits.guess === true;

	const recordLimit = limits.record ?? Number.POSITIVE_INFINITY;
	/** The record being scanned is too large: refused at its first byte. */
	const tooLarge = (): MalformedJson => {
		let first = recordStart;
		while (first < end && isWhitespace(window[first] as number)) first++;
		return new MalformedJson({kind: 'record-too-large', offset: base + first});
	};

	const fill = (): boolean => {
		// Refused before the window grows past it, and below once it ends, should it end in the block read last.
		if (state === 'inside' && end - recordStart > recordLimit) throw tooLarge();
		if (window.length - end < blockSize) {
			// Keep only what the slice being cut still needs.
			const keep = state === 'inside' ? sliceStart : position;
			if (keep > 0) {
				window.copyWithin(0, keep, end);
				end -= keep;
				base += keep;
				position -= keep;
				sliceStart -= keep;
				recordStart -= keep;
			}
			if (window.length - end < blockSize) {
				const larger = Buffer.allocUnsafe(2 * window.length);
				window.copy(larger, 0, 0, end);
				window = larger;
			}
		}
		const length = read(window, end, blockSize);
		end += length;
		filled = window.subarray(0, end);
		return length > 0;
	};

	while (fill()) {
		if (state === 'before' && base === 0 && position === 0 && end >= 3 && hasByteOrderMark(window)) position = 3;
		while (position < end) {
			const byte = window[position] as number;
			const kind = kinds[byte];
			if (state !== 'inside') {
				if (kind === space) {
					position++;
					continue;
				}
				if (state === 'before') {
					if (byte !== openBracket) throw new MalformedJson({kind: 'not-a-list'});
					state = 'first';
					position++;
					continue;
				}
				if (state === 'after') throw new MalformedJson({kind: 'syntax', offset: base + position});
				if (byte === closeBracket) {
					state = 'after';
					position++;
					continue;
				}
				state = 'inside';
				sliceStart = position;
				recordStart = position;
			}
			if (guessing && position === sliceStart) {
				const cut = likelyRecordEnd(filled, sliceStart + limits.bytes);
				if (cut !== -1) {
					const guessed: RecordSlice = {offset: base + sliceStart, bytes: window.subarray(sliceStart, cut + 1), guessed: true};
					yield guessed;
					if (!guessed.rejected) {
						// Past the record's `}` and its comma.
						position = cut + 2;
						sliceStart = position;
						recordStart = position;
						continue;
					}
					guessing = false;
				}
			}
			if (inString) {
				const next = filled.indexOf(quote, position);
				if (next === -1) {
					position = end;
					break;
				}
				let backslashes = 0;
				while (window[next - 1 - backslashes] === backslash) backslashes++;
				if (backslashes % 2 === 0) inString = false;
				position = next + 1;
				continue;
			}
			if (kind === quoteMark) inString = true;
			else if (kind === opening) depth++;
			else if (kind === closing && depth > 0) depth--;
			else if (depth === 0 && (kind === separator || byte === closeBracket)) {
				const last = byte === closeBracket;
				// A slice that a full slice's comma began holds no record: that comma came last.
				if (last && count === 0 && window.subarray(sliceStart, position).every(isWhitespace)) {
					throw new MalformedJson({kind: 'trailing-comma', offset: base + position});
				}
				if (position - recordStart > recordLimit) throw tooLarge();
				count++;
				recordStart = position + 1;
				if (last || count === limits.records || position - sliceStart >= limits.bytes) {
					yield {offset: base + sliceStart, bytes: window.subarray(sliceStart, position), guessed: false};
					count = 0;
					sliceStart = position + 1;
				}
				if (last) state = 'after';
			}
			position++;
		}
	}
	if (state === 'before') throw new MalformedJson({kind: 'empty'});
	if (state !== 'after') throw new MalformedJson({kind: 'truncated'});
}
