// A corpus of broken fact bases, each a copy of data/ with one thing wrong.
// kzrs must refuse each with exit code 2 and one line naming the file, the
// record and the field, never a stack trace.
import {appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {runKzrs, userErrorLine} from '../helpers/cli.js';
import {
	byId,
	copyFactBase,
	type DataFileName,
	type DataFiles,
	editData,
	type FactBaseCopy,
	readData,
	removeTempDirs,
	shippedDataDir,
} from '../helpers/fact-base.js';

afterAll(removeTempDirs);

// Relative paths, run from the copy's root: kzrs then names files as data/<name>.json.
const relativeArgs = ['--data', 'data', '--seeds', 'seeds'];

/** How data/README.md's loader names a record: its position (from 1) and id. */
function recordOf<Name extends DataFileName>(name: Name, id: string): string {
	const index = readData(name).findIndex((record) => record.id === id);
	if (index < 0) throw new Error(`no record "${id}" in ${name}.json`);
	return `record ${index + 1} (id "${id}")`;
}

/** A data file's text from the copy. */
const textOf = (copy: FactBaseCopy, name: DataFileName) => readFileSync(join(copy.dataDir, `${name}.json`), 'utf8');

/** A copy of the fact base with one file changed by `damage`. */
function brokenCopy(damage: (copy: FactBaseCopy) => void): FactBaseCopy {
	const copy = copyFactBase();
	damage(copy);
	return copy;
}

function check(copy: FactBaseCopy, args: string[] = relativeArgs) {
	return runKzrs(['check', ...args], {cwd: copy.root});
}

type Case = {
	name: string;
	damage: (copy: FactBaseCopy) => void;
	/** The start of the message: the file, and the record and field where there is one. */
	where: string;
	/** What the message says is wrong. */
	says: string;
};

const editRecord =
	<Name extends DataFileName>(name: Name, id: string, change: (record: DataFiles[Name]) => void) =>
	(copy: FactBaseCopy) =>
		editData(copy.dataDir, name, (records) => change(byId(records as Array<DataFiles[Name] & {id: string}>, id)));

/**
 * A case that changes one record: the message must name the file, the record
 * (position and id, as in the shipped data) and, when given, the field.
 */
function recordCase<Name extends DataFileName>(
	name: string,
	file: Name,
	id: string,
	field: string | undefined,
	change: (record: DataFiles[Name]) => void,
	says: string,
): Case {
	const where = `data/${file}.json: ${recordOf(file, id)}${field === undefined ? '' : `, field ${field}`}:`;
	return {name, damage: editRecord(file, id, change), where, says};
}

type Citation = {source: string; quote: string};
type CitingFile = 'events' | 'memoranda' | 'trade' | 'companies' | 'honours' | 'agenda';

/** A case that changes one citation of a record; the message names it as citations[position]. */
function citationCase(name: string, file: CitingFile, id: string, position: number, change: (citation: Citation) => void, says: string, field = ''): Case {
	return recordCase(
		name,
		file,
		id,
		`citations[${position}]${field}`,
		(record) => {
			const citation = (record as {citations: Citation[]}).citations[position];
			if (!citation) throw new Error(`${id} has no citation ${position}`);
			change(citation);
		},
		says,
	);
}

/** A case that replaces a whole file's bytes. */
const fileCase = (name: string, file: DataFileName, content: string | Buffer, says: string): Case => ({
	name,
	damage: (copy) => writeFileSync(join(copy.dataDir, `${file}.json`), content),
	where: `data/${file}.json:`,
	says,
});

const firstMemorandum = readData('memoranda')[0]?.id;

const cases: Case[] = [
	{
		name: 'a file cut in half',
		damage: (copy) => {
			const text = textOf(copy, 'trade');
			writeFileSync(join(copy.dataDir, 'trade.json'), text.slice(0, Math.floor(text.length / 2)));
		},
		where: 'data/trade.json:',
		says: 'is not valid JSON',
	},
	fileCase('an empty file', 'events', '', 'file is empty'),
	fileCase('a file of blank lines', 'events', '\n  \n', 'file is empty'),
	fileCase(
		'garbage bytes that are not UTF-8',
		'memoranda',
		Buffer.from([0x5b, 0xff, 0xfe, 0x00, 0x9c, 0x5d]),
		'is not UTF-8 text (first bad byte at offset 1)',
	),
	fileCase(
		'UTF-16 text without a byte-order mark',
		'honours',
		Buffer.from(readFileSync(join(shippedDataDir, 'honours.json'), 'utf8'), 'utf16le'),
		'is not UTF-8 text (a NUL byte at offset 1, as in UTF-16 text)',
	),
	fileCase(
		'big-endian UTF-16 text without a byte-order mark',
		'honours',
		Buffer.from(readFileSync(join(shippedDataDir, 'honours.json'), 'utf8'), 'utf16le').swap16(),
		'is not UTF-8 text (a NUL byte at offset 0, as in UTF-16 text)',
	),
	fileCase('an object where the list of records should be', 'honours', '{"id": "x"}\n', 'expected a JSON list of records at the top level'),
	fileCase('no sources at all', 'sources', '[]\n', 'has no sources; every fact needs one'),
	{
		name: 'a missing file',
		damage: (copy) => rmSync(join(copy.dataDir, 'honours.json')),
		where: 'data/honours.json:',
		says: 'file is missing',
	},
	{
		name: 'a directory where a file should be',
		damage: (copy) => {
			rmSync(join(copy.dataDir, 'honours.json'));
			mkdirSync(join(copy.dataDir, 'honours.json'));
		},
		where: 'data/honours.json:',
		says: 'is a directory, not a file',
	},
	{
		name: 'a duplicate id',
		damage: (copy) =>
			editData(copy.dataDir, 'memoranda', (memoranda) => {
				const [first, second] = memoranda;
				if (first && second) second.id = first.id;
			}),
		where: `data/memoranda.json: record 2 (id "${firstMemorandum}"):`,
		says: `duplicate id "${firstMemorandum}"`,
	},
	recordCase(
		'a number written as text',
		'trade',
		'turnover-2025',
		'value',
		(figure) => {
			(figure as {value: unknown}).value = '903.7';
		},
		'expected a number, found text',
	),
	citationCase(
		'a citation of an unknown source',
		'events',
		'talks-akorda',
		1,
		(citation) => {
			citation.source = 's999';
		},
		'unknown source "s999" (not in sources.json)',
	),
	citationCase(
		'a quote that is not in its seed',
		'companies',
		'serbian-companies-in-kazakhstan-more-than-60',
		0,
		(citation) => {
			// One number changed: the quote is no longer what the source says.
			citation.quote = citation.quote.replace('60', '70');
		},
		'quote not found verbatim in the seed of source "s002"',
	),
	citationCase(
		'a quote cited from the wrong source',
		'honours',
		'order-of-the-golden-eagle',
		1,
		(citation) => {
			citation.source = 's004';
		},
		'quote not found verbatim in the seed of source "s004"',
	),
	recordCase(
		'a date that is not in the calendar (2026-02-30)',
		'events',
		'talks-akorda',
		'date',
		(event) => {
			event.date = '2026-02-30';
		},
		'expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), found "2026-02-30"',
	),
	recordCase(
		'a month 13',
		'sources',
		's003',
		'published',
		(source) => {
			source.published = '2026-13';
		},
		'found "2026-13"',
	),
	recordCase(
		'an end date before the start',
		'events',
		'vucic-official-visit-kazakhstan',
		undefined,
		(event) => {
			event.end_date = '2026-02-25';
		},
		'end_date is before date',
	),
	recordCase(
		'an unknown unit',
		'trade',
		'exports-2025',
		'unit',
		(figure) => {
			(figure as {unit: string}).unit = 'billion';
		},
		'expected one of million, percent, found "billion"',
	),
	recordCase(
		'an unknown field',
		'people',
		'jagoda-lazarevic',
		'nickname',
		(person) => {
			Object.assign(person, {nickname: 'Jagoda'});
		},
		'is not a field of this file',
	),
	recordCase(
		'a missing field',
		'honours',
		'order-of-the-golden-eagle',
		'recipient',
		(honour) => {
			delete (honour as Partial<typeof honour>).recipient;
		},
		'is missing',
	),
	recordCase(
		'an escape character in a label',
		'trade',
		'imports-2025',
		'label',
		(figure) => {
			figure.label = 'Serbian imports \u001b[31mfrom Kazakhstan';
		},
		'contains the control character U+001B',
	),
	citationCase(
		'a line break in a quote',
		'events',
		'diplomatic-relations-established',
		0,
		(citation) => {
			citation.quote = citation.quote.replace(' odnosi ', '\nodnosi ');
		},
		'contains the control character U+000A',
		'.quote',
	),
	recordCase(
		'a derived value that does not recompute',
		'trade',
		'turnover-2024-derived',
		undefined,
		(figure) => {
			figure.value = 700;
		},
		'value 700 differs from the derived',
	),
	recordCase(
		'a derived value off by more than its last decimal',
		'trade',
		'balance-2025-derived',
		undefined,
		(figure) => {
			figure.value = -752.4;
		},
		'value -752.4 differs from the derived',
	),
	recordCase(
		'a derivation from an unknown figure',
		'trade',
		'balance-2025-derived',
		undefined,
		(figure) => {
			if (figure.derived) figure.derived.inputs = ['exports-2025', 'imports-2099'];
		},
		'derived from unknown figure "imports-2099"',
	),
	recordCase(
		'a percent with a currency',
		'trade',
		'turnover-growth-2025',
		undefined,
		(figure) => {
			figure.currency = 'USD';
		},
		'currency must be null for a percent and set for money',
	),
	recordCase(
		'money without a currency',
		'trade',
		'exports-2025',
		undefined,
		(figure) => {
			figure.currency = null;
		},
		'currency must be null for a percent and set for money',
	),
	recordCase(
		'a figure that is neither cited nor derived',
		'trade',
		'coverage-2025',
		undefined,
		(figure) => {
			figure.citations = [];
		},
		'a figure that is not derived needs a citation',
	),
	recordCase(
		'a memorandum term that is not in its quote',
		'memoranda',
		'area-health',
		undefined,
		(memorandum) => {
			memorandum.term = 'zdravlja';
		},
		'the term does not occur in any of its quotes',
	),
	recordCase(
		'a spelling that is not in its quote',
		'people',
		'olzhas-bektenov',
		'spellings[0].spelling',
		(person) => {
			const spelling = person.spellings[0];
			if (spelling) spelling.spelling = 'Olzhas Bektenov';
		},
		'the spelling does not occur in its quote',
	),
	recordCase(
		'a stance the agenda does not know',
		'agenda',
		'critical-raw-materials',
		'stances[0].stance',
		(area) => {
			(area.stances[0] as {stance: string}).stance = 'signed';
		},
		'expected one of agreed, discussed, proposed, unresolved, found "signed"',
	),
	recordCase(
		'an agenda area with no citation',
		'agenda',
		'tourism',
		'citations',
		(area) => {
			area.citations = [];
		},
		'needs at least 1 item',
	),
	citationCase(
		'an agenda citation of an unknown source',
		'agenda',
		'critical-raw-materials',
		0,
		(citation) => {
			citation.source = 's999';
		},
		'unknown source "s999" (not in sources.json)',
	),
	recordCase(
		'a stance of a source the area does not cite',
		'agenda',
		'tourism',
		undefined,
		(area) => {
			area.stances.push({source: 's003', stance: 'agreed'});
		},
		'stances[1]: source "s003" has no quote among the citations',
	),
	recordCase(
		'a cited source without a stance',
		'agenda',
		'critical-raw-materials',
		undefined,
		(area) => {
			area.stances = area.stances.filter(({source}) => source !== 's002');
		},
		'source "s002" is cited but has no stance',
	),
	recordCase(
		'two stances of one source on one area',
		'agenda',
		'critical-raw-materials',
		undefined,
		(area) => {
			area.stances.push({source: 's003', stance: 'discussed'});
		},
		'stances[3]: a second stance for source "s003"',
	),
];

describe('kzrs check refuses a broken fact base', () => {
	test.each(cases.map((brokenCase) => [brokenCase.name, brokenCase]))('%s', async (_, {damage, where, says}) => {
		const line = userErrorLine(await check(brokenCopy(damage)));
		expect(line.startsWith(`kzrs: ${where} `), line).toBe(true);
		expect(line).toContain(says);
	});
});

describe('kzrs export refuses it the same way', () => {
	const exportCases = cases.filter(({name}) =>
		['a file cut in half', 'a number written as text', 'a derived value that does not recompute', 'a missing file'].includes(name),
	);

	test.each(exportCases.map((brokenCase) => [brokenCase.name, brokenCase]))('%s', async (_, {damage}) => {
		const copy = brokenCopy(damage);
		const fromExport = userErrorLine(await runKzrs(['export', 'trade', ...relativeArgs], {cwd: copy.root}));
		expect(fromExport).toBe(userErrorLine(await check(copy)));
	});

	test('exporting to a file writes nothing when the data is broken', async () => {
		const copy = brokenCopy(cases[0]?.damage ?? (() => {}));
		userErrorLine(await runKzrs(['export', 'trade', ...relativeArgs, '--out', 'trade.csv'], {cwd: copy.root}));
		expect(() => readFileSync(join(copy.root, 'trade.csv'))).toThrow(/ENOENT/);
	});
});

describe('messages that point at the problem', () => {
	test('the escape character itself never reaches the terminal', async () => {
		const broken = cases.find(({name}) => name === 'an escape character in a label');
		const result = await check(brokenCopy(broken?.damage ?? (() => {})));
		expect(result.stderr).not.toContain('\u001b');
	});

	test('the first bad byte is given as a byte offset, after multi-byte text', async () => {
		const copy = copyFactBase();
		const text = textOf(copy, 'companies');
		// Cut after the first Cyrillic quote, so characters and bytes differ.
		const at = text.indexOf('компаний.') + 'компаний.'.length;
		const prefix = Buffer.from(text.slice(0, at), 'utf8');
		writeFileSync(join(copy.dataDir, 'companies.json'), Buffer.concat([prefix, Buffer.from([0xc0, 0xaf]), Buffer.from(text.slice(at), 'utf8')]));
		expect(userErrorLine(await check(copy))).toBe(`kzrs: data/companies.json: is not UTF-8 text (first bad byte at offset ${prefix.length})`);
	});

	test('the offset is right when the text also holds a real U+FFFD before the bad byte', async () => {
		const copy = copyFactBase();
		editData(copy.dataDir, 'trade', (trade) => {
			byId(trade, 'turnover-2025').label = 'Total trade \uFFFD replacement character in a valid label';
		});
		const text = textOf(copy, 'trade');
		const at = text.lastIndexOf('}');
		const prefix = Buffer.from(text.slice(0, at), 'utf8');
		writeFileSync(join(copy.dataDir, 'trade.json'), Buffer.concat([prefix, Buffer.from([0xff]), Buffer.from(text.slice(at), 'utf8')]));
		expect(userErrorLine(await check(copy))).toBe(`kzrs: data/trade.json: is not UTF-8 text (first bad byte at offset ${prefix.length})`);
	});

	test('a file cut in half is reported as truncated', async () => {
		const truncated = cases.find(({name}) => name === 'a file cut in half');
		const line = userErrorLine(await check(brokenCopy(truncated?.damage ?? (() => {}))));
		expect(line).toContain('the JSON ends too early (is the file truncated?)');
	});

	test('a syntax error inside the file gives its line and column', async () => {
		const copy = copyFactBase();
		const text = textOf(copy, 'honours');
		// Drop the comma after the first field: line 3 then runs into line 4.
		const broken = text.replace(/,\n/, '\n');
		writeFileSync(join(copy.dataDir, 'honours.json'), broken);
		const lines = broken.split('\n');
		const line = userErrorLine(await check(copy));
		expect(line).toMatch(/^kzrs: data\/honours\.json: is not valid JSON: .*\(line \d+, column \d+\)$/);
		const [, lineNumber] = /\(line (\d+),/.exec(line) ?? [];
		expect(lines[Number(lineNumber) - 1]).toContain('"name"');
	});

	test('seeds pointing to an empty directory names the missing seed file', async () => {
		const copy = copyFactBase();
		mkdirSync(join(copy.root, 'empty-seeds'));
		const firstSeed = readData('sources')[0]?.file;
		const line = userErrorLine(await check(copy, ['--data', 'data', '--seeds', 'empty-seeds']));
		// The record in sources.json that names the seed, and the seed's own path.
		expect(line).toBe(`kzrs: data/sources.json: record 1 (id "s000"), field file: its seed empty-seeds/${firstSeed}: file is missing`);
	});

	test('a seed in UTF-16 is not UTF-8 text', async () => {
		const copy = copyFactBase();
		const source = byId(readData('sources'), 's000');
		const seed = join(copy.seedsDir, source.file);
		writeFileSync(seed, Buffer.from(readFileSync(seed, 'utf8'), 'utf16le'));
		expect(userErrorLine(await check(copy))).toBe(
			`kzrs: data/sources.json: record 1 (id "s000"), field file: its seed seeds/${source.file}: is not UTF-8 text (a NUL byte at offset 1, as in UTF-16 text)`,
		);
	});

	test('an empty seed file is named', async () => {
		const copy = copyFactBase();
		const sources = readData('sources');
		const source = byId(sources, 's002');
		writeFileSync(join(copy.seedsDir, source.file), '');
		const index = sources.indexOf(source) + 1;
		expect(userErrorLine(await check(copy))).toBe(
			`kzrs: data/sources.json: record ${index} (id "s002"), field file: its seed seeds/${source.file}: file is empty`,
		);
	});
});

describe('what check accepts', () => {
	test('an undamaged copy passes and counts its records', async () => {
		const copy = copyFactBase();
		const result = await check(copy);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(`ok: ${readData('sources').length} sources; ${readData('events').length} events`);
		expect(result.stdout).toContain(`${readData('trade').length} trade`);
	});

	test('a quote re-spaced (runs of spaces, no other change) is still found', async () => {
		const copy = copyFactBase();
		editRecord('events', 'diplomatic-relations-established', (event) => {
			const citation = event.citations[0];
			if (citation) citation.quote = citation.quote.replaceAll(' ', '   ');
		})(copy);
		const result = await check(copy);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
	});

	test('a data file that starts with a UTF-8 byte-order mark (as some editors save it) is read as UTF-8', async () => {
		const copy = copyFactBase();
		const file = join(copy.dataDir, 'honours.json');
		writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(file)]));
		const result = await check(copy);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
	});

	test('a trailing newline after the list is fine', async () => {
		const copy = copyFactBase();
		appendFileSync(join(copy.dataDir, 'honours.json'), '\n\n');
		expect((await check(copy)).status).toBe(0);
	});
});
