// Reading the files of the fact base, turning every way a file can be broken
// into one clear sentence that names it.
import {isUtf8} from 'node:buffer';
import {readFileSync} from 'node:fs';
import {relative} from 'node:path';
import {dataError, UserError} from '../errors.js';
import {MalformedJson, recordSlices} from './record-chunks.js';

/** The path as the user would type it: relative when under the working directory. */
export function displayPath(file: string): string {
	const near = relative(process.cwd(), file);
	return near === '' || near.startsWith('..') ? file : near;
}

function readBytes(file: string): Buffer {
	try {
		return readFileSync(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why =
			code === 'ENOENT'
				? 'file is missing'
				: code === 'EISDIR'
					? 'is a directory, not a file'
					: code === 'EACCES'
						? 'cannot be read: permission denied'
						: `cannot be read (${code ?? String(error)})`;
		throw new UserError(`${displayPath(file)}: ${why}`);
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

function readUtf8(file: string): Buffer {
	const bytes = readBytes(file);
	if (bytes.length === 0) throw new UserError(`${displayPath(file)}: file is empty`);
	const bad = firstBadByte(bytes);
	if (bad >= 0) throw new UserError(`${displayPath(file)}: is not UTF-8 text (first bad byte at offset ${bad})`);
	// Some editors begin UTF-8 files with a byte-order mark; it is not text.
	const byteOrderMark = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	return byteOrderMark ? bytes.subarray(3) : bytes;
}

/** The file's text; it must be non-empty UTF-8. */
export function readText(file: string): string {
	return readUtf8(file).toString('utf8');
}

function lineAndColumn(bytes: Buffer, offset: number): string {
	const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
	let line = 1;
	for (let position = bytes.indexOf(0x0a); position !== -1 && position < lineStart; position = bytes.indexOf(0x0a, position + 1)) line++;
	const column = bytes.toString('utf8', lineStart, offset).length + 1;
	return `line ${line}, column ${column}`;
}

export type RecordBatch = {first: number; records: unknown[]};

/**
 * A data file's records (a JSON list), a batch at a time: a large file is
 * never held as one string and one array of objects at once.
 */
export function* readRecordBatches(file: string, perBatch = 2000): Generator<RecordBatch> {
	const shown = displayPath(file);
	const bytes = readUtf8(file);
	const invalid = (detail: string) => new UserError(`${shown}: is not valid JSON: ${detail}`);
	try {
		for (const slice of recordSlices(bytes, perBatch)) {
			const sliceText = `[${bytes.toString('utf8', slice.offset + 1, slice.offset + 1 + slice.bytes.length)}]`;
			let records: unknown[];
			try {
				records = JSON.parse(sliceText);
			} catch (error) {
				const message = (error as Error).message;
				const position = /at position (\d+)/.exec(message);
				const at = position ? slice.offset + Buffer.byteLength(sliceText.slice(0, Number(position[1]))) : slice.offset;
				throw invalid(`${message.replace(/ in JSON at position \d+.*$/, '').replace(/, "[\s\S]*" is not valid JSON$/, '')} (${lineAndColumn(bytes, at)})`);
			}
			yield {first: slice.first, records};
		}
	} catch (error) {
		if (!(error instanceof MalformedJson)) throw error;
		const {problem} = error;
		if (problem.kind === 'empty') throw new UserError(`${shown}: file is empty`);
		if (problem.kind === 'not-a-list') throw dataError(shown, 'expected a JSON list of records at the top level');
		if (problem.kind === 'truncated') throw invalid('the JSON ends too early (is the file truncated?)');
		throw invalid(`unexpected text after the list (${lineAndColumn(bytes, problem.offset)})`);
	}
}

/** All of a (small) data file's records. */
export function readRecords(file: string): unknown[] {
	return [...readRecordBatches(file)].flatMap((batch) => batch.records);
}
