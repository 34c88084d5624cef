// Loads data/ and seeds/ into a validated FactBase, or throws a UserError that
// names the file, the record and the field.
import {join} from 'node:path';
import {dataError} from '../errors.js';
import {deriveValue, withinRounding} from './derive.js';
import {object} from './fields.js';
import {foldWhitespace} from './text.js';
import {dataFileNames, dataFiles, type DataFileName} from './shapes.js';
import {displayPath, readRecords, readText} from './read-file.js';
import type {Citation, FactBase, Source, TradeFigure} from './types.js';

export type FactPaths = {dataDir: string; seedsDir: string};

type Checked = {[Name in DataFileName]: Array<{id: string} & Record<string, unknown>>};

function readDataFile(dataDir: string, name: DataFileName) {
	const file = join(dataDir, `${name}.json`);
	const shown = displayPath(file);
	const records = readRecords(file);
	const recordShape = object(dataFiles[name]);
	const seen = new Set<string>();
	for (const [index, record] of records.entries()) {
		const id = (record as {id?: unknown} | null)?.id;
		const found = recordShape(record);
		if (found) throw dataError(shown, found.message, {index, id, path: found.path});
		if (seen.has(id as string)) throw dataError(shown, `duplicate id "${id}"`, {index, id});
		seen.add(id as string);
	}
	return {shown, records: records as Checked[DataFileName]};
}

/** Quotes are compared with runs of whitespace folded, and nothing else. */
class QuoteFinder {
	private readonly folded = new Map<string, string>();
	private readonly found = new Map<string, Set<string>>();

	constructor(seeds: Map<string, string>) {
		for (const [id, seedText] of seeds) this.folded.set(id, foldWhitespace(seedText));
	}

	/** The problem with a citation, or undefined when it is sound. */
	problem(source: string, quote: string): string | undefined {
		const seedText = this.folded.get(source);
		if (seedText === undefined) return `unknown source "${source}" (not in sources.json)`;
		let known = this.found.get(source);
		if (!known) {
			known = new Set();
			this.found.set(source, known);
		}
		if (known.has(quote)) return undefined;
		if (!seedText.includes(foldWhitespace(quote))) return `quote not found verbatim in the seed of source "${source}"`;
		known.add(quote);
		return undefined;
	}
}

export function loadFactBase({dataDir, seedsDir}: FactPaths): FactBase {
	const files = {} as Record<DataFileName, {shown: string; records: Checked[DataFileName]}>;
	for (const name of dataFileNames) files[name] = readDataFile(dataDir, name);

	const sources = files.sources.records as unknown as Source[];
	if (sources.length === 0) throw dataError(files.sources.shown, 'has no sources; every fact needs one');
	const seeds = new Map<string, string>();
	for (const source of sources) seeds.set(source.id, readText(join(seedsDir, source.file)));
	const quotes = new QuoteFinder(seeds);

	const checkCitations = (name: DataFileName, field: string, extraCheck?: (record: Record<string, unknown>) => string | undefined) => {
		const {shown, records} = files[name];
		for (const [index, record] of records.entries()) {
			const citations = (record[field] ?? []) as Array<Citation & {spelling?: string}>;
			for (const [position, {source, quote, spelling}] of citations.entries()) {
				const wrong = quotes.problem(source, quote);
				if (wrong) throw dataError(shown, wrong, {index, id: record.id, path: `${field}[${position}]`});
				if (spelling !== undefined && !foldWhitespace(quote).includes(foldWhitespace(spelling))) {
					throw dataError(shown, 'the spelling does not occur in its quote', {index, id: record.id, path: `${field}[${position}].spelling`});
				}
			}
			const wrong = extraCheck?.(record);
			if (wrong) throw dataError(shown, wrong, {index, id: record.id});
		}
	};

	checkCitations('events', 'citations', (event) =>
		event.end_date !== null && (event.end_date as string) < (event.date as string) ? 'end_date is before date' : undefined,
	);
	checkCitations('memoranda', 'citations', (memorandum) => {
		const citations = memorandum.citations as Citation[];
		if (memorandum.kind === 'count') {
			if (memorandum.count === null || memorandum.qualifier === null) return 'a count needs count and qualifier';
			if (memorandum.area !== null || memorandum.term !== null) return 'a count has no area or term';
			return undefined;
		}
		if (memorandum.area === null || memorandum.term === null) return 'an area needs area and term';
		if (memorandum.count !== null || memorandum.qualifier !== null) return 'an area has no count or qualifier';
		const term = foldWhitespace(memorandum.term as string);
		return citations.some(({quote}) => foldWhitespace(quote).includes(term)) ? undefined : 'the term does not occur in any of its quotes';
	});
	const trade = files.trade.records as unknown as TradeFigure[];
	const tradeById = new Map(trade.map((figure) => [figure.id, figure]));
	checkCitations('trade', 'citations', (record) => {
		const figure = record as unknown as TradeFigure;
		if ((figure.unit === 'percent') !== (figure.currency === null)) {
			return 'currency must be null for a percent and set for money';
		}
		if (!figure.derived) return figure.citations.length === 0 ? 'a figure that is not derived needs a citation' : undefined;
		const inputs = figure.derived.inputs.map((id) => tradeById.get(id));
		const missing = figure.derived.inputs.find((_, position) => !inputs[position]);
		if (missing !== undefined) return `derived from unknown figure "${missing}"`;
		const expected = deriveValue(figure.derived.method, inputs as TradeFigure[]);
		if (expected === undefined) return `method ${figure.derived.method} cannot use these inputs`;
		return withinRounding(figure.value, expected) ? undefined : `value ${figure.value} differs from the derived ${expected}`;
	});
	checkCitations('companies', 'citations');
	checkCitations('people', 'spellings');
	checkCitations('honours', 'citations');

	return {
		sources,
		events: files.events.records as unknown as FactBase['events'],
		memoranda: files.memoranda.records as unknown as FactBase['memoranda'],
		trade,
		companies: files.companies.records as unknown as FactBase['companies'],
		people: files.people.records as unknown as FactBase['people'],
		honours: files.honours.records as unknown as FactBase['honours'],
		seeds,
	};
}
