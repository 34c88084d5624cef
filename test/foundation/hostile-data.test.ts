// A fact base from a stranger: kzrs reads only what the fact base is (its own
// regular files, each within its limit, in its folders), and says in one line
// what it refuses and why. Cases that would hang or exhaust memory without
// the rule run the built command as a process, under a time limit.
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import fc from 'fast-check';
import {afterAll, describe, expect, test} from 'vitest';
import {findTextProblem, mayHideProblems} from '../../source/facts/json-text.js';
import {sizeLimits} from '../../source/facts/read-file.js';
import {type CliResult, cliPath, runKzrs, userErrorLine} from '../helpers/cli.js';
import {copyFactBase, type DataFileName, dataFileNames, editData, type FactBaseCopy, readData, removeTempDirs} from '../helpers/fact-base.js';

afterAll(removeTempDirs);

// Relative paths, run from the copy's root: kzrs then names files as data/<name>.json and seeds/<name>.
const relativeArgs = ['--data', 'data', '--seeds', 'seeds'];
const check = (copy: FactBaseCopy) => runKzrs(['check', ...relativeArgs], {cwd: copy.root});

/** `kzrs check` run by the built command, killed if it takes longer than a check of the shipped data ever should. */
function checkAsProcess(copy: FactBaseCopy): CliResult {
	const result = spawnSync(process.execPath, [cliPath, 'check', ...relativeArgs], {cwd: copy.root, encoding: 'utf8', timeout: 15_000});
	if (result.error) throw result.error;
	if (result.signal) throw new Error(`kzrs check did not finish: killed by ${result.signal}`);
	return {status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr};
}

const firstSource = readData('sources')[0];
const firstSeed = firstSource?.file ?? '';
/** How a message names the first source's record and its `file` field. */
const firstSourceField = 'data/sources.json: record 1 (id "s000"), field file:';

/** The first event's first citation made to quote `quote` from the first source. */
function citeFirstSource(copy: FactBaseCopy, quote: string): void {
	editData(copy.dataDir, 'events', (events) => {
		const citation = events[0]?.citations[0];
		if (citation) Object.assign(citation, {source: 's000', quote});
	});
}

function pointFirstSourceAt(copy: FactBaseCopy, file: string): void {
	editData(copy.dataDir, 'sources', (sources) => {
		if (sources[0]) sources[0].file = file;
	});
}

describe('a seed is a file in the seeds folder and nowhere else', () => {
	test.each([
		['a path that climbs out of the folder', '../../../../etc/passwd'],
		['an absolute path', '/etc/passwd'],
		['a path into a folder', 'inner/seed.txt'],
		['a Windows path', '..\\..\\seed.txt'],
		['the folder itself', '.'],
		['its parent', '..'],
	])('%s is refused by name', async (_, file) => {
		const copy = copyFactBase();
		pointFirstSourceAt(copy, file);
		// A line of /etc/passwd that every system has, quoted as if it were news.
		citeFirstSource(copy, 'root:x:0:0');
		expect(userErrorLine(await check(copy))).toBe(`kzrs: ${firstSourceField} expected a file name without a path, found ${JSON.stringify(file)}`);
	});

	test('a symbolic link that leads out of the folder is refused', async () => {
		const copy = copyFactBase();
		writeFileSync(join(copy.root, 'secret.txt'), 'root:x:0:0:root:/root:/bin/bash\n');
		symlinkSync(join(copy.root, 'secret.txt'), join(copy.seedsDir, 'leak.txt'));
		pointFirstSourceAt(copy, 'leak.txt');
		citeFirstSource(copy, 'root:x:0:0');
		expect(userErrorLine(await check(copy))).toBe(`kzrs: ${firstSourceField} its seed seeds/leak.txt: leads outside its folder`);
	});

	test('a symbolic link to another file of the folder is read', async () => {
		const copy = copyFactBase();
		symlinkSync(firstSeed, join(copy.seedsDir, 'alias.txt'));
		pointFirstSourceAt(copy, 'alias.txt');
		const result = await check(copy);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
	});

	test('a directory is refused', async () => {
		const copy = copyFactBase();
		mkdirSync(join(copy.seedsDir, 'folder.txt'));
		pointFirstSourceAt(copy, 'folder.txt');
		expect(userErrorLine(await check(copy))).toBe(`kzrs: ${firstSourceField} its seed seeds/folder.txt: is a directory, not a file`);
	});

	test('a device, linked from inside the folder, is refused before it is read', () => {
		const copy = copyFactBase();
		symlinkSync('/dev/zero', join(copy.seedsDir, 'zero.txt'));
		pointFirstSourceAt(copy, 'zero.txt');
		expect(userErrorLine(checkAsProcess(copy))).toBe(`kzrs: ${firstSourceField} its seed seeds/zero.txt: is a device, not a regular file`);
	});

	test('a named pipe is refused without waiting for a writer', () => {
		const copy = copyFactBase();
		execFileSync('mkfifo', [join(copy.seedsDir, 'pipe.txt')]);
		pointFirstSourceAt(copy, 'pipe.txt');
		expect(userErrorLine(checkAsProcess(copy))).toBe(`kzrs: ${firstSourceField} its seed seeds/pipe.txt: is a named pipe, not a regular file`);
	});
});

describe('a data file is a regular file in the data folder', () => {
	test('a named pipe is refused without waiting for a writer', () => {
		const copy = copyFactBase();
		const file = join(copy.dataDir, 'honours.json');
		rmSync(file);
		execFileSync('mkfifo', [file]);
		expect(userErrorLine(checkAsProcess(copy))).toBe('kzrs: data/honours.json: is a named pipe, not a regular file');
	});

	test('a symbolic link to a device is refused', () => {
		const copy = copyFactBase();
		const file = join(copy.dataDir, 'trade.json');
		rmSync(file);
		symlinkSync('/dev/zero', file);
		expect(userErrorLine(checkAsProcess(copy))).toBe('kzrs: data/trade.json: is a device, not a regular file');
	});

	test('a symbolic link out of the folder is refused', async () => {
		const copy = copyFactBase();
		const file = join(copy.dataDir, 'honours.json');
		renameSync(file, join(copy.root, 'honours.json'));
		symlinkSync(join(copy.root, 'honours.json'), file);
		expect(userErrorLine(await check(copy))).toBe('kzrs: data/honours.json: leads outside its folder');
	});
});

describe('each file has a size limit, checked before it is read', () => {
	// A sparse file, far larger than any limit at no cost: read, it would be NUL bytes, and held whole, more memory than there is.
	const huge = 64 * 1024 ** 3;
	const tooLarge = (limit: string) => `is larger than the ${limit} such a file may have (${huge} bytes; see data/README.md)`;

	test('a seed', async () => {
		const copy = copyFactBase();
		truncateSync(join(copy.seedsDir, firstSeed), huge);
		expect(userErrorLine(await check(copy))).toBe(`kzrs: ${firstSourceField} its seed seeds/${firstSeed}: ${tooLarge('10 MiB')}`);
	});

	test('a data file held whole', async () => {
		const copy = copyFactBase();
		truncateSync(join(copy.dataDir, 'events.json'), huge);
		expect(userErrorLine(await check(copy))).toBe(`kzrs: data/events.json: ${tooLarge('64 MiB')}`);
	});

	test('trade.json, read a slice at a time', async () => {
		const copy = copyFactBase();
		truncateSync(join(copy.dataDir, 'trade.json'), huge);
		expect(userErrorLine(await check(copy))).toBe(`kzrs: data/trade.json: ${tooLarge('1024 MiB')}`);
	});

	test('the seeds together, however often sources.json names one', async () => {
		const copy = copyFactBase();
		// A seed of text just within its own limit, named by eleven sources: 110 MiB in all.
		writeFileSync(join(copy.seedsDir, 'large.txt'), 'Astana '.repeat(sizeLimits.seed / 7));
		const template = readData('sources')[0];
		const sources = Array.from({length: 11}, (_, index) => ({...template, id: `s${String(index).padStart(3, '0')}`, file: 'large.txt'}));
		writeFileSync(join(copy.dataDir, 'sources.json'), JSON.stringify(sources));
		expect(userErrorLine(await check(copy))).toBe(
			'kzrs: data/sources.json: record 11 (id "s010"), field file: the seeds named up to here are larger than the 100 MiB they may have together',
		);
	});
});

/** A copy of the fact base with the first `from` in a data file's text replaced by `to`. */
function withText(file: DataFileName, from: string, to: string): FactBaseCopy {
	const copy = copyFactBase();
	const path = join(copy.dataDir, `${file}.json`);
	const text = readFileSync(path, 'utf8');
	if (!text.includes(from)) throw new Error(`${file}.json has no ${from}`);
	writeFileSync(path, text.replace(from, to));
	return copy;
}

const firstCompany = 'data/companies.json: record 1 (id "serbian-companies-in-kazakhstan-more-than-60")';
const investment = 'data/trade.json: record 6 (id "investment-kazakhstan-serbia-2024"), field value:';
const largest = 'numbers are held exactly only up to 9007199254740991';

describe('what JSON.parse would let pass unsaid', () => {
	test.each([
		['a key given twice', 'companies', '"count": 60,', '"count": 60, "count": 61,', `${firstCompany}, field count: is given twice in the same object`],
		[
			'a key given twice in a citation',
			'trade',
			'"quote": "',
			'"quote": "a quote checked, then replaced", "quote": "',
			'data/trade.json: record 1 (id "turnover-2025"), field citations[0].quote: is given twice in the same object',
		],
		[
			'an integer past the largest exact one',
			'companies',
			'"count": 60,',
			'"count": 9007199254740993,',
			`${firstCompany}, field count: the number 9007199254740993 is too large: ${largest}`,
		],
		['a value far past it', 'trade', '"value": 6.5,', '"value": 1.23e29,', `${investment} the number 1.23e29 is too large: ${largest}`],
		['a value past any number', 'trade', '"value": 6.5,', '"value": 1e309,', `${investment} the number 1e309 is too large: ${largest}`],
		[
			'more digits than a number holds',
			'trade',
			'"value": 6.5,',
			'"value": 6.50000000000000000001,',
			`${investment} the number 6.50000000000000000001 cannot be held exactly: it would be read as 6.5`,
		],
		[
			'a value too small to hold',
			'trade',
			'"value": 6.5,',
			'"value": 1e-400,',
			`${investment} the number 1e-400 cannot be held exactly: it would be read as 0`,
		],
	] as const)('%s is refused', async (_, file, from, to, message) => {
		expect(userErrorLine(await check(withText(file, from, to)))).toBe(`kzrs: ${message}`);
	});

	test.each([
		['the largest exact integer', 'companies', '"count": 60,', '"count": 9007199254740991,'],
		['a value written with an exponent and zeros', 'trade', '"value": 6.5,', '"value": 0.6500e1,'],
		['text that looks like keys and numbers after colons', 'trade', '"label": "', '"label": "\\"count\\": 1e400, \\"count\\": 1 '],
	] as const)('%s is read as written', async (_, file, from, to) => {
		const result = await check(withText(file, from, to));
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
	});
});

describe('the test for what JSON.parse hides', () => {
	// JSON written by hand, so that an object can repeat a key: keys from a few, text with the characters a count of keys could trip on.
	type Written = {entries: Array<[string, Written]>} | {items: Written[]} | {text: string} | {number: string; exact?: boolean};
	const largest = BigInt(Number.MAX_SAFE_INTEGER);
	const number = fc.oneof(
		fc.double({noNaN: true, noDefaultInfinity: true}).map((value) => ({number: String(value), exact: Math.abs(value) <= Number.MAX_SAFE_INTEGER})),
		fc.bigInt({min: -(2n ** 60n), max: 2n ** 60n}).map((value) => ({number: String(value), exact: value <= largest && value >= -largest})),
		// Long decimals, whose exactness the test does not judge.
		fc
			.tuple(fc.stringMatching(/^-?[1-9]\d{0,20}$/), fc.stringMatching(/^\d{0,20}$/), fc.integer({min: -400, max: 400}))
			.map(([whole, fraction, exponent]) => ({number: `${whole}${fraction ? `.${fraction}` : ''}e${exponent}`})),
	);
	const {value} = fc.letrec<{value: Written}>((tie) => ({
		value: fc.oneof(
			{depthSize: 'small'},
			fc.record({text: fc.string({unit: fc.constantFrom('a', ':', '"', '\\', ' ', '1', 'e', '{', '}', ',')})}),
			fc.record({entries: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'a:', '"', ':"'), fc.oneof(number, tie('value'))), {maxLength: 4})}),
			// Lists hold no numbers: no field of a record is a list of numbers (see mayHideProblems).
			fc.record({items: fc.array(tie('value'), {maxLength: 3})}),
		),
	}));
	const write = (written: Written): string => {
		if ('entries' in written) return `{${written.entries.map(([key, item]) => `${JSON.stringify(key)}: ${write(item)}`).join(',')}}`;
		if ('items' in written) return `[${written.items.map(write).join(', ')}]`;
		if ('text' in written) return JSON.stringify(written.text);
		return written.number;
	};
	/** Whether a record repeats a key or holds a number too large, or one the test does not judge (undefined). */
	const hides = (written: Written): boolean | undefined => {
		const parts = 'entries' in written ? written.entries.map(([, item]) => item) : 'items' in written ? written.items : [];
		if ('number' in written) return written.exact === undefined ? undefined : !written.exact;
		if ('entries' in written && new Set(written.entries.map(([key]) => key)).size < written.entries.length) return true;
		const found = parts.map(hides);
		return found.includes(true) ? true : found.includes(undefined) ? undefined : false;
	};

	test('finds every repeated key and number past the largest exact one, and never misses a slice that holds one', () => {
		fc.assert(
			fc.property(fc.array(value, {minLength: 1, maxLength: 5}), (records) => {
				const texts = records.map(write);
				const found = texts.map(findTextProblem);
				if (found.some(Boolean)) expect(mayHideProblems(texts.join(',\n'), JSON.parse(`[${texts.join(',')}]`))).toBe(true);
				for (const [index, record] of records.entries()) {
					const expected = hides(record);
					if (expected !== undefined) expect(found[index] !== undefined, texts[index]).toBe(expected);
				}
			}),
			{numRuns: 300},
		);
	});
});

describe('a message quotes a value in one short line, however large or deep the value', () => {
	const long = (letter: string) => letter.repeat(1_000_000);
	const cut = (letter: string) => `${letter.repeat(59)}…`;

	test('a list nested a million deep where an id should be', async () => {
		const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
		const copy = withText('honours', '"id": "order-of-the-golden-eagle"', `"id": ${deep}`);
		expect(userErrorLine(await check(copy))).toBe(
			'kzrs: data/honours.json: record 1, field id: expected an id of lower-case letters, digits and "-", found a list',
		);
	});

	test.each([
		[
			'an object where a language tag should be',
			(source: Record<string, unknown>) => {
				source.language = {tag: 'sr-Latn'};
			},
			'field language: expected a BCP 47 language tag such as sr-Latn, found an object',
		],
		[
			'a megabyte of text where a date should be',
			(source: Record<string, unknown>) => {
				source.published = long('x');
			},
			`field published: expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), found "${cut('x')}"`,
		],
		[
			'a megabyte of key',
			(source: Record<string, unknown>) => {
				source[long('k')] = 1;
			},
			`field ${cut('k')}: is not a field of this file (see data/README.md)`,
		],
	])('%s', async (_, change, message) => {
		const copy = copyFactBase();
		editData(copy.dataDir, 'sources', (sources) => change(sources[0] as unknown as Record<string, unknown>));
		expect(userErrorLine(await check(copy))).toBe(`kzrs: data/sources.json: record 1 (id "s000"), ${message}`);
	});

	test('a megabyte of id', async () => {
		const copy = copyFactBase();
		editData(copy.dataDir, 'sources', (sources) => {
			Object.assign(sources[0] ?? {}, {id: long('s'), published: 'soon'});
		});
		expect(userErrorLine(await check(copy))).toBe(
			`kzrs: data/sources.json: record 1 (id "${cut('s')}"), field published: expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), found "soon"`,
		);
	});
});

describe('any fact base, however damaged', () => {
	// The shipped files, each damaged in its turn in one directory written afresh for every run.
	const root = copyFactBase();
	const files = [...dataFileNames.map((name) => join('data', `${name}.json`)), ...readData('sources').map((source) => join('seeds', source.file))].map(
		(path) => ({path, bytes: readFileSync(join(root.root, path))}),
	);
	// What a terminal would act on: C0 controls but the line feed, DEL and C1 controls.
	// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
	const controls = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

	type Damage =
		| {kind: 'cut'; file: number; at: number}
		| {kind: 'flip'; file: number; flips: Array<[number, number]>}
		| {kind: 'text'; file: DataFileName; record: number; field: number; value: unknown};
	const fraction = fc.double({min: 0, max: 1, maxExcluded: true, noNaN: true});
	const damage: fc.Arbitrary<Damage> = fc.oneof(
		fc.record({kind: fc.constant('cut' as const), file: fc.nat(files.length - 1), at: fraction}),
		fc.record({
			kind: fc.constant('flip' as const),
			file: fc.nat(files.length - 1),
			flips: fc.array(fc.tuple(fraction, fc.nat(255)), {minLength: 1, maxLength: 4}),
		}),
		// A field of a record set to any text, a number or a value of another type: the file stays valid JSON.
		fc.record({
			kind: fc.constant('text' as const),
			file: fc.constantFrom(...dataFileNames),
			record: fc.nat(),
			field: fc.nat(),
			value: fc.oneof(fc.string({unit: 'binary', maxLength: 30}), fc.double(), fc.constantFrom(null, [], {}, true)),
		}),
	);

	/** Writes every file of the fact base afresh, one of them damaged. */
	function write(what: Damage): void {
		for (const {path, bytes} of files) writeFileSync(join(root.root, path), bytes);
		if (what.kind === 'text') {
			editData(root.dataDir, what.file, (records) => {
				const record = records[what.record % records.length] as unknown as Record<string, unknown>;
				const fields = Object.keys(record);
				record[fields[what.field % fields.length] ?? 'id'] = what.value;
			});
			return;
		}
		const {path, bytes} = files[what.file] ?? {path: '', bytes: Buffer.alloc(0)};
		const damaged = what.kind === 'cut' ? bytes.subarray(0, Math.floor(what.at * bytes.length)) : Buffer.from(bytes);
		if (what.kind === 'flip') for (const [at, byte] of what.flips) damaged[Math.floor(at * damaged.length)] = byte;
		writeFileSync(join(root.root, path), damaged);
	}

	test('loads, or is refused in one clean line, never anything else', async () => {
		await fc.assert(
			fc.asyncProperty(damage, async (what) => {
				write(what);
				// A failure that is not the user's rejects here, and fails the property.
				const result = await check(root);
				expect(result.stdout + result.stderr).not.toMatch(controls);
				if (result.status === 0) {
					expect(result.stderr).toBe('');
					expect(result.stdout).toMatch(/^ok: /);
				} else userErrorLine(result);
			}),
			{numRuns: 80},
		);
	});
});
