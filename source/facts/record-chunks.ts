// A data file is a JSON list of records, which may be tens of megabytes. It is
// parsed a slice of records at a time, so memory holds one slice, never the
// whole file as a string and as objects at once. The slicing only looks at
// JSON's structure (strings, brackets, commas); each slice is then parsed by
// JSON.parse, and any syntax error is reported at its place in the file.

const quote = 0x22;
const backslash = 0x5c;
const comma = 0x2c;
const openBracket = 0x5b;
const closeBracket = 0x5d;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const whitespace = new Set([0x20, 0x09, 0x0a, 0x0d]);

export type RecordSlice = {
	/** Index of the slice's first record in the file. */
	first: number;
	/** Byte offset of the slice in the file, for error positions. */
	offset: number;
	bytes: Uint8Array;
};

export type Malformed = {kind: 'empty'} | {kind: 'not-a-list'} | {kind: 'truncated'} | {kind: 'syntax'; offset: number};

export class MalformedJson extends Error {
	constructor(readonly problem: Malformed) {
		super(problem.kind);
	}
}

function skipWhitespace(bytes: Uint8Array, at: number): number {
	let position = at;
	while (position < bytes.length && whitespace.has(bytes[position] as number)) position++;
	return position;
}

/**
 * The records of a top-level JSON list, as slices of about `perSlice`
 * records, each a complete JSON list of its own. Throws MalformedJson.
 */
export function* recordSlices(bytes: Uint8Array, perSlice: number): Generator<RecordSlice> {
	let position = skipWhitespace(bytes, 0);
	if (position === bytes.length) throw new MalformedJson({kind: 'empty'});
	if (bytes[position] !== openBracket) throw new MalformedJson({kind: 'not-a-list'});
	position = skipWhitespace(bytes, position + 1);
	if (bytes[position] === closeBracket) {
		if (skipWhitespace(bytes, position + 1) !== bytes.length) throw new MalformedJson({kind: 'syntax', offset: position + 1});
		return;
	}
	let first = 0;
	let count = 0;
	let sliceStart = position;
	let depth = 0;
	let inString = false;
	for (; position < bytes.length; position++) {
		const byte = bytes[position];
		if (inString) {
			// Most of a data file is text: jump to the next quote natively.
			position = bytes.indexOf(quote, position);
			if (position === -1) break;
			let backslashes = 0;
			while (bytes[position - 1 - backslashes] === backslash) backslashes++;
			if (backslashes % 2 === 0) inString = false;
			continue;
		}
		if (byte === quote) inString = true;
		else if (byte === openBrace || byte === openBracket) depth++;
		else if ((byte === closeBrace || byte === closeBracket) && depth > 0) depth--;
		else if (depth === 0 && (byte === comma || byte === closeBracket)) {
			count++;
			const end = byte === closeBracket;
			if (count === perSlice || end) {
				yield {first, offset: sliceStart - 1, bytes: bytes.subarray(sliceStart, position)};
				first += count;
				count = 0;
				sliceStart = position + 1;
			}
			if (end) {
				if (skipWhitespace(bytes, position + 1) !== bytes.length) throw new MalformedJson({kind: 'syntax', offset: position + 1});
				return;
			}
		}
	}
	throw new MalformedJson({kind: 'truncated'});
}
