// What loading writes into the database, computed from the checked fact base
// without SQL: every table's rows, their columns named by tables.ts, with the
// folded search text of each row, each distinct quote (with its folded text)
// and citation list numbered once, and the lists of derived trade figures
// last. For a large fact base it runs in the loader's thread (see worker.ts),
// beside reading and checking, while the main thread inserts.
import type {SqlValue} from 'sql.js';
import type {InsertBatch} from '../db/database.js';
import {type FactTable, type SearchContext, type SearchPart, tables} from '../db/tables.js';
import type {FactBase} from '../facts/check.js';
import {sentenceSpans} from '../facts/passages.js';
import type {DataFileName, RecordOf} from '../facts/records.js';
import {foldForSearch} from '../facts/text.js';
import {amountText} from '../text/shown.js';

/** One entry of a citation list: a quote, the spelling it attests, the input it came through. */
type ListEntry = [quoteId: number, spelling: string | null, via: string | null];

/**
 * Numbers each distinct value once, by a group and a key within it, and gives
 * out the new ones when asked. Two levels, not one joined key: a quote is
 * found by its source, then by its text, a string the checks have already
 * hashed, so looking it up builds nothing.
 */
class Registry<T> {
	private readonly ids = new Map<string, Map<string, number>>();
	private readonly values: T[] = [];
	private added: Array<[number, T]> = [];

	id(group: string, key: string, value: T): number {
		let inGroup = this.ids.get(group);
		if (inGroup === undefined) {
			inGroup = new Map();
			this.ids.set(group, inGroup);
		}
		let id = inGroup.get(key);
		if (id === undefined) {
			this.values.push(value);
			id = this.values.length;
			inGroup.set(key, id);
			this.added.push([id, value]);
		}
		return id;
	}

	/** The value numbered `id`, if any. */
	value(id: number): T | undefined {
		return this.values[id - 1];
	}

	/** The values numbered since the last call. */
	takeAdded(): Array<[number, T]> {
		const added = this.added;
		this.added = [];
		return added;
	}
}

/**
 * The folded search text of a row's parts. A part already inside the text adds
 * nothing to find (a product named in its label, say) and would only lengthen
 * every filter's scan. Folding is memoised, for one load: a long series
 * repeats the same labels and products.
 */
function searchTexts(): (parts: SearchPart[]) => string {
	const folded = new Map<string, string>();
	const fold = (text: string) => {
		let result = folded.get(text);
		if (result === undefined) {
			result = foldForSearch(text);
			folded.set(text, result);
		}
		return result;
	};
	return (parts) => {
		const kept: string[] = [];
		for (const part of parts) {
			if (part === null || part === undefined) continue;
			// A number's text has nothing to fold, nor an amount's figure, which differs from row to row.
			const text =
				typeof part === 'number' ? String(part) : typeof part === 'string' ? fold(part) : amountText({figure: part.figure, measure: fold(part.measure)});
			if (!kept.some((earlier) => earlier.includes(text))) kept.push(text);
		}
		return kept.join(' ');
	};
}

/** The languages of the sources a row cites, each once, as a pane lists them. */
function languagesOf(sources: ReadonlyArray<{id: string; language: string}>): SearchContext['languages'] {
	const language = new Map(sources.map(({id, language}) => [id, language]));
	return (citations) => [...new Set(citations.map(({source}) => language.get(source)))].join(' ');
}

/**
 * `items.map(make)`, built by push: map's and flatMap's arrays have holes
 * until they are filled, and postMessage writes an array that ever had holes
 * key by key, which made posting the loader's batches twice as slow (see
 * BENCHMARKS.md).
 */
function rowsOf<Item, Row>(items: Iterable<Item>, make: (item: Item) => Row): Row[] {
	const rows: Row[] = [];
	for (const item of items) rows.push(make(item));
	return rows;
}

/** Each source's document and its sentences. */
function* documentRows({sources, documents}: FactBase): Generator<InsertBatch> {
	const texts = rowsOf(sources, ({id}): SqlValue[] => [id, documents.get(id) ?? '']);
	yield {kind: 'insert', table: 'documents', rows: texts};
	const sentences: SqlValue[][] = [];
	for (const {id, language} of sources) for (const [start, end] of sentenceSpans(documents.get(id) ?? '', language)) sentences.push([id, start, end]);
	if (sentences.length > 0) yield {kind: 'insert', table: 'sentences', rows: sentences};
}

type Cited = Array<{source: string; quote: string; spelling?: string}>;

/** `searchable`: whether rows get the folded text a filter searches (see OpenOptions). */
export function* insertBatches(facts: FactBase, {searchable = true} = {}): Generator<InsertBatch> {
	const searchText = searchTexts();
	const context: SearchContext = {languages: languagesOf(facts.sources)};
	const quotes = new Registry<[source: string, quote: string]>();
	const lists = new Registry<ListEntry[]>();
	const entriesOf = (citations: Cited) =>
		citations.map(({source, quote, spelling}): ListEntry => [quotes.id(source, quote, [source, quote]), spelling ?? null, null]);
	// Most lists are quote numbers alone: their key is the numbers, without JSON's cost.
	const listOf = (entries: ListEntry[]) =>
		lists.id(
			'',
			entries.every(([, spelling, via]) => spelling === null && via === null) ? entries.map(([quoteId]) => quoteId).join(',') : JSON.stringify(entries),
			entries,
		);

	/** The quotes and lists numbered since the last call. */
	function* newQuotesAndLists(): Generator<InsertBatch> {
		const newQuotes = quotes.takeAdded();
		if (newQuotes.length > 0)
			yield {
				kind: 'insert',
				table: 'quotes',
				rows: rowsOf(newQuotes, ([id, [source, quote]]) => [id, source, quote, searchable ? foldForSearch(quote) : '', ...facts.passageOf(source, quote)]),
			};
		const newLists = lists.takeAdded();
		if (newLists.length > 0) {
			const rows: SqlValue[][] = [];
			for (const [id, list] of newLists) for (const [ordinal, [quoteId, spelling, via]] of list.entries()) rows.push([id, ordinal, quoteId, spelling, via]);
			yield {kind: 'insert', table: 'citation_lists', rows};
		}
	}

	/** A record's row: its columns, its search text and, for a cited table, the number of its citation list (null: set at the end). */
	function rowOf<Name extends DataFileName>(name: Name, record: RecordOf<Name>, list: number | null): SqlValue[] {
		const table = tables[name];
		const row: SqlValue[] = [];
		for (const column of table.columns) row.push(column.value(record));
		row.push(searchable ? searchText(table.search(record, context)) : '');
		if (table.cited) row.push(list);
		return row;
	}

	/** Fact rows, each citing the list `list` gives it; the quotes and lists they name go in first. */
	function* factRows<Name extends FactTable>(
		name: Name,
		records: Array<RecordOf<Name>>,
		list: (record: RecordOf<Name>) => number | null,
	): Generator<InsertBatch> {
		const rows = rowsOf(records, (record) => rowOf(name, record, list(record)));
		yield* newQuotesAndLists();
		if (rows.length > 0) yield {kind: 'insert', table: name, rows};
	}
	const citedBy =
		<Name extends FactTable>(name: Name) =>
		(record: RecordOf<Name>) =>
			listOf(entriesOf(tables[name].citations(record)));

	yield {kind: 'insert', table: 'sources', rows: rowsOf(facts.sources, (source) => rowOf('sources', source, null))};
	yield* documentRows(facts);
	yield* factRows('events', facts.events, citedBy('events'));
	yield* factRows('memoranda', facts.memoranda, citedBy('memoranda'));
	yield* factRows('companies', facts.companies, citedBy('companies'));
	yield* factRows('people', facts.people, citedBy('people'));
	yield* factRows('honours', facts.honours, citedBy('honours'));
	yield* factRows('agenda', facts.agenda, citedBy('agenda'));
	yield* factRows('standing', facts.standing, citedBy('standing'));
	yield* factRows('goods', facts.goods, citedBy('goods'));

	// Each figure's citation list, and the own quotes of derived figures: the
	// derived figures borrow their inputs' quotes once every figure is in.
	// Each figure's list by its position (see FactBase.tradePositions), which is
	// the order facts.trade gives the figures in; 0 keeps a derived figure's place.
	const listOfFigure: number[] = [];
	const derived = new Map<string, {inputs: string[]; own: ListEntry[]}>();
	for (const batch of facts.trade) {
		yield* factRows('trade', batch, (figure) => {
			if (figure.derived) {
				derived.set(figure.id, {inputs: figure.derived.inputs, own: entriesOf(figure.citations)});
				listOfFigure.push(0);
				return null;
			}
			const list = listOf(entriesOf(figure.citations));
			listOfFigure.push(list);
			return list;
		});
	}
	const ownEntries = (id: string): ListEntry[] => {
		const position = facts.tradePositions.get(id);
		const list = position === undefined ? undefined : listOfFigure[position];
		return derived.get(id)?.own ?? (list === undefined ? [] : (lists.value(list) ?? []));
	};
	// Its own quotes, then each input's own quotes, with via naming the input.
	const derivedLists = rowsOf(derived, ([id, {inputs, own}]): [number, string] => {
		const borrowed = inputs.flatMap((input) => ownEntries(input).map(([quoteId]): ListEntry => [quoteId, null, input]));
		return [listOf([...own, ...borrowed]), id];
	});
	yield* newQuotesAndLists();
	if (derivedLists.length > 0) yield {kind: 'derived-lists', rows: derivedLists};
}
