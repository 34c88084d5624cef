// Reads data/ and seeds/ into a checked FactBase, or throws a UserError that
// names the file, the record and the field. The trade figures, which a user
// may extend to hundreds of thousands of rows, are checked batch by batch as
// loading reads them, so they are never all in memory at once.
import {join} from 'node:path';
import {dataError, UserError} from '../errors.js';
import {type DerivationInput, deriveValue, withinRounding} from './derive.js';
import {validate} from './fields.js';
import {FoldedDocument, type Span} from './passages.js';
import {type BytesRead, displayPath, type FileToRead, inMebibytes, readRecordBatches, readText, sizeLimits} from './read-file.js';
import {
	type AgendaArea,
	type Citation,
	type CompanyCount,
	type DataFileName,
	type Event,
	type Honour,
	type Memorandum,
	type Person,
	type RecordOf,
	recordShapes,
	type Source,
	type StandingClaim,
	type TradedGood,
	type TradeFigure,
} from './records.js';
import {foldWhitespace} from './text.js';

export type FactPaths = {
	dataDir: string;
	seedsDir: string;
	/** Where the user is: messages name files relative to it. */
	cwd?: string;
	/** Counts the bytes of trade.json read so far. */
	tradeRead?: BytesRead;
};

export type FactBase = {
	sources: Source[];
	events: Event[];
	memoranda: Memorandum[];
	/** Read and checked batch by batch, once: it may hold hundreds of thousands of figures. */
	trade: Iterable<TradeFigure[]>;
	/** Each trade figure's position in trade.json (and in the order `trade` gives them), by id: complete once `trade` has been read. */
	tradePositions: ReadonlyMap<string, number>;
	companies: CompanyCount[];
	people: Person[];
	honours: Honour[];
	agenda: AgendaArea[];
	/** Each source's document, by source id, as kzrs shows it. */
	documents: ReadonlyMap<string, string>;
	/** Where a checked quote stands in its source's document: located once, as it is checked. */
	passageOf: (source: string, quote: string) => Span;
	standing: StandingClaim[];
	goods: TradedGood[];
};

/** A check beyond the record's shape; returns the problem, if any. */
type RecordCheck<Name extends DataFileName> = (record: RecordOf<Name>) => string | undefined;

/** Quotes are compared with runs of whitespace folded, and nothing else; each found is kept as the passage it is. */
class QuoteFinder {
	readonly documents = new Map<string, FoldedDocument>();
	private readonly found = new Map<string, Map<string, Span>>();

	constructor(seeds: ReadonlyMap<string, string>) {
		for (const [id, seedText] of seeds) this.documents.set(id, new FoldedDocument(seedText));
	}

	/** The problem with a citation, or undefined when it is sound. */
	problem(source: string, quote: string): string | undefined {
		const document = this.documents.get(source);
		if (document === undefined) return `unknown source "${source}" (not in sources.json)`;
		let known = this.found.get(source);
		if (!known) {
			known = new Map();
			this.found.set(source, known);
		}
		if (known.has(quote)) return undefined;
		const passage = document.locate(quote);
		if (passage === undefined) return `quote not found verbatim in the seed of source "${source}"`;
		known.set(quote, passage);
		return undefined;
	}

	/** Where a quote already checked stands in its document. */
	passage(source: string, quote: string): Span {
		const passage = this.found.get(source)?.get(quote);
		if (passage === undefined) throw new Error(`quote of "${source}" not checked before it is placed`);
		return passage;
	}
}

/** What a record cites: its citations, or for a person the spellings, each with the quote it occurs in. */
function citationsOf(record: RecordOf<DataFileName>): Array<Citation & {spelling?: string}> {
	if ('spellings' in record) return record.spellings;
	if ('citations' in record) return record.citations;
	return [];
}

/**
 * The records of one data file, a batch at a time, each checked before it is
 * given out. `positions` receives each record's position in the file, by id.
 */
function* checkedBatches<Name extends DataFileName>(
	{dataDir, cwd = process.cwd(), tradeRead}: FactPaths,
	name: Name,
	quotes: QuoteFinder | undefined,
	check?: RecordCheck<Name>,
	positions = new Map<string, number>(),
): Generator<Array<RecordOf<Name>>> {
	const path = join(dataDir, `${name}.json`);
	const shown = displayPath(path, cwd);
	const limit = name === 'trade' ? sizeLimits.streamedDataFile : sizeLimits.dataFile;
	const shape = recordShapes[name];
	const citationField = name === 'people' ? 'spellings' : 'citations';
	const progress = name === 'trade' ? tradeRead : undefined;
	for (const {first, records} of readRecordBatches({path, shown, folder: dataDir, limit, progress})) {
		const checked: Array<RecordOf<Name>> = [];
		for (const [offset, record] of records.entries()) {
			const index = first + offset;
			const id = (record as {id?: unknown} | null)?.id;
			const result = validate(shape, record);
			if (!result.ok) throw dataError(shown, result.problem.message, {index, id, path: result.problem.path});
			const fact = result.value;
			if (positions.has(fact.id)) throw dataError(shown, `duplicate id "${fact.id}"`, {index, id});
			positions.set(fact.id, index);
			for (const [position, {source, quote, spelling}] of citationsOf(fact).entries()) {
				const wrong = quotes?.problem(source, quote);
				if (wrong) throw dataError(shown, wrong, {index, id, path: `${citationField}[${position}]`});
				if (spelling !== undefined && !foldWhitespace(quote).includes(foldWhitespace(spelling))) {
					throw dataError(shown, 'the spelling does not occur in its quote', {index, id, path: `${citationField}[${position}].spelling`});
				}
			}
			const wrong = check?.(fact);
			if (wrong) throw dataError(shown, wrong, {index, id});
			checked.push(fact);
		}
		yield checked;
	}
}

function readAll<Name extends DataFileName>(paths: FactPaths, name: Name, quotes: QuoteFinder | undefined, check?: RecordCheck<Name>): Array<RecordOf<Name>> {
	return [...checkedBatches(paths, name, quotes, check)].flat();
}

const checkEvent: RecordCheck<'events'> = (event) => (event.end_date !== null && event.end_date < event.date ? 'end_date is before date' : undefined);

/** A record's term: the source's own words, which must stand in one of its quotes. */
const termQuoted = (record: {term: string; citations: Citation[]}) => {
	const term = foldWhitespace(record.term);
	return record.citations.some(({quote}) => foldWhitespace(quote).includes(term)) ? undefined : 'the term does not occur in any of its quotes';
};

const checkMemorandum: RecordCheck<'memoranda'> = (memorandum) => {
	if (memorandum.kind === 'count') {
		if (memorandum.count === null || memorandum.qualifier === null) return 'a count needs count and qualifier';
		if (memorandum.area !== null || memorandum.term !== null) return 'a count has no area or term';
		return undefined;
	}
	if (memorandum.area === null || memorandum.term === null) return 'an area needs area and term';
	if (memorandum.count !== null || memorandum.qualifier !== null) return 'an area has no count or qualifier';
	return termQuoted({term: memorandum.term, citations: memorandum.citations});
};

const checkFigure: RecordCheck<'trade'> = (figure) => {
	if ((figure.unit === 'percent') !== (figure.currency === null)) return 'currency must be null for a percent and set for money';
	if (!figure.derived && figure.citations.length === 0) return 'a figure that is not derived needs a citation';
	return undefined;
};

/** Each source that names an area has one stance on it, and each stance stands on that source's quotes. */
const checkAgenda: RecordCheck<'agenda'> = (area) => {
	const cited = new Set(area.citations.map(({source}) => source));
	const seen = new Set<string>();
	for (const [index, {source}] of area.stances.entries()) {
		if (seen.has(source)) return `stances[${index}]: a second stance for source "${source}"; a source has one stance on an area`;
		if (!cited.has(source)) return `stances[${index}]: source "${source}" has no quote among the citations`;
		seen.add(source);
	}
	const without = [...cited].find((source) => !seen.has(source));
	return without === undefined ? undefined : `source "${without}" is cited but has no stance`;
};

/**
 * The trade figures, batch by batch, each one's position in the file recorded
 * in `positions`. A derived figure may name inputs further down the file, so
 * derivations are checked once every figure has been read. What they may use
 * of every figure is kept in arrays by position, not in an object per figure:
 * a long series holds hundreds of thousands.
 */
function* tradeBatches(paths: FactPaths, quotes: QuoteFinder, positions: Map<string, number>): Generator<TradeFigure[]> {
	const values: number[] = [];
	const units: Array<TradeFigure['unit']> = [];
	const currencies: Array<string | null> = [];
	const derived: Array<{index: number; figure: TradeFigure}> = [];
	for (const batch of checkedBatches(paths, 'trade', quotes, checkFigure, positions)) {
		for (const figure of batch) {
			if (figure.derived) derived.push({index: values.length, figure});
			values.push(figure.value);
			units.push(figure.unit);
			currencies.push(figure.currency);
		}
		yield batch;
	}
	const shown = displayPath(join(paths.dataDir, 'trade.json'), paths.cwd ?? process.cwd());
	const input = (position: number): DerivationInput => ({
		value: values[position] as number,
		unit: units[position] as TradeFigure['unit'],
		currency: currencies[position] as string | null,
	});
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

export function checkFactBase(paths: FactPaths): FactBase {
	const {dataDir, seedsDir, cwd = process.cwd()} = paths;
	const sourcesShown = displayPath(join(dataDir, 'sources.json'), cwd);
	const sources = readAll(paths, 'sources', undefined);
	if (sources.length === 0) throw dataError(sourcesShown, 'has no sources; every fact needs one');
	const seeds = new Map<string, string>();
	let seedBytes = 0;
	for (const [index, source] of sources.entries()) {
		// A plain file name (records.ts checks it), so the seed is looked for in the seeds folder and nowhere else.
		const path = join(seedsDir, source.file);
		const seed: FileToRead = {path, shown: displayPath(path, cwd), folder: seedsDir, limit: sizeLimits.seed};
		const where = {index, id: source.id, path: 'file'};
		let seedText: string;
		try {
			seedText = readText(seed);
		} catch (error) {
			// Name the record that points at the seed, and what is wrong with it.
			if (!(error instanceof UserError)) throw error;
			throw dataError(sourcesShown, `its seed ${error.message}`, where);
		}
		seeds.set(source.id, seedText);
		seedBytes += Buffer.byteLength(seedText);
		if (seedBytes > sizeLimits.seeds) {
			throw dataError(sourcesShown, `the seeds named up to here are larger than the ${inMebibytes(sizeLimits.seeds)} they may have together`, where);
		}
	}
	const quotes = new QuoteFinder(seeds);
	const tradePositions = new Map<string, number>();
	return {
		sources,
		events: readAll(paths, 'events', quotes, checkEvent),
		memoranda: readAll(paths, 'memoranda', quotes, checkMemorandum),
		companies: readAll(paths, 'companies', quotes),
		people: readAll(paths, 'people', quotes),
		honours: readAll(paths, 'honours', quotes),
		agenda: readAll(paths, 'agenda', quotes, checkAgenda),
		standing: readAll(paths, 'standing', quotes, termQuoted),
		goods: readAll(paths, 'goods', quotes, termQuoted),
		trade: tradeBatches(paths, quotes, tradePositions),
		tradePositions,
		documents: new Map([...quotes.documents].map(([id, document]) => [id, document.text])),
		passageOf: (source, quote) => quotes.passage(source, quote),
	};
}
