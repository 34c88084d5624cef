// What loading writes into the database, computed from the checked fact base
// without SQL: every table's rows in column order, with the folded search text
// of each row, each distinct quote and citation list numbered once, and the
// lists of derived trade figures last. For a large fact base it runs in the
// loader's thread (see load-worker.ts), beside reading and checking, while the
// main thread inserts.
import type {SqlValue} from 'sql.js';
import {foldForSearch} from '../facts/text.js';
import type {Citation, FactBase} from '../facts/types.js';
import type {FactTable} from './schema.js';

type LoadedTable = 'sources' | 'quotes' | 'citation_lists' | FactTable;

export type InsertBatch =
	/** Rows to insert into a table, each holding all its columns in order. */
	| {kind: 'insert'; table: LoadedTable; rows: SqlValue[][]}
	/** Derived trade figures' citation lists, known once every figure is in. */
	| {kind: 'derived-lists'; rows: Array<[listId: number, tradeId: string]>};

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
function searchTexts(): (...parts: Array<string | number | null | undefined>) => string {
	const folded = new Map<string, string>();
	const fold = (text: string) => {
		let result = folded.get(text);
		if (result === undefined) {
			result = foldForSearch(text);
			folded.set(text, result);
		}
		return result;
	};
	return (...parts) => {
		const kept: string[] = [];
		for (const part of parts) {
			if (part === null || part === undefined) continue;
			// A number's text has nothing to fold.
			const text = typeof part === 'number' ? String(part) : fold(part);
			if (!kept.some((earlier) => earlier.includes(text))) kept.push(text);
		}
		return kept.join(' ');
	};
}

type Cited = Array<Citation & {spelling?: string}>;

export function* insertBatches(facts: FactBase): Generator<InsertBatch> {
	const searchText = searchTexts();
	const quotes = new Registry<[source: string, quote: string]>();
	const lists = new Registry<ListEntry[]>();
	const entriesOf = (citations: Cited) => citations.map(({source, quote, spelling}): ListEntry => [quotes.id(source, quote, [source, quote]), spelling ?? null, null]);
	// Most lists are quote numbers alone: their key is the numbers, without JSON's cost.
	const listOf = (entries: ListEntry[]) =>
		lists.id('', entries.every(([, spelling, via]) => spelling === null && via === null) ? entries.map(([quoteId]) => quoteId).join(',') : JSON.stringify(entries), entries);
	const quotesOf = (citations: Citation[]) => citations.map(({quote}) => quote).join(' ');

	/** The quotes and lists numbered since the last call. */
	function* newQuotesAndLists(): Generator<InsertBatch> {
		const newQuotes = quotes.takeAdded();
		if (newQuotes.length > 0) yield {kind: 'insert', table: 'quotes', rows: newQuotes.map(([id, [source, quote]]) => [id, source, quote])};
		const newLists = lists.takeAdded();
		if (newLists.length > 0) {
			const entries = newLists.flatMap(([id, list]) => list.map(([quoteId, spelling, via], ordinal) => [id, ordinal, quoteId, spelling, via]));
			yield {kind: 'insert', table: 'citation_lists', rows: entries};
		}
	}
	/** Fact rows, each ending with the number of its citation list, which `list` gives (null: set at the end). */
	function* factRows<T>(table: FactTable, records: T[], row: (record: T, list: number | null) => SqlValue[], list: (record: T) => number | null): Generator<InsertBatch> {
		const rows = records.map((record) => row(record, list(record)));
		// The quotes and lists these rows name go in first.
		yield* newQuotesAndLists();
		if (rows.length > 0) yield {kind: 'insert', table, rows};
	}
	const citedBy = (citations: Cited) => listOf(entriesOf(citations));

	yield {
		kind: 'insert',
		table: 'sources',
		rows: facts.sources.map((s) => [s.id, s.file, s.language, s.outlet, s.published, s.published_basis, s.title, searchText(s.id, s.language, s.outlet, s.published, s.title)]),
	};
	yield* factRows('events', facts.events, (e, list) => [e.id, e.date, e.end_date, e.date_basis, e.title, e.place, e.participants.join('; '), e.visit ? 1 : 0, e.status, searchText(e.date, e.title, e.place, e.participants.join(' '), e.status, quotesOf(e.citations)), list], (e) => citedBy(e.citations));
	yield* factRows('memoranda', facts.memoranda, (m, list) => [m.id, m.kind, m.count, m.qualifier, m.area, m.term, searchText(m.kind, m.count, m.area, m.term), list], (m) => citedBy(m.citations));
	yield* factRows('companies', facts.companies, (c, list) => [c.id, c.subject, c.label, c.count, c.qualifier, c.side, searchText(c.label, c.count, c.qualifier, c.side, quotesOf(c.citations)), list], (c) => citedBy(c.citations));
	yield* factRows('people', facts.people, (p, list) => [p.id, p.name, p.role, p.country, p.delegation ? 1 : 0, p.note, searchText(p.name, p.role, p.country, p.spellings.map((s) => s.spelling).join(' ')), list], (p) => citedBy(p.spellings));
	yield* factRows('honours', facts.honours, (h, list) => [h.id, h.name, h.recipient, h.conferred_by, h.description, searchText(h.name, h.recipient, h.description), list], (h) => citedBy(h.citations));

	// Each figure's citation list, and the own quotes of derived figures: the
	// derived figures borrow their inputs' quotes once every figure is in.
	// Each figure's list by its position (see FactBase.tradePositions), which is
	// the order facts.trade gives the figures in; 0 keeps a derived figure's place.
	const listOfFigure: number[] = [];
	const derived = new Map<string, {inputs: string[]; own: ListEntry[]}>();
	for (const batch of facts.trade) {
		yield* factRows('trade', batch, (t, list) => [t.id, t.indicator, t.label, t.period, t.flow, t.product, t.value, t.unit, t.currency, t.qualifier, t.reporter, t.derived?.method ?? null, t.derived?.inputs.join(' ') ?? null, t.derived?.note ?? null, searchText(t.indicator, t.label, t.period, t.flow, t.product, t.value, t.currency, t.derived ? 'derived' : null), list], (t) => {
			if (t.derived) {
				derived.set(t.id, {inputs: t.derived.inputs, own: entriesOf(t.citations)});
				listOfFigure.push(0);
				return null;
			}
			const list = citedBy(t.citations);
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
	const derivedLists = [...derived].map(([id, {inputs, own}]): [number, string] => {
		const borrowed = inputs.flatMap((input) => ownEntries(input).map(([quoteId]): ListEntry => [quoteId, null, input]));
		return [listOf([...own, ...borrowed]), id];
	});
	yield* newQuotesAndLists();
	if (derivedLists.length > 0) yield {kind: 'derived-lists', rows: derivedLists};
}
