// `kzrs export <pane>` against the data files it comes from: one row per
// record, the record's values, its sources, in the pane's order; CSV holding the
// same rows; and --filter, --sort, --reverse and bad arguments.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {shippedPanes} from '../../source/panes/registry.js';
import {type CliResult, exportJson, runKzrs, userErrorLine} from '../helpers/cli.js';
import {type Cell, expectedCsvRows, parseWithCsvParse, parseWithPython} from '../helpers/csv.js';
import {byId, makeTempDir, readData, removeTempDirs, repoRoot} from '../helpers/fact-base.js';

type Row = Record<string, Cell>;
type Citation = {source: string; quote: string};

const sources = readData('sources');
const events = readData('events');
const memoranda = readData('memoranda');
const trade = readData('trade');
const companies = readData('companies');
const people = readData('people');
const honours = readData('honours');
const agenda = readData('agenda');
const standing = readData('standing');
const goods = readData('goods');

const languageOf = new Map(sources.map((source) => [source.id, source.language]));
const distinctInOrder = (values: string[]) => [...new Set(values)];
const distinct = (values: string[]) => distinctInOrder(values).sort();
const words = (cell: Cell | undefined) => (typeof cell === 'string' ? cell.split(' ').sort() : []);

/** The citations a row stands on: its own, or for a derived figure its inputs'. */
function citationsOf(record: {citations: Citation[]; derived?: {inputs: string[]} | null}): Citation[] {
	const viaInputs = record.derived?.inputs.flatMap((input) => byId(trade, input).citations) ?? [];
	return [...record.citations, ...viaInputs];
}

/** The sources, languages and quotes columns a record should have. */
function expectCitationColumns(row: Row, citations: Citation[]): void {
	expect(citations.length).toBeGreaterThan(0);
	expect(words(row.sources)).toEqual(distinct(citations.map(({source}) => source)));
	expect(words(row.languages)).toEqual(distinct(citations.map(({source}) => languageOf.get(source) ?? '?')));
	expect(row.quotes).toBe(citations.map(({quote}) => quote).join('\n'));
}

const cache = new Map<string, Row[]>();
beforeAll(async () => {
	for (const pane of shippedPanes) cache.set(pane.id, await exportJson<Row>(pane.id));
});
/** The pane's JSON export, run once per file. */
function paneRows(pane: string): Row[] {
	const rows = cache.get(pane);
	if (!rows) throw new Error(`no export of ${pane}`);
	return rows;
}
const rowById = (pane: string, id: string): Row => {
	const row = paneRows(pane).find((candidate) => candidate.id === id);
	if (!row) throw new Error(`${pane} export has no row "${id}"`);
	return row;
};
const ids = (rows: ReadonlyArray<{id?: unknown}>) => rows.map((row) => row.id);

describe('one row per record of the pane’s data file', () => {
	const panes = [
		['timeline', events],
		['memoranda', memoranda],
		['trade', trade],
		['companies', companies],
		['agenda', agenda],
		['people', people],
		['sources', sources],
	] as const;

	test.each(panes)('%s', async (pane, records) => {
		const rows = paneRows(pane);
		expect(rows).toHaveLength(records.length);
		expect(ids(rows).sort()).toEqual(ids(records).sort());
	});
});

describe('row values are the data file’s values', () => {
	test.each(events.map((event) => [event.id, event]))('timeline %s', async (id, event) => {
		const row = rowById('timeline', id);
		expect(row).toMatchObject({
			date: event.date,
			end_date: event.end_date,
			title: event.title,
			place: event.place,
			participants: event.participants.join('; '),
			status: event.status,
			visit: event.visit ? 1 : 0,
			date_basis: event.date_basis,
		});
		expectCitationColumns(row, event.citations);
	});

	test.each(memoranda.map((memorandum) => [memorandum.id, memorandum]))('memoranda %s', async (id, memorandum) => {
		const row = rowById('memoranda', id);
		expect(row).toMatchObject({
			kind: memorandum.kind,
			count: memorandum.count,
			qualifier: memorandum.qualifier,
			area: memorandum.area,
			term: memorandum.term,
			status: memorandum.status,
		});
		expectCitationColumns(row, memorandum.citations);
	});

	test.each(trade.map((figure) => [figure.id, figure]))('trade %s', async (id, figure) => {
		const row = rowById('trade', id);
		expect(row).toMatchObject({
			indicator: figure.indicator,
			label: figure.label,
			period: figure.period,
			flow: figure.flow,
			product: figure.product,
			value: figure.value,
			unit: figure.unit,
			currency: figure.currency,
			qualifier: figure.qualifier,
			reporter: figure.reporter,
			derived_method: figure.derived?.method ?? null,
			derived_inputs: figure.derived?.inputs.join(' ') ?? null,
			derived_note: figure.derived?.note ?? null,
		});
		expectCitationColumns(row, citationsOf(figure));
	});

	test.each(companies.map((company) => [company.id, company]))('companies %s', async (id, company) => {
		const row = rowById('companies', id);
		// Readings: how many different (count, qualifier) pairs the subject has.
		const readings = new Set(companies.filter((other) => other.subject === company.subject).map((other) => `${other.count} ${other.qualifier}`));
		expect(row).toMatchObject({
			subject: company.subject,
			label: company.label,
			count: company.count,
			qualifier: company.qualifier,
			side: company.side,
			readings: readings.size,
		});
		expectCitationColumns(row, company.citations);
	});

	test.each(agenda.map((area) => [area.id, area]))('agenda %s', async (id, area) => {
		const row = rowById('agenda', id);
		expect(row).toMatchObject({
			area: area.area,
			stances: area.stances.map(({source, stance}) => `${source} ${stance}`).join('; '),
			note: area.note,
		});
		expectCitationColumns(row, area.citations);
	});

	test.each(people.map((person) => [person.id, person]))('people %s', async (id, person) => {
		const row = rowById('people', id);
		// Each spelling once, with the languages of the sources that write it so.
		const spellings = [...new Set(person.spellings.map(({spelling}) => spelling))].map((spelling) => {
			const languages = distinctInOrder(person.spellings.filter((entry) => entry.spelling === spelling).map(({source}) => languageOf.get(source) ?? '?'));
			return `${spelling} (${languages.join(' ')})`;
		});
		const honoured = honours.filter((honour) => honour.recipient === person.name).map((honour) => honour.name);
		expect(row).toMatchObject({
			name: person.name,
			role: person.role,
			country: person.country,
			delegation: person.delegation ? 1 : 0,
			note: person.note,
			spellings: spellings.join('; '),
			honours: honoured.length > 0 ? honoured.join('; ') : null,
		});
		expectCitationColumns(row, person.spellings);
	});

	test('President Vučić holds the Order of the Golden Eagle; the delegation is four, each source spells his name', async () => {
		expect(rowById('people', 'aleksandar-vucic').honours).toBe('Order of the Golden Eagle (Altyn Qyran)');
		expect(rowById('people', 'aleksandar-vucic').spellings).toBe(
			'Aleksandar Vučić (sr-Latn en); Александар Вучић (sr-Cyrl); Александр Вучич (ru); Александър Вучич (bg)',
		);
		expect(
			paneRows('people')
				.filter((row) => row.delegation === 1)
				.map((row) => row.name),
		).toEqual(['Aleksandar Vučić', 'Jagoda Lazarević', 'Nenad Popović', 'Mihailo Jovanović']);
		expect(rowById('people', 'olzhas-bektenov').spellings).toContain('Olžasu Benktenovu (sr-Latn)');
	});

	test.each(sources.map((source) => [source.id, source]))('sources %s', async (id, source) => {
		// Facts cited: every citation and spelling naming the source (not those a derived figure borrows).
		const cited = [
			...events.flatMap((event) => event.citations),
			...memoranda.flatMap((memorandum) => memorandum.citations),
			...trade.flatMap((figure) => figure.citations),
			...companies.flatMap((company) => company.citations),
			...honours.flatMap((honour) => honour.citations),
			...people.flatMap((person) => person.spellings),
			...agenda.flatMap((area) => area.citations),
			...standing.flatMap((claim) => claim.citations),
			...goods.flatMap((good) => good.citations),
		].filter((citation) => citation.source === id);
		// sentences_cited, computed, is checked with the passages (passages.test.ts).
		expect(rowById('sources', id)).toEqual({...source, facts: cited.length, sentences_cited: expect.any(Number)});
	});

	test('turnover 2025 is 903.7 million USD, from s000', async () => {
		const figure = byId(trade, 'turnover-2025');
		expect(rowById('trade', 'turnover-2025')).toMatchObject({value: figure.value, unit: 'million', currency: 'USD', sources: 's000'});
		expect(figure.value).toBe(903.7);
	});

	test('the derived figures carry their inputs’ sources and a negative balance stays a number', async () => {
		const derived = trade.filter((figure) => figure.derived !== null);
		expect(derived.length).toBeGreaterThan(0);
		for (const figure of derived) {
			const row = rowById('trade', figure.id);
			expect(figure.citations).toEqual([]);
			expect(row.sources).not.toBeNull();
			expectCitationColumns(row, citationsOf(figure));
		}
		expect(rowById('trade', 'balance-2025-derived').value).toBe(-752.3);
	});

	test('the sources disagree on Serbian companies in Kazakhstan: two readings', async () => {
		const subject = 'serbian-companies-in-kazakhstan';
		const rows = paneRows('companies').filter((row) => row.subject === subject);
		expect(rows.map((row) => row.qualifier).sort()).toEqual(['approximately', 'more-than']);
		expect(rows.map((row) => row.readings)).toEqual([2, 2]);
		expect(rows.map((row) => row.count)).toEqual(companies.filter((company) => company.subject === subject).map((company) => company.count));
	});
});

describe('the pane’s own order', () => {
	test('timeline rows are sorted by date', async () => {
		const dates = paneRows('timeline').map((row) => String(row.date));
		// ISO dates (and their year and month prefixes) sort as text.
		expect(dates).toEqual([...dates].sort());
		expect(dates).toEqual(events.map((event) => event.date).sort());
	});

	test('memoranda: the count first, then the areas in file order', async () => {
		const expected = [...memoranda.filter((m) => m.kind === 'count'), ...memoranda.filter((m) => m.kind === 'area')];
		expect(ids(paneRows('memoranda'))).toEqual(ids(expected));
	});

	test.each([
		['trade', trade],
		['companies', companies],
		['agenda', agenda],
		['people', people],
		['sources', sources],
	] as const)('%s rows keep the data file’s order', (pane, records) => {
		expect(ids(paneRows(pane))).toEqual(ids(records));
	});
});

describe('CSV export', () => {
	afterAll(removeTempDirs);

	test.each(['timeline', 'memoranda', 'trade', 'companies', 'agenda', 'people', 'sources'])('%s: a header row, then the JSON export’s rows', async (pane) => {
		const result = await runKzrs(['export', pane]);
		expect(result.status).toBe(0);
		expect(result.stderr).toBe('');
		const jsonRows = paneRows(pane);
		const columns = Object.keys(jsonRows[0] ?? {});
		expect(parseWithCsvParse(result.stdout)).toEqual(expectedCsvRows(columns, jsonRows));
		// Python's reader ends a record at a line break outside quotes, which csv-parse, having seen CRLF first, takes as text:
		// a cell of several quotes, one per line, must be quoted even without a comma or a double quote in it.
		const file = join(makeTempDir(), `${pane}.csv`);
		writeFileSync(file, result.stdout);
		expect(parseWithPython(file)).toEqual(expectedCsvRows(columns, jsonRows));
	});

	test('--format csv is the default', async () => {
		expect((await runKzrs(['export', 'trade', '--format', 'csv'])).stdout).toBe((await runKzrs(['export', 'trade'])).stdout);
	});
});

describe('--filter', () => {
	// The ways the sources spell Vučić's surname (Latin, Serbian and Russian/Bulgarian Cyrillic).
	const surnames = distinct(byId(readData('people'), 'aleksandar-vucic').spellings.map(({spelling}) => spelling.split(' ').at(-1) ?? ''));
	const mentionsVucic = (event: (typeof events)[number]) =>
		[event.title, event.place ?? '', ...event.participants, ...event.citations.map(({quote}) => quote)].some((text) =>
			surnames.some((surname) => text.toLowerCase().includes(surname.toLowerCase())),
		);
	const expected = events
		.filter(mentionsVucic)
		.map((event) => event.id)
		.sort();

	test('the spellings cover both scripts', async () => {
		expect(surnames).toEqual(expect.arrayContaining(['Vučić', 'Вучић', 'Вучич']));
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(events.length);
	});

	test.each(['vucic', 'VUČIĆ', 'Vučić', 'вучич', 'Вучић'])('"%s" finds the events that mention Vučić in any spelling', async (filter) => {
		expect(ids(await exportJson('timeline', ['--filter', filter])).sort()).toEqual(expected);
	});

	test('a filtered CSV export holds the same rows as the filtered JSON export', async () => {
		const csv = parseWithCsvParse((await runKzrs(['export', 'timeline', '--filter', 'vucic'])).stdout);
		expect(
			csv
				.slice(1)
				.map((row) => row[0])
				.sort(),
		).toEqual(expected);
	});

	test('"derived" finds the derived trade figures', async () => {
		const derived = trade.filter((figure) => figure.derived !== null).map((figure) => figure.id);
		expect(ids(await exportJson('trade', ['--filter', 'derived']))).toEqual(derived);
	});

	// As patterns, "[0-9]" and "20*5" would match the many rows with digits or with 2025.
	test.each(['*', '?', '[', '[0-9]', '20*5'])('"%s" is text to find, not a pattern: no row of the fact base holds it', async (filter) => {
		for (const pane of ['timeline', 'trade', 'companies'] as const) expect(await exportJson(pane, ['--filter', filter])).toEqual([]);
	});

	test('a filter that matches nothing gives an empty list and a header-only CSV', async () => {
		expect(await exportJson('trade', ['--filter', 'no such words anywhere'])).toEqual([]);
		const csv = parseWithCsvParse((await runKzrs(['export', 'trade', '--filter', 'no such words anywhere'])).stdout);
		expect(csv).toEqual([Object.keys(paneRows('trade')[0] ?? {})]);
	});
});

describe('--sort and --reverse', () => {
	// Values compare within a unit and currency; the groups come in their order either way.
	const group = (figure: (typeof trade)[number]) => `${figure.unit} ${figure.currency ?? ''}`;
	const sortedValues = (direction: 1 | -1) =>
		[...trade].sort((a, b) => group(a).localeCompare(group(b)) || direction * (a.value - b.value)).map((figure) => figure.value);

	test('--sort value orders trade figures by value within each unit, ascending', async () => {
		expect((await exportJson('trade', ['--sort', 'value'])).map((row) => row.value)).toEqual(sortedValues(1));
	});

	test('--reverse makes it descending', async () => {
		expect((await exportJson('trade', ['--sort', 'value', '--reverse'])).map((row) => row.value)).toEqual(sortedValues(-1));
	});

	test('rows without a period come last in either direction', async () => {
		const undated = trade.filter((figure) => figure.period === null).map((figure) => figure.id);
		expect(undated.length).toBeGreaterThan(0);
		for (const args of [
			['--sort', 'period'],
			['--sort', 'period', '--reverse'],
		]) {
			const rows = await exportJson('trade', args);
			expect(ids(rows.slice(-undated.length))).toEqual(undated);
			const periods = rows.slice(0, -undated.length).map((row) => String(row.period));
			expect(periods).toEqual(args.includes('--reverse') ? [...periods].sort().reverse() : [...periods].sort());
		}
	});

	test('--reverse alone reverses the pane’s own order', async () => {
		expect(ids(await exportJson('sources', ['--reverse']))).toEqual(ids(sources).reverse());
	});

	test('--sort facts orders sources by how many facts cite them', async () => {
		const facts = (await exportJson('sources', ['--sort', 'facts'])).map((row) => Number(row.facts));
		expect(facts).toEqual([...facts].sort((a, b) => a - b));
		expect(facts).toHaveLength(sources.length);
	});
});

describe('bad arguments: exit 2 and a kzrs: message', () => {
	test('an unknown pane', async () => {
		const result = await runKzrs(['export', 'weather']);
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		// The first line says what is wrong; a usage summary may follow it.
		const [first] = result.stderr.split('\n');
		expect(first).toMatch(/^kzrs: unknown pane "weather"; panes: timeline, memoranda, trade, companies, agenda, people, standing, sources, goods$/);
		expect(result.stderr).not.toContain('    at ');
	});

	test('an unknown format', async () => {
		expect(userErrorLine(await runKzrs(['export', 'trade', '--format', 'xml']))).toBe('kzrs: unknown format "xml"; formats: csv, json');
	});

	test('an unknown sort column', async () => {
		expect(userErrorLine(await runKzrs(['export', 'trade', '--sort', 'colour']))).toMatch(/^kzrs: cannot sort trade by "colour"; columns: .*\bvalue\b/);
	});

	test('a column the pane cannot sort by', async () => {
		expect(userErrorLine(await runKzrs(['export', 'companies', '--sort', 'value']))).toMatch(/^kzrs: cannot sort companies by "value"/);
	});

	test.each([
		[['export', 'trade', '--out'], '--out needs a file name'],
		[['--save-db'], '--save-db needs a file name'],
		// Not "no filter": everything would be exported.
		[['export', 'trade', '--filter'], '--filter needs a text'],
		[['export', 'trade', '--filter', '--reverse'], '--filter needs a text'],
		[['export', 'trade', '--filter='], '--filter needs a text'],
		[['export', 'trade', '--sort'], '--sort needs a column'],
		[['export', 'trade', '--format'], '--format needs a format'],
		[['check', '--data'], '--data needs a directory'],
		[['check', '--seeds'], '--seeds needs a directory'],
	])('%j: an option without its value', async (args, message) => {
		const result = await runKzrs(args);
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr.split('\n')[0]).toBe(`kzrs: ${message}`);
	});

	test.each([
		[['export', 'trade', '--filter', 'a', '--filter', 'b'], '--filter'],
		[['--save-db', 'a', '--save-db', 'b'], '--save-db'],
	])('%j: an option given twice', async (args, option) => {
		const result = await runKzrs(args);
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr.split('\n')[0]).toBe(`kzrs: ${option} is given more than once`);
	});
});

describe('--help and --version', () => {
	let usage: CliResult;
	beforeAll(async () => {
		usage = await runKzrs(['--help']);
	});

	test('--help alone prints the usage and exits 0', async () => {
		expect(usage.status).toBe(0);
		expect(usage.stdout).toContain('$ kzrs export <pane>');
	});

	test.each([[['check', '--help']], [['--help', '--data', 'elsewhere']], [['export', 'trade', '--help']]])('%j prints the same usage', async (args) => {
		const result = await runKzrs(args);
		expect(result.status).toBe(0);
		expect(result.stdout).toBe(usage.stdout);
	});

	test.each([[['--version']], [['--version', '--data', 'elsewhere']], [['sql', '--version']]])('%j prints the version', async (args) => {
		const result = await runKzrs(args);
		expect(result.status).toBe(0);
		expect(result.stdout.trim()).toBe(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version);
	});
});
