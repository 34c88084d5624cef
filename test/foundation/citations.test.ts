// The fact base's promise, checked straight from data/*.json and seeds/ without
// kzrs's own loader: every quote is verbatim in its source, every term and
// spelling is in its quote, and every derived figure recomputes.
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {byId, collapseWhitespace, dataFileNames, readData, readSeeds, shippedSeedsDir} from '../helpers/fact-base.js';

type CitedQuote = {file: string; id: string; field: string; source: string; quote: string};

/** Every quote in the fact base, with where it sits. */
function allQuotes(): CitedQuote[] {
	const quotes: CitedQuote[] = [];
	for (const file of dataFileNames) {
		if (file === 'sources') continue;
		for (const record of readData(file) as Array<{id: string; citations?: unknown; spellings?: unknown}>) {
			const field = file === 'people' ? 'spellings' : 'citations';
			const list = (record[field] ?? []) as Array<{source: string; quote: string}>;
			for (const [position, {source, quote}] of list.entries()) {
				quotes.push({file, id: record.id, field: `${field}[${position}]`, source, quote});
			}
		}
	}
	return quotes;
}

const sources = readData('sources');
const seeds = readSeeds();
const quotes = allQuotes();

describe('sources', () => {
	test('the fact base has sources and quotes to check', () => {
		expect(sources.length).toBeGreaterThan(0);
		expect(quotes.length).toBeGreaterThan(0);
	});

	test.each(sources.map((source) => [source.id, source.file]))('%s: its seed file %s exists and is not empty', (_, file) => {
		const path = join(shippedSeedsDir, file);
		expect(existsSync(path)).toBe(true);
		expect(statSync(path).size).toBeGreaterThan(0);
	});

	test('every seed file belongs to a source', () => {
		const named = new Set(sources.map((source) => source.file));
		expect(readdirSync(shippedSeedsDir).filter((file) => !named.has(file))).toEqual([]);
	});

	test('source ids are unique', () => {
		const ids = sources.map((source) => source.id);
		expect(new Set(ids).size).toBe(ids.length);
	});
});

describe('every quote is in its seed, up to runs of whitespace', () => {
	test.each(quotes.map((cited) => [`${cited.file} ${cited.id} ${cited.field} (${cited.source})`, cited]))('%s', (_, cited) => {
		const seed = seeds.get(cited.source);
		// An unknown source id is a broken citation too.
		expect(seed, `source ${cited.source} is not in sources.json`).toBeDefined();
		expect(collapseWhitespace(seed ?? '')).toContain(collapseWhitespace(cited.quote));
	});
});

describe('terms and spellings occur in their quotes', () => {
	const areas = readData('memoranda').filter((memorandum) => memorandum.kind === 'area');

	test('the memoranda name at least one area', () => {
		expect(areas.length).toBeGreaterThan(0);
	});

	test.each(areas.map((area) => [area.id, area]))('memoranda %s: its term is in one of its quotes', (_, area) => {
		expect(area.term).toBeTypeOf('string');
		const term = collapseWhitespace(area.term ?? '');
		expect(area.citations.some(({quote}) => collapseWhitespace(quote).includes(term))).toBe(true);
	});

	const spellings = readData('people').flatMap((person) => person.spellings.map((spelling) => ({person: person.id, ...spelling})));

	test.each(spellings.map((spelling) => [`${spelling.person} “${spelling.spelling}” (${spelling.source})`, spelling]))(
		'people %s: the spelling is in its quote',
		(_, spelling) => {
			expect(collapseWhitespace(spelling.quote)).toContain(collapseWhitespace(spelling.spelling));
		},
	);
});

describe('derived trade figures recompute from their inputs', () => {
	const trade = readData('trade');

	/** Whether `stated` is `computed` rounded to the decimals `stated` is written with. */
	const roundsTo = (stated: number, computed: number) => {
		const decimals = (String(stated).split('.')[1] ?? '').length;
		return Math.abs(stated - computed) <= 0.5 * 10 ** -decimals + 1e-9;
	};

	const derived = trade.filter((figure) => figure.derived !== null);

	test('some figures are derived', () => {
		expect(derived.length).toBeGreaterThan(0);
	});

	test.each(derived.map((figure) => [figure.id, figure]))('%s', (_, figure) => {
		const {method, inputs} = figure.derived ?? {method: undefined, inputs: []};
		expect(inputs).toHaveLength(2);
		const [first, second] = inputs.map((id) => byId(trade, id));
		if (!first || !second) throw new Error('two inputs expected');
		// Each input is a cited figure: the derived one stands on their sources.
		expect(first.citations.length).toBeGreaterThan(0);
		expect(second.citations.length).toBeGreaterThan(0);
		const computed =
			method === 'previous-from-growth' ? first.value / (1 + second.value / 100) : method === 'difference' ? first.value - second.value : Number.NaN;
		expect(roundsTo(figure.value, computed), `${figure.value} is not ${computed} rounded`).toBe(true);
	});

	test('2024 turnover is the 2025 turnover divided by 1 + growth: 903.7 / 1.497 ≈ 603.7', () => {
		const turnover = byId(trade, 'turnover-2025').value;
		const growth = byId(trade, 'turnover-growth-2025').value;
		expect(turnover).toBe(903.7);
		expect(growth).toBe(49.7);
		expect(turnover / (1 + growth / 100)).toBeCloseTo(603.7, 1);
		expect(byId(trade, 'turnover-2024-derived').value).toBe(603.7);
	});

	test('2024 turnover is approximate: its inputs are rounded, and its note gives the range they allow', () => {
		const figure = byId(trade, 'turnover-2024-derived');
		const [turnover, growth] = ['turnover-2025', 'turnover-growth-2025'].map((id) => byId(trade, id).value);
		if (turnover === undefined || growth === undefined) throw new Error('two inputs expected');
		// Each input is known to half its last decimal, either way.
		const lowest = (turnover - 0.05) / (1 + (growth + 0.05) / 100);
		const highest = (turnover + 0.05) / (1 + (growth - 0.05) / 100);
		expect(figure.qualifier).toBe('approximately');
		expect(figure.derived?.note).toContain(`between ${lowest.toFixed(1)} and ${highest.toFixed(1)} million USD`);
		expect(figure.derived?.note).toContain('“isti period 2024”');
	});

	test('the 2025 balance is exports minus imports: 75.7 − 828 = −752.3', () => {
		const exports = byId(trade, 'exports-2025').value;
		const imports = byId(trade, 'imports-2025').value;
		expect(exports - imports).toBeCloseTo(-752.3, 9);
		expect(byId(trade, 'balance-2025-derived').value).toBe(-752.3);
	});

	test('a percent has no currency and an amount of money has one', () => {
		for (const figure of trade) expect(figure.currency === null, figure.id).toBe(figure.unit === 'percent');
	});
});

describe('a date basis that names a source cites it', () => {
	const events = readData('events').filter((event) => event.date_basis !== null);

	test.each(events.map((event) => [event.id, event]))('%s', (_, event) => {
		const named = [...new Set((event.date_basis ?? '').match(/\bs\d{3}\b/g) ?? [])];
		const cited = new Set(event.citations.map(({source}) => source));
		expect(named.filter((source) => !cited.has(source))).toEqual([]);
	});
});
