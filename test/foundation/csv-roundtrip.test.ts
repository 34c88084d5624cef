// CSV that survives awkward values: a fact base whose labels hold commas,
// double quotes, Cyrillic and formula starters, and whose quotes (real passages
// of the seeds) hold commas, curly quotes and leading - + @, is exported with
// --out and read back by Python's csv module and by csv-parse.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {exportJson, runKzrs} from '../helpers/cli.js';
import {type Cell, expectedCsvCell, parseWithCsvParse, parseWithPython} from '../helpers/csv.js';
import {
	byId,
	collapseWhitespace,
	copyFactBase,
	editData,
	type FactBaseCopy,
	factBaseArgs,
	makeTempDir,
	readSeeds,
	removeTempDirs,
} from '../helpers/fact-base.js';

// Passages of the seeds that are awkward in CSV; each is checked to be in its seed below.
const awkwardQuotes = {
	// Curly quotes and several commas (s003).
	commasAndQuotes: {
		source: 's003',
		quote:
			'“We held detailed discussions on cooperation in trade, transport and logistics, energy, industry, agriculture, information technology, and artificial intelligence, as well as the cultural and humanitarian agenda.',
	},
	// Starts with a hyphen (s000): the quotes column begins with a formula starter.
	leadingMinus: {source: 's000', quote: '- Zahvalan premijeru Olžasu Benktenovu na srdačnom dočeku'},
	// Starts with a plus, Cyrillic after it (s001).
	leadingPlus: {source: 's001', quote: '+381 11 3043 086 Факс: +381 11 3043 280'},
	// Starts with an at sign (s001).
	leadingAt: {source: 's001', quote: '@predsednik.rs](mailto:mediji@predsednik.rs)'},
};

// Labels no validation forbids, each awkward for CSV or for spreadsheets.
const awkwardLabels = {
	formula: '=HYPERLINK("https://example.com/?a=1,2","click"), total',
	minus: '-Serbian exports, "net" of re-exports',
	plus: '+Imports from Казахстан, in “millions”',
	at: '@coverage, in "percent"',
	cyrillic: 'Инвестиции из Казахстана в Сербию, «млн евро»',
	negativeNumber: '-12.5',
	companiesQuoted: 'Сербские компании, "более 60"',
	companiesFormula: '=1+1',
};

const numericColumns = new Set(['value', 'count', 'readings', 'visit', 'facts']);

let facts: FactBaseCopy;
const exported: Record<'trade' | 'companies', {csvFile: string; json: Array<Record<string, Cell>>}> = {
	trade: {csvFile: '', json: []},
	companies: {csvFile: '', json: []},
};

beforeAll(async () => {
	facts = copyFactBase();
	editData(facts.dataDir, 'trade', (trade) => {
		byId(trade, 'turnover-2025').label = awkwardLabels.formula;
		byId(trade, 'exports-2025').label = awkwardLabels.minus;
		byId(trade, 'imports-2025').label = awkwardLabels.plus;
		byId(trade, 'coverage-2025').label = awkwardLabels.at;
		byId(trade, 'investment-kazakhstan-serbia-2024').label = awkwardLabels.cyrillic;
		byId(trade, 'imports-2025').reporter = 'Republički zavod za statistiku, "RZS"';
		// A text that looks like a negative number, beside a value that is one.
		trade.push({
			id: 'test-negative-growth',
			indicator: 'growth',
			label: awkwardLabels.negativeNumber,
			period: '2025',
			flow: null,
			product: 'Ulje, "motorno"',
			value: -12.5,
			unit: 'percent',
			currency: null,
			qualifier: 'approximately',
			reporter: null,
			derived: null,
			citations: [awkwardQuotes.leadingPlus, awkwardQuotes.commasAndQuotes, awkwardQuotes.leadingAt],
		});
	});
	editData(facts.dataDir, 'companies', (companies) => {
		const [first, second] = companies;
		if (!first || !second) throw new Error('companies.json needs two records');
		first.label = awkwardLabels.companiesQuoted;
		second.label = awkwardLabels.companiesFormula;
		byId(companies, 'kazakh-capital-companies-in-serbia').citations.unshift(awkwardQuotes.leadingMinus);
		byId(companies, 'business-forum-serbian-companies').citations.unshift(awkwardQuotes.leadingAt);
	});

	for (const pane of ['trade', 'companies'] as const) {
		const csvFile = join(facts.root, `${pane}.csv`);
		const result = await runKzrs(['export', pane, ...factBaseArgs(facts), '--out', csvFile], {cwd: facts.root});
		if (result.status !== 0) throw new Error(`export ${pane} failed: ${result.stderr}`);
		exported[pane] = {csvFile, json: await exportJson<Record<string, Cell>>(pane, factBaseArgs(facts), {cwd: facts.root})};
	}
});

afterAll(removeTempDirs);

describe('the awkward fact base is valid', () => {
	test.each(Object.entries(awkwardQuotes))('the %s quote is a real passage of its seed', async (_, {source, quote}) => {
		expect(collapseWhitespace(readSeeds().get(source) ?? '')).toContain(collapseWhitespace(quote));
	});

	test('kzrs check accepts it', async () => {
		const result = await runKzrs(['check', ...factBaseArgs(facts)], {cwd: facts.root});
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
	});

	test('the JSON export holds the awkward values as they are', async () => {
		const labels = [...exported.trade.json, ...exported.companies.json].map((row) => row.label);
		expect(labels).toEqual(expect.arrayContaining(Object.values(awkwardLabels)));
		expect(exported.trade.json.find((row) => row.id === 'test-negative-growth')?.value).toBe(-12.5);
	});
});

describe.each(['trade', 'companies'] as const)('%s.csv read back', (pane) => {
	const expectedRows = () => {
		const {json} = exported[pane];
		const columns = Object.keys(json[0] ?? {});
		return {columns, json};
	};

	/** Compares parsed CSV with the JSON export cell by cell, naming the cell on failure. */
	const expectMatchesJson = (parsed: string[][]) => {
		const {columns, json} = expectedRows();
		expect(parsed[0]).toEqual(columns);
		expect(parsed).toHaveLength(json.length + 1);
		for (const [index, row] of json.entries()) {
			for (const [position, column] of columns.entries()) {
				expect(parsed[index + 1]?.[position], `${row.id} ${column}`).toBe(expectedCsvCell(row[column] ?? null));
			}
		}
	};

	test('by Python’s csv module', async () => {
		expectMatchesJson(parseWithPython(exported[pane].csvFile));
	});

	test('by csv-parse', async () => {
		expectMatchesJson(parseWithCsvParse(readFileSync(exported[pane].csvFile)));
	});

	test('text cells that could start a formula gain one apostrophe; other cells are unchanged', async () => {
		const parsed = parseWithCsvParse(readFileSync(exported[pane].csvFile));
		const {columns, json} = expectedRows();
		let neutralised = 0;
		for (const [index, row] of json.entries()) {
			for (const [position, column] of columns.entries()) {
				const value = row[column] ?? null;
				const cell = parsed[index + 1]?.[position];
				if (typeof value === 'string' && /^[=+\-@]/.test(value)) {
					expect(cell, `${row.id} ${column}`).toBe(`'${value}`);
					neutralised++;
				} else {
					expect(cell, `${row.id} ${column}`).toBe(value === null ? '' : String(value));
				}
			}
		}
		expect(neutralised).toBeGreaterThanOrEqual(3);
	});

	test('numeric columns stay plain numbers, negative ones included', async () => {
		const parsed = parseWithCsvParse(readFileSync(exported[pane].csvFile));
		const {columns, json} = expectedRows();
		const numeric = columns.filter((column) => numericColumns.has(column));
		expect(numeric.length).toBeGreaterThan(0);
		for (const column of numeric) {
			const position = columns.indexOf(column);
			for (const [index, row] of json.entries()) {
				expect(typeof row[column], `${row.id} ${column}`).toBe('number');
				expect(Number(parsed[index + 1]?.[position]), `${row.id} ${column}`).toBe(row[column]);
			}
		}
	});

	test('records end in CRLF; line feeds only occur inside quoted cells', async () => {
		const text = readFileSync(exported[pane].csvFile, 'utf8');
		const records = text.split('\r\n');
		expect(records.at(-1)).toBe('');
		expect(records).toHaveLength(exported[pane].json.length + 2);
		// Each record, split at CRLF, is a complete CSV record: csv-parse reads exactly one from it.
		for (const record of records.slice(0, -1)) expect(parseWithCsvParse(record)).toHaveLength(1);
		expect(text).not.toMatch(/\r(?!\n)/);
	});

	test('the file is UTF-8', async () => {
		const bytes = readFileSync(exported[pane].csvFile);
		expect(() => new TextDecoder('utf-8', {fatal: true}).decode(bytes)).not.toThrow();
		const cyrillic = pane === 'trade' ? awkwardLabels.cyrillic : awkwardLabels.companiesQuoted;
		expect(bytes.includes(Buffer.from(cyrillic.split(',')[0] ?? '', 'utf8'))).toBe(true);
	});
});

describe('the cells the awkward values land in', () => {
	const cell = (pane: 'trade' | 'companies', id: string, column: string) => {
		const parsed = parseWithCsvParse(readFileSync(exported[pane].csvFile));
		const header = parsed[0] ?? [];
		return parsed.find((row) => row[0] === id)?.[header.indexOf(column)];
	};

	test('a formula label comes back neutralised, its commas and quotes intact', async () => {
		expect(cell('trade', 'turnover-2025', 'label')).toBe(`'${awkwardLabels.formula}`);
	});

	test('a label that looks like a negative number is text, and neutralised; the value -12.5 is not', async () => {
		expect(cell('trade', 'test-negative-growth', 'label')).toBe(`'${awkwardLabels.negativeNumber}`);
		expect(cell('trade', 'test-negative-growth', 'value')).toBe('-12.5');
		expect(cell('trade', 'balance-2025-derived', 'value')).toBe('-752.3');
	});

	test('several quotes share one cell, one per line, the first starting with +', async () => {
		const {leadingPlus, commasAndQuotes, leadingAt} = awkwardQuotes;
		expect(cell('trade', 'test-negative-growth', 'quotes')).toBe(`'${[leadingPlus.quote, commasAndQuotes.quote, leadingAt.quote].join('\n')}`);
	});

	test('a quotes cell starting with - is neutralised', async () => {
		const quotes = cell('companies', 'kazakh-capital-companies-in-serbia', 'quotes');
		expect(quotes?.startsWith(`'${awkwardQuotes.leadingMinus.quote}\n`)).toBe(true);
	});
});

describe('line breaks inside a cell', () => {
	test('a cell holding LF, CR or CRLF without a comma or a double quote is quoted, and reads back whole', async () => {
		const result = await runKzrs([
			'sql',
			"SELECT 'a' || char(10) || 'b' AS lf, 'c' || char(13) || 'd' AS cr, 'e' || char(13) || char(10) || 'f' AS crlf",
			'--format',
			'csv',
		]);
		expect(result.status).toBe(0);
		expect(result.stdout).toBe('lf,cr,crlf\r\n"a\nb","c\rd","e\r\nf"\r\n');
		const file = join(makeTempDir(), 'breaks.csv');
		writeFileSync(file, result.stdout);
		expect(parseWithPython(file)).toEqual([
			['lf', 'cr', 'crlf'],
			['a\nb', 'c\rd', 'e\r\nf'],
		]);
	});
});

describe('cells starting with tab, CR or LF (only a query can make them: data may hold no control characters)', () => {
	const query = "SELECT char(9) || 'tab' AS tab, char(13) || 'cr' AS cr, char(10) || 'lf' AS lf, -752.3 AS number, '-752.3' AS text";
	const expected = [
		['tab', 'cr', 'lf', 'number', 'text'],
		["'\ttab", "'\rcr", "'\nlf", '-752.3', "'-752.3"],
	];

	test('kzrs sql --format csv neutralises them, and read back they keep their control character', async () => {
		const result = await runKzrs(['sql', query, '--format', 'csv']);
		expect(result.status).toBe(0);
		const file = join(makeTempDir(), 'query.csv');
		writeFileSync(file, result.stdout);
		expect(parseWithCsvParse(result.stdout)).toEqual(expected);
		expect(parseWithPython(file)).toEqual(expected);
	});
});
