// Cutting a JSON list into slices of whole records, whatever the blocks it
// arrives in: every record exactly once, in order, with its index and byte
// offset in the file, and a broken list reported as broken.
import {statSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import fc from 'fast-check';
import {afterAll, describe, expect, test} from 'vitest';
import {readRecordBatches as readBatches, sizeLimits} from '../../source/facts/read-file.js';
import {MalformedJson, type ReadBlock, recordSlices} from '../../source/facts/record-slices.js';
import {makeTempDir, removeTempDirs} from '../helpers/fact-base.js';

afterAll(removeTempDirs);

/** A data file's batches, the file named by its path in messages. */
const readRecordBatches = (path: string) => readBatches({path, shown: path, folder: dirname(path), limit: sizeLimits.streamedDataFile});

/** Reads `bytes` in pieces that end at `cuts`, as short reads of a pipe or a slow disk would. */
function readInPieces(bytes: Buffer, cuts: number[]): ReadBlock {
	const ends = [...cuts.filter((cut) => cut > 0 && cut < bytes.length).sort((a, b) => a - b), bytes.length];
	let position = 0;
	return (buffer, offset, length) => {
		const end = Math.min(ends.find((candidate) => candidate > position) ?? bytes.length, position + length);
		const copied = bytes.copy(buffer, offset, position, end);
		position += copied;
		return copied;
	};
}

/** Whether `bytes` parse as a list of values, as the reader confirms a guessed slice. */
function parses(bytes: Buffer): boolean {
	try {
		JSON.parse(`[${bytes.toString('utf8')}]`);
		return true;
	} catch {
		return false;
	}
}

/**
 * The slices of `bytes` read in pieces cut at `cuts`, `perSlice` records to a
 * slice; guessing, at every likely record end, each guess confirmed as the reader does.
 */
function slice(bytes: Buffer, cuts: number[], perSlice: number, guess = false) {
	const slices = [];
	for (const piece of recordSlices(readInPieces(bytes, cuts), {records: perSlice, bytes: guess ? 0 : Number.POSITIVE_INFINITY, guess})) {
		if (piece.guessed && !parses(piece.bytes)) piece.rejected = true;
		else slices.push({...piece, bytes: Buffer.from(piece.bytes)});
	}
	return slices;
}

// Text with everything that could fool a scanner: quotes, backslashes, brackets, commas, multi-byte characters.
const trickyText = fc.string({unit: fc.constantFrom('"', '\\', '[', ']', '{', '}', ',', ' ', 'a', 'ć', 'Ж', '→', '🇰', '\n', '"id"', '},')});
const record = fc.record({id: fc.string(), text: trickyText, values: fc.array(fc.oneof(fc.integer(), trickyText, fc.constant(null)), {maxLength: 3})});

describe('recordSlices', () => {
	test('gives every record once, in order, at its offset, however the blocks fall, guessing or not', () => {
		fc.assert(
			fc.property(
				fc.array(record, {maxLength: 12}),
				fc.array(fc.nat(400), {maxLength: 8}),
				fc.integer({min: 1, max: 4}),
				fc.boolean(),
				fc.boolean(),
				(records, cuts, perSlice, pretty, guess) => {
					const bytes = Buffer.from(JSON.stringify(records, null, pretty ? '\t' : undefined), 'utf8');
					const slices = slice(bytes, cuts, perSlice, guess);
					const parsed = slices.map((piece) => JSON.parse(`[${piece.bytes.toString('utf8')}]`) as unknown[]);
					expect(parsed.flat()).toEqual(records);
					for (const piece of slices) {
						// The slice's bytes are where the file has them.
						expect(bytes.subarray(piece.offset, piece.offset + piece.bytes.length).equals(piece.bytes)).toBe(true);
					}
				},
			),
			{numRuns: 300},
		);
	});

	test('guesses where records likely end, and cuts exactly from a failed guess on', () => {
		// A nested record ends as a record does: the first guess cuts inside the first record.
		const records = [{id: 'a', nested: [{id: 'x'}, {id: 'y'}]}, {id: 'b'}, {id: 'c'}];
		const bytes = Buffer.from(JSON.stringify(records));
		const pieces = [];
		for (const piece of recordSlices(readInPieces(bytes, []), {records: 1, bytes: 0, guess: true})) {
			pieces.push([piece.guessed, piece.bytes.toString('utf8')]);
			// Before the next slice is asked for, as the reader does.
			if (piece.guessed && !parses(piece.bytes)) piece.rejected = true;
		}
		expect(pieces).toEqual([
			[true, '{"id":"a","nested":[{"id":"x"}'],
			[false, '{"id":"a","nested":[{"id":"x"},{"id":"y"}]}'],
			[false, '{"id":"b"}'],
			[false, '{"id":"c"}'],
		]);
	});

	test.each([
		['', 'empty'],
		['  {"id": "a"}', 'not-a-list'],
		['[{"id": "a"},', 'truncated'],
		['[{"id": "a"}, {"text": "an open string]', 'truncated'],
		['[{"id": "a"}] x', 'syntax'],
		// A full slice (two records here) ends at the comma: nothing follows it.
		['[{"id": "a"}, {"id": "b"},\n]', 'trailing-comma'],
	])('%j is %s', (text, kind) => {
		let thrown: unknown;
		try {
			slice(Buffer.from(text), [3], 2);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(MalformedJson);
		expect((thrown as MalformedJson).problem.kind).toBe(kind);
	});

	test('a record longer than the limit is refused at its first byte, without reading on to its end', () => {
		// It never ends: read to the end, the list would be truncated.
		const text = `[{"id": "a"},\n {"id": "b", "text": "${'x'.repeat(3 * 512 * 1024)}`;
		const cut = () => [...recordSlices(readInPieces(Buffer.from(text), []), {records: 1, bytes: 0, record: 1024 * 1024})];
		expect(cut).toThrow(MalformedJson);
		try {
			cut();
		} catch (error) {
			expect((error as MalformedJson).problem).toEqual({kind: 'record-too-large', offset: text.indexOf('{"id": "b"')});
		}
	});
});

describe('readRecordBatches over a file of many blocks', () => {
	// About 3 MB of records with two- to four-byte characters: blocks end inside characters and records.
	const records = Array.from({length: 12_000}, (_, index) => ({id: `r${index}`, text: `Вучић → Астана 🇰🇿 "${index}" \\ [${'ž'.repeat(index % 97)}]`}));
	const dir = makeTempDir();

	test('reads every record, numbered from the start of the file', () => {
		const file = join(dir, 'many.json');
		writeFileSync(file, JSON.stringify(records, null, 1));
		// Several of the reader's 512 KB blocks.
		expect(statSync(file).size).toBeGreaterThan(2 * 1024 * 1024);
		const batches = [...readRecordBatches(file)];
		expect(batches.length).toBeGreaterThan(1);
		expect(batches.flatMap(({records: read}) => read)).toEqual(records);
		let first = 0;
		for (const batch of batches) {
			expect(batch.first).toBe(first);
			first += batch.records.length;
		}
		// Written as kzrs writes data, it is cut at likely record ends past 60 KB, not 250 records at a time.
		expect(batches[0]?.records.length).toBeGreaterThan(250);
	});

	test('a batch of long records ends at the first record end past 60 KB', () => {
		const file = join(dir, 'long-records.json');
		// 1,000 bytes a record, its comma included.
		writeFileSync(file, `[${Array.from({length: 300}, () => JSON.stringify('x'.repeat(997))).join(',')}]`);
		const sizes = [...readRecordBatches(file)].map(({records: read}) => read.length);
		expect(sizes).toEqual([62, 62, 62, 62, 52]);
	});

	test('short records come 250 to a batch', () => {
		const file = join(dir, 'short.json');
		writeFileSync(file, JSON.stringify(Array.from({length: 1000}, (_, index) => index)));
		expect([...readRecordBatches(file)].map(({first, records: read}) => [first, read.length])).toEqual([
			[0, 250],
			[250, 250],
			[500, 250],
			[750, 250],
		]);
	});

	test('a byte-order mark and any whitespace may come before the list; positions count them', () => {
		const text = JSON.stringify(records, null, 1);
		const file = join(dir, 'marked.json');
		writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${' '.repeat(3 * 1024 * 1024)}\n${text}`)]));
		expect([...readRecordBatches(file)].flatMap(({records: read}) => read)).toEqual(records);
		// The same comma after the last record, with and without the mark, is on the same line and column.
		const commaAtEnd = `${text.slice(0, -2)},\n]\n`;
		const error = (bytes: Buffer) => {
			writeFileSync(file, bytes);
			return () => [...readRecordBatches(file)];
		};
		const lines = text.split('\n').length;
		expect(error(Buffer.from(commaAtEnd))).toThrow(new RegExp(`\\(line ${lines}, column 1\\)$`));
		expect(error(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(commaAtEnd)]))).toThrow(new RegExp(`\\(line ${lines}, column 1\\)$`));
		// A problem on the first line, after the mark: the mark is no column.
		expect(error(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[{"id": "a"} x]')]))).toThrow(/\(line 1, column 14\)$/);
	});

	// 250 records make exactly one batch: the comma after the last one ends it.
	test.each([250, 251])('a comma after the last of %i records is an error, wherever a batch ends', (count) => {
		const file = join(dir, 'comma.json');
		writeFileSync(
			file,
			`[\n${records
				.slice(0, count)
				.map((record) => JSON.stringify(record))
				.join(',\n')},\n]\n`,
		);
		expect(() => [...readRecordBatches(file)]).toThrow(
			new RegExp(`comma\\.json: is not valid JSON: a comma with no record after it \\(line ${count + 2}, column 1\\)$`),
		);
	});

	test('reads every record of files whose text looks like record ends', () => {
		// Nested records with "id" first end as records do; look-alike text inside strings must stay text.
		const lookalike = fc.constantFrom('},\n{"id": "x"}', '}, {"id"', '"},{"id":"', '\\"},{\\"id\\"', 'ž→🇰🇿', ' ');
		const padding = fc.array(lookalike, {minLength: 1, maxLength: 4}).map((parts) => parts.join('').repeat(1500));
		const nested = fc.array(fc.record({id: fc.string({maxLength: 3}), note: padding}), {maxLength: 2});
		const idFirst = fc.record({id: fc.string({maxLength: 5}), note: padding, nested});
		const idLast = fc.record({note: padding, id: fc.string({maxLength: 5})});
		const file = join(dir, 'lookalikes.json');
		fc.assert(
			fc.property(fc.array(fc.oneof(idFirst, idFirst, idLast), {minLength: 1, maxLength: 40}), fc.constantFrom(undefined, 1, '\t'), (written, indent) => {
				writeFileSync(file, JSON.stringify(written, null, indent));
				const batches = [...readRecordBatches(file)];
				expect(batches.flatMap(({records: read}) => read)).toEqual(written);
				expect(batches.map(({first}) => first)).toEqual(
					batches.map((_, index) => batches.slice(0, index).reduce((total, {records: read}) => total + read.length, 0)),
				);
			}),
			{numRuns: 40},
		);
	});

	test('records longer than a block, and than two, are read whole, and the records after them', () => {
		const file = join(dir, 'long.json');
		// Five bytes of UTF-8 a repeat: about 0.7 MB and 1.6 MB.
		const long = [0.7, 1.6].map((megabytes, index) => ({id: `long${index}`, text: 'ž→'.repeat(Math.round((megabytes * 1024 * 1024) / 5))}));
		const written = [...records.slice(0, 300), long[0], ...records.slice(300, 600), long[1], ...records.slice(600, 900)];
		writeFileSync(file, JSON.stringify(written, null, 1));
		const batches = [...readRecordBatches(file)];
		expect(batches.flatMap(({records: read}) => read)).toEqual(written);
		expect(batches.map(({first}) => first)).toEqual(
			batches.map((_, index) => batches.slice(0, index).reduce((total, {records: read}) => total + read.length, 0)),
		);
	});

	test('a record that ends exactly where the first block does, then one longer than a block', () => {
		const block = 512 * 1024;
		const head = '[\n{"id": "a", "text": "';
		const end = '"},\n ';
		const first = `${head}${'x'.repeat(block - head.length - end.length)}${end}`;
		expect(Buffer.byteLength(first)).toBe(block);
		const text = `${first}{"id": "b", "text": "${'ž'.repeat(400_000)}"},\n {"id": "c"}\n]`;
		const file = join(dir, 'block-end.json');
		writeFileSync(file, text);
		expect([...readRecordBatches(file)].flatMap(({records: read}) => read)).toEqual(JSON.parse(text));
	});

	test('a record larger than the limit, by as little as a byte, is refused at its line and column', () => {
		const file = join(dir, 'huge-record.json');
		writeFileSync(file, `[\n  {"id": "a"},\n  {"id": "b", "text": "${'x'.repeat(sizeLimits.record)}"}\n]\n`);
		expect(() => [...readRecordBatches(file)]).toThrow(
			/huge-record\.json: the record at line 3, column 3 is larger than the 32 MiB a record may have \(see data\/README\.md\)$/,
		);
	});

	test('the column of an error on a line longer than a block counts characters as editors do', () => {
		const file = join(dir, 'long-line.json');
		// Two, three and four bytes of UTF-8; the flag is two characters of two UTF-16 code units each.
		const line = `[{"id": "a", "text": "${'ž→🇰🇿'.repeat(100_000)}"} x]`;
		writeFileSync(file, line);
		expect(Buffer.byteLength(line)).toBeGreaterThan(2 * 512 * 1024);
		expect(() => [...readRecordBatches(file)]).toThrow(new RegExp(`\\(line 1, column ${line.indexOf(' x]') + 2}\\)$`));
	});

	test('a comma after the last record is an error after many batches too', () => {
		const file = join(dir, 'late-comma.json');
		const text = JSON.stringify(records, null, 1);
		writeFileSync(file, `${text.slice(0, -2)},\n]\n`);
		const lines = text.split('\n').length;
		expect(() => [...readRecordBatches(file)]).toThrow(
			new RegExp(`late-comma\\.json: is not valid JSON: a comma with no record after it \\(line ${lines}, column 1\\)$`),
		);
	});

	test('a syntax error far into the file is reported at its line', () => {
		const file = join(dir, 'broken.json');
		const lines = JSON.stringify(records, null, 1).split('\n');
		const broken = lines.findIndex((line) => line.includes('"r11000"'));
		lines[broken] = lines[broken]?.replace('"r11000",', '"r11000" "oops",') ?? '';
		writeFileSync(file, lines.join('\n'));
		expect(() => [...readRecordBatches(file)]).toThrow(new RegExp(`is not valid JSON: .*\\(line ${broken + 1}, column \\d+\\)`));
	});
});
