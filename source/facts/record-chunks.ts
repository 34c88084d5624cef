// A data file is a JSON list of records, which may be tens of megabytes. It is
// read a block at a time and cut into slices of whole records, so memory holds
// one block and one slice, never the whole file as bytes, string and objects
// at once. A file written as kzrs writes them is cut where records likely end
// (likelyRecordEnd), each cut confirmed by parsing; the exact cutting, which
// follows JSON's structure (strings, brackets, commas) byte by byte, takes
// over where a guess fails, so that any syntax error is reported at its place
// in the file.

const quote = 0x22;
const backslash = 0x5c;
const comma = 0x2c;
export const openBracket = 0x5b;
export const closeBracket = 0x5d;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const whitespace = new Set([0x20, 0x09, 0x0a, 0x0d]);
export const isWhitespace = (byte: number) => whitespace.has(byte);

export type RecordSlice = {
	/** Index of the slice's first record in the file. */
	first: number;
	/** Byte offset of the slice in the file, for error positions. */
	offset: number;
	/** Whole records separated by commas, without the surrounding brackets. */
	bytes: Buffer;
};

export type Malformed = {kind: 'empty'} | {kind: 'not-a-list'} | {kind: 'truncated'} | {kind: 'syntax'; offset: number} | {kind: 'trailing-comma'; offset: number};

export class MalformedJson extends Error {
	constructor(readonly problem: Malformed) {
		super(problem.kind);
	}
}

/** Where a slicer starts in the file: before the list, or inside it, just after `[` or after a record's comma. */
export type SlicerStart = {offset: number; first: number; after: 'start' | 'bracket' | 'comma'};

/**
 * Cuts a top-level JSON list, fed in blocks, into slices of about `perSlice`
 * records. Throws MalformedJson for what is not a list of values.
 */
export class RecordSlicer {
	private pending: Buffer = Buffer.alloc(0);
	/** File offset of pending[0]. */
	private base = 0;
	/** Where scanning resumes in pending. */
	private position = 0;
	private sliceStart = -1;
	private state: 'before' | 'first' | 'inside' | 'after' = 'before';
	private depth = 0;
	private inString = false;
	private first = 0;
	private count = 0;

	constructor(
		private readonly perSlice: number,
		start: SlicerStart = {offset: 0, first: 0, after: 'start'},
	) {
		this.base = start.offset;
		this.first = start.first;
		if (start.after === 'bracket') this.state = 'first';
		if (start.after === 'comma') {
			// A record must follow: the slice starts here, holding none yet.
			this.state = 'inside';
			this.sliceStart = 0;
		}
	}

	*feed(block: Buffer): Generator<RecordSlice> {
		this.pending = this.pending.length === 0 ? block : Buffer.concat([this.pending, block]);
		const bytes = this.pending;
		let position = this.position;
		while (position < bytes.length) {
			const byte = bytes[position] as number;
			if (this.state === 'before' || this.state === 'after' || this.state === 'first') {
				if (isWhitespace(byte)) {
					position++;
					continue;
				}
				if (this.state === 'before') {
					if (byte !== openBracket) throw new MalformedJson({kind: 'not-a-list'});
					this.state = 'first';
					position++;
					continue;
				}
				if (this.state === 'after') throw new MalformedJson({kind: 'syntax', offset: this.base + position});
				if (byte === closeBracket) {
					this.state = 'after';
					position++;
					continue;
				}
				this.state = 'inside';
				this.sliceStart = position;
			}
			if (this.inString) {
				// Most of a data file is text: jump to the next quote natively.
				const next = bytes.indexOf(quote, position);
				if (next === -1) {
					position = bytes.length;
					break;
				}
				let backslashes = 0;
				while (bytes[next - 1 - backslashes] === backslash) backslashes++;
				if (backslashes % 2 === 0) this.inString = false;
				position = next + 1;
				continue;
			}
			if (byte === quote) this.inString = true;
			else if (byte === openBrace || byte === openBracket) this.depth++;
			else if ((byte === closeBrace || byte === closeBracket) && this.depth > 0) this.depth--;
			else if (this.depth === 0 && (byte === comma || byte === closeBracket)) {
				const end = byte === closeBracket;
				// A slice that a full batch just ended holds no record yet: a comma came last.
				if (end && this.count === 0 && bytes.subarray(this.sliceStart, position).every(isWhitespace)) {
					throw new MalformedJson({kind: 'trailing-comma', offset: this.base + position});
				}
				this.count++;
				if (this.count === this.perSlice || end) {
					yield {first: this.first, offset: this.base + this.sliceStart, bytes: bytes.subarray(this.sliceStart, position)};
					this.first += this.count;
					this.count = 0;
					this.sliceStart = position + 1;
				}
				if (end) this.state = 'after';
			}
			position++;
		}
		// Keep only what the next block still needs: the unfinished slice.
		const keep = this.state === 'inside' ? this.sliceStart : position;
		this.pending = bytes.subarray(keep);
		this.base += keep;
		this.position = position - keep;
		if (this.state === 'inside') this.sliceStart = 0;
	}

	/** After the last block: the list must have been complete. */
	finish(): void {
		if (this.state === 'before') throw new MalformedJson({kind: 'empty'});
		if (this.state !== 'after') throw new MalformedJson({kind: 'truncated'});
	}
}

const recordEnd = Buffer.from('},');
const idField = Buffer.from('"id"');

/**
 * The position of the `}` that likely ends a record, at or after `from`: as
 * kzrs's data files are written, `},` then, past whitespace, `{` and the next
 * record's first field, "id". Only a guess, -1 when there is none: a nested
 * object may end the same way (and in a broken file, anything may). A guess
 * is right exactly when the text from the previous record's end to it parses
 * as a list of values, since a cut inside a string or a nested value leaves
 * one unclosed.
 */
export function likelyRecordEnd(bytes: Buffer, from: number): number {
	for (let end = bytes.indexOf(recordEnd, from); end !== -1; end = bytes.indexOf(recordEnd, end + 1)) {
		let next = end + recordEnd.length;
		while (isWhitespace(bytes[next] as number)) next++;
		if (bytes[next] !== openBrace) continue;
		next++;
		while (isWhitespace(bytes[next] as number)) next++;
		if (bytes.subarray(next, next + idField.length).equals(idField)) return end;
	}
	return -1;
}
