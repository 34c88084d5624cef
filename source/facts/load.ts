// Loads data/ and seeds/ into a validated FactBase, or throws a UserError that
// names the file, the record and the field. The trade figures, which a user
// may extend to hundreds of thousands of rows, are validated batch by batch as
// the database reads them, so they are never all in memory at once.
import {join} from 'node:path';
import {dataError, UserError} from '../errors.js';
import {type DerivationInput, deriveValue, withinRounding} from './derive.js';
import {object} from './fields.js';
import {displayPath, readRecordBatches, readText} from './read-file.js';
import {type DataFileName, dataFiles} from './shapes.js';
import {foldWhitespace} from './text.js';
import type {Citation, FactBase, Source, Spelling, TradeFigure} from './types.js';

export type FactPaths = {dataDir: string; seedsDir: string};

type FactRecord = {id: string} & Record<string, unknown>;
/** A check beyond the record's shape; returns the problem, if any. */
type RecordCheck = (record: FactRecord) => string | undefined;

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

/**
 * The records of one data file, a batch at a time, each checked before it is
 * given out. `positions` receives each record's position in the file, by id.
 */
function* checkedBatches(
	dataDir: string,
	name: DataFileName,
	quotes: QuoteFinder | undefined,
	check?: RecordCheck,
	positions = new Map<string, number>(),
): Generator<FactRecord[]> {
	const file = join(dataDir, `${name}.json`);
	const shown = displayPath(file);
	const shape = object(dataFiles[name]);
	const citationField = name === 'people' ? 'spellings' : 'citations';
	for (const {first, records} of readRecordBatches(file)) {
		for (const [offset, record] of records.entries()) {
			const index = first + offset;
			const id = (record as {id?: unknown} | null)?.id;
			const found = shape(record);
			if (found) throw dataError(shown, found.message, {index, id, path: found.path});
			const fact = record as FactRecord;
			if (positions.has(fact.id)) throw dataError(shown, `duplicate id "${fact.id}"`, {index, id});
			positions.set(fact.id, index);
			const citations = (fact[citationField] ?? []) as Array<Citation & Partial<Spelling>>;
			for (const [position, {source, quote, spelling}] of citations.entries()) {
				const wrong = quotes?.problem(source, quote);
				if (wrong) throw dataError(shown, wrong, {index, id, path: `${citationField}[${position}]`});
				if (spelling !== undefined && !foldWhitespace(quote).includes(foldWhitespace(spelling))) {
					throw dataError(shown, 'the spelling does not occur in its quote', {index, id, path: `${citationField}[${position}].spelling`});
				}
			}
			const wrong = check?.(fact);
			if (wrong) throw dataError(shown, wrong, {index, id});
		}
		yield records as FactRecord[];
	}
}

function readAll<T>(dataDir: string, name: DataFileName, quotes: QuoteFinder | undefined, check?: RecordCheck): T[] {
	return [...checkedBatches(dataDir, name, quotes, check)].flat() as unknown as T[];
}

const checkEvent: RecordCheck = (event) =>
	event.end_date !== null && (event.end_date as string) < (event.date as string) ? 'end_date is before date' : undefined;

const checkMemorandum: RecordCheck = (memorandum) => {
	if (memorandum.kind === 'count') {
		if (memorandum.count === null || memorandum.qualifier === null) return 'a count needs count and qualifier';
		if (memorandum.area !== null || memorandum.term !== null) return 'a count has no area or term';
		return undefined;
	}
	if (memorandum.area === null || memorandum.term === null) return 'an area needs area and term';
	if (memorandum.count !== null || memorandum.qualifier !== null) return 'an area has no count or qualifier';
	const term = foldWhitespace(memorandum.term as string);
	const citations = memorandum.citations as Citation[];
	return citations.some(({quote}) => foldWhitespace(quote).includes(term)) ? undefined : 'the term does not occur in any of its quotes';
};

const checkFigure: RecordCheck = (record) => {
	const figure = record as unknown as TradeFigure;
	if ((figure.unit === 'percent') !== (figure.currency === null)) return 'currency must be null for a percent and set for money';
	if (!figure.derived && figure.citations.length === 0) return 'a figure that is not derived needs a citation';
	return undefined;
};

/**
 * The trade figures, batch by batch, each one's position in the file recorded
 * in `positions`. A derived figure may name inputs further down the file, so
 * derivations are checked once every figure has been read. What they may use
 * of every figure is kept in arrays by position, not in an object per figure:
 * a long series holds hundreds of thousands.
 */
function* tradeBatches(dataDir: string, quotes: QuoteFinder, positions: Map<string, number>): Generator<TradeFigure[]> {
	const values: number[] = [];
	const units: Array<TradeFigure['unit']> = [];
	const currencies: Array<string | null> = [];
	const derived: Array<{index: number; figure: TradeFigure}> = [];
	for (const batch of checkedBatches(dataDir, 'trade', quotes, checkFigure, positions)) {
		for (const record of batch) {
			const figure = record as unknown as TradeFigure;
			if (figure.derived) derived.push({index: values.length, figure});
			values.push(figure.value);
			units.push(figure.unit);
			currencies.push(figure.currency);
		}
		yield batch as unknown as TradeFigure[];
	}
	const shown = displayPath(join(dataDir, 'trade.json'));
	const input = (position: number): DerivationInput => ({value: values[position] as number, unit: units[position] as TradeFigure['unit'], currency: currencies[position] as string | null});
	for (const {index: at, figure} of derived) {
		const {method, inputs: names} = figure.derived as NonNullable<TradeFigure['derived']>;
		const where = {index: at, id: figure.id};
		const missing = names.find((name) => !positions.has(name));
		if (missing !== undefined) throw dataError(shown, `derived from unknown figure "${missing}"`, where);
		const used = names.map((name) => input(positions.get(name) as number));
		const expected = deriveValue(method, used);
		if (expected === undefined) throw dataError(shown, `method ${method} cannot use these inputs`, where);
		// The result is in the unit of the first input (the current value, or the minuend).
		if (figure.unit !== used[0]?.unit || figure.currency !== used[0]?.currency) {
			throw dataError(shown, `a figure derived from ${names[0]} must be in its unit and currency`, where);
		}
		if (!withinRounding(figure.value, expected)) throw dataError(shown, `value ${figure.value} differs from the derived ${expected}`, where);
	}
}

export function loadFactBase({dataDir, seedsDir}: FactPaths): FactBase {
	const sources = readAll<Source>(dataDir, 'sources', undefined);
	if (sources.length === 0) throw dataError(displayPath(join(dataDir, 'sources.json')), 'has no sources; every fact needs one');
	const seeds = new Map<string, string>();
	for (const [index, source] of sources.entries()) {
		try {
			seeds.set(source.id, readText(join(seedsDir, source.file)));
		} catch (error) {
			// Name the record that points at the seed, and what is wrong with it.
			if (!(error instanceof UserError)) throw error;
			throw dataError(displayPath(join(dataDir, 'sources.json')), `its seed ${error.message}`, {index, id: source.id, path: 'file'});
		}
	}
	const quotes = new QuoteFinder(seeds);
	const tradePositions = new Map<string, number>();
	return {
		sources,
		events: readAll(dataDir, 'events', quotes, checkEvent),
		memoranda: readAll(dataDir, 'memoranda', quotes, checkMemorandum),
		companies: readAll(dataDir, 'companies', quotes),
		people: readAll(dataDir, 'people', quotes),
		honours: readAll(dataDir, 'honours', quotes),
		trade: tradeBatches(dataDir, quotes, tradePositions),
		tradePositions,
	};
}
