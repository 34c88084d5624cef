// Reading a pane's rows: the window the screen shows, filtered and sorted,
// the count of a filter's matches, and whole exports. A pane says what it
// reads as a PaneQuery (its table, columns, sort keys and order: fixed SQL
// text written in its definition, never user input); user values reach SQL
// only as parameters.
import type {SqlValue} from 'sql.js';
import {foldFilter} from '../facts/text.js';
import {type FactDatabase, type Row, rowOf, type Value} from './database.js';
import {type Matches, SearchText} from './search-text.js';
import {type OrderTerm, SortOrder} from './sort-order.js';

export type ColumnType = 'text' | 'number';
/** A column of a pane's rows; one without `sql` is filled from the row's citations (see citationColumns). */
export type QueryColumn = {key: string; label: string; type: ColumnType; sql?: string};

export type PaneQuery = {
	table: string;
	columns: QueryColumn[];
	/** Keys of the columns a sort may use (`kzrs export --sort`). */
	sortable: readonly string[];
	/**
	 * Sort keys whose values compare only within groups, and the SQL of the
	 * columns that make a group: values in different units (percentages and
	 * money) are never ordered as one series. Groups come in ascending order,
	 * whichever way the values go.
	 */
	sortWithin?: Readonly<Record<string, readonly string[]>>;
	/**
	 * What a sort by these keys orders by, where the stored column is not what
	 * the pane shows (a code shown as words): fixed SQL text, like the columns'.
	 */
	sortBy?: Readonly<Record<string, string>>;
	/** Order when no column is chosen: the curated order of the data file, or time. */
	defaultOrder: string;
	/** Whether rows carry sources, languages and quotes (see citationColumns). */
	cited: boolean;
};

export type RowQuery = {
	/** Text to find, folded like the search columns; empty for all rows. */
	filter?: string;
	/** A key of the pane's sortable columns; undefined for the pane's own order. */
	sort?: string;
	descending?: boolean;
	offset?: number;
	limit?: number;
	/**
	 * How many rows match, when the caller knows it (it must be exact): a
	 * window past the middle is then read from the end, so reaching any row of
	 * a large pane (the last, with G) steps over at most half of them.
	 */
	total?: number;
};

/**
 * The sources, languages and quotes behind a fact row, filled in from the
 * row's citation list. They come last in a cited pane's columns, in the place
 * of the list, which the pane's query selects last.
 */
export const citationColumns: QueryColumn[] = [
	{key: 'sources', label: 'Sources', type: 'text'},
	{key: 'languages', label: 'Languages', type: 'text'},
	{key: 'quotes', label: 'Quotes', type: 'text'},
];

/** A column of a pane's table, selected as it is stored. */
export const column = (key: string, label: string, type: ColumnType = 'text', sql = `f.${key}`): QueryColumn => ({key, label, type, sql});

type CitationValues = {sources: Value; languages: Value; quotes: Value};

const distinctWords = (values: string[]) => [...new Set(values)].join(' ') || null;

/** The pattern a filter matches folded text with: GLOB, case-sensitive like the text, scans faster than instr() or LIKE. */
type Pattern = string;

/** A folded filter's pattern, its own wildcards made literal. */
const globPattern = (folded: string): Pattern => `*${folded.replace(/[*?[]/g, (character) => `[${character}]`)}*`;

/** What a sort by the column orders by. */
const sortSql = (pane: PaneQuery, column: QueryColumn): string => pane.sortBy?.[column.key] ?? (column.sql as string);

/** Whether a query reads every row its ranks hold (no filter): a row's rank is then its place in the order, from 1. */
const everyRowRanked = (ranks: SortOrder | undefined, query: RowQuery): ranks is SortOrder => ranks !== undefined && foldFilter(query.filter) === '';

/** A sort by `column`: NULLs last either way, then the column's groups, then its values; equal rows keep file order (rowid) after these. */
function sortTerms(pane: PaneQuery, column: QueryColumn, descending: boolean): OrderTerm[] {
	const key = sortSql(pane, column);
	const groups = (pane.sortWithin?.[column.key] ?? []).map((sql) => ({sql, descending: false}));
	return [{sql: `${key} IS NULL`, descending: false}, ...groups, {sql: key, descending}];
}

/** What a pane selects: its columns, and for a cited pane its citation list, last. */
function selectList({columns, cited}: PaneQuery): string {
	const list = columns.filter((column) => column.sql !== undefined).map((column) => `${column.sql} AS "${column.key}"`);
	if (cited) list.push('f.citation_list AS "citation_list"');
	return list.join(', ');
}

/**
 * Up to this many matches of a filter are kept by id (see count): a product's
 * series is a few dozen rows, and a window reads a thousand ids in about a
 * millisecond. A larger bound makes every filter with more matches than that
 * scan further before it is counted.
 */
const fewMatchesAtMost = 1000;
/** How many filters' matches are kept: those of the last few typed, Backspace included. */
const maxKeptFilters = 16;

type KeptMatches = {table: string; filter: string; ids: number[]};

export class PaneReader {
	/** A citation list's columns, read once: every row of a long series shares a few lists. */
	private readonly citationValues = new Map<number, CitationValues>();
	/** Each table's search text, as far as it is read (see prepareFilter). */
	private readonly searchTexts = new Map<string, SearchText>();
	/** The rows the last few filters matched, by id, where they were few (see count); the latest last. */
	private readonly fewMatches: KeptMatches[] = [];
	/** The citation lists holding a quote that the last few filters match (see listsQuoting). */
	private readonly quotingLists = new Map<Pattern, number[]>();
	/** Each sort order asked for, as far as it is made, by its table of ranks (see prepareOrder). */
	private readonly orders = new Map<string, SortOrder>();

	/**
	 * Whether rows are still being inserted: no index is built meanwhile (each
	 * would slow every insert after it), and what counting kept is forgotten
	 * as rows come (see rowsAdded).
	 */
	private growing = false;
	/** While rows are inserted: each filter's matches so far, by table and folded filter, and the last rowid counted (see countGrowing). */
	private readonly grownCounts = new Map<string, {count: number; through: number}>();

	constructor(readonly db: FactDatabase) {}

	/** Rows were inserted since the last call, and more may come until `whole`. */
	rowsAdded(whole: boolean): void {
		this.growing = !whole;
		this.fewMatches.length = 0;
		this.quotingLists.clear();
		this.searchTexts.clear();
		for (const name of this.orders.keys()) this.db.run(`DROP TABLE IF EXISTS temp.${name}`);
		this.orders.clear();
		if (whole) this.grownCounts.clear();
	}

	/**
	 * A count while rows are still being inserted, which they are in rowid
	 * order: the rows counted before stay counted, and only those inserted
	 * since are scanned, so that a filter on a table still loading does not
	 * scan all of it at every progress report.
	 */
	private countGrowing(pane: PaneQuery, filter: string): number {
		const key = `${pane.table}\0${foldFilter(filter)}`;
		const before = this.grownCounts.get(key) ?? {count: 0, through: 0};
		const through = this.db.number(`SELECT max(rowid) FROM ${pane.table}`);
		const {sql, parameters} = this.paneSql(pane, {filter}, 'count(*) AS n');
		const since = `${sql} ${sql.includes(' WHERE ') ? 'AND' : 'WHERE'} f.rowid > ? AND f.rowid <= ?`;
		const counted = {count: before.count + this.db.number(since, [...parameters, before.through, through]), through};
		this.grownCounts.set(key, counted);
		return counted.count;
	}

	/**
	 * Readies a pane for filtering, `rows` rows a step: its search text, read
	 * into memory (see SearchText). Not read at load, where exports and queries
	 * would pay for it too: the dashboard reads it in steps once every row is
	 * in (0.2 s at 100,000 rows), between keys. True once it is whole; until
	 * then a filter scans the table.
	 */
	prepareFilter({table, cited}: PaneQuery, rows: number): boolean {
		this.requireSearchTexts();
		if (this.growing) return false;
		let text = this.searchTexts.get(table);
		if (text === undefined) {
			text = new SearchText(table, cited);
			this.searchTexts.set(table, text);
		}
		return text.extend(this.db, rows);
	}

	/**
	 * How many rows of the pane match the filter. The ids of the first
	 * matches, up to fewMatchesAtMost, are kept when there are no more: a
	 * window then reads them by id, where a scan of the rows in order would
	 * read most of the table to fill one, and a longer filter typed after it
	 * looks only among them, since it can match no other row. The pane's
	 * search text, once read, answers both; until then the table is scanned
	 * for them, and when there are more matches, again to count them.
	 */
	count(pane: PaneQuery, filter = ''): number {
		if (this.growing) return this.countGrowing(pane, filter);
		const folded = foldFilter(filter);
		if (folded === '') return this.db.number(`SELECT count(*) AS n FROM ${pane.table}`);
		const known = this.knownMatches(pane.table, folded);
		if (known !== undefined) return known.length;
		const found =
			this.searchTexts.get(pane.table)?.matches(folded, pane.cited ? this.listsQuoting(globPattern(folded)) : [], fewMatchesAtMost) ??
			this.firstMatches(pane, filter, folded);
		if (found.count <= fewMatchesAtMost) {
			this.fewMatches.push({table: pane.table, filter: folded, ids: found.ids});
			if (this.fewMatches.length > maxKeptFilters) this.fewMatches.shift();
		}
		return found.count;
	}

	/** A filter's first matches by scanning the table, and their count. */
	private firstMatches(pane: PaneQuery, filter: string, folded: string): Matches {
		// The latest first: the filter typed just before.
		const among = [...this.fewMatches].reverse().find((matches) => matches.table === pane.table && folded.includes(matches.filter));
		const first = this.paneSql(pane, {filter}, 'f.rowid AS id');
		const ids =
			among === undefined
				? this.rowIds(`${first.sql} LIMIT ?`, [...first.parameters, fewMatchesAtMost + 1])
				: this.rowIds(`${first.sql} AND f.rowid IN (SELECT value FROM json_each(?))`, [...first.parameters, JSON.stringify(among.ids)]);
		if (ids.length <= fewMatchesAtMost) return {count: ids.length, ids};
		const {sql, parameters} = this.paneSql(pane, {filter}, 'count(*) AS n');
		return {count: this.db.number(sql, parameters), ids: []};
	}

	/** The pane's rows (a window of them, given offset and limit), filtered and sorted, as objects keyed by column. */
	*rows(pane: PaneQuery, query: RowQuery = {}): Generator<Row> {
		const keys = pane.columns.map(({key}) => key);
		for (const values of this.values(pane, query)) yield rowOf(keys, values);
	}

	/** The pane's rows as values in the order of its columns, without an object for each: what a CSV export writes. */
	*values(pane: PaneQuery, query: RowQuery = {}): Generator<Value[]> {
		const {limit, offset = 0, total} = query;
		const windowed = limit !== undefined && total !== undefined;
		// Nothing matches: nothing to scan the rows for.
		if (windowed && total === 0) return;
		const ranks = this.ranks(pane, query);
		// Every row ranked, 1 to the last: a window is a range of ranks, however far down.
		const rankRange = limit !== undefined && everyRowRanked(ranks, query);
		// Past the middle, the same window counted from the end, in reverse order: an index reads as fast backwards.
		const fromEnd = !rankRange && windowed && offset > total / 2;
		const {sql, parameters} = this.paneSql(pane, query, selectList(pane), ranks);
		let ordered: string;
		if (rankRange) {
			ordered = `${sql} WHERE r.rank > ? AND r.rank <= ? ORDER BY r.rank`;
			parameters.push(offset, offset + limit);
		} else {
			const orderBy = this.orderBy(pane, query, fromEnd, ranks);
			ordered = limit === undefined ? `${sql} ORDER BY ${orderBy}` : `${sql} ORDER BY ${orderBy} LIMIT ? OFFSET ?`;
			if (limit !== undefined && fromEnd) parameters.push(Math.max(0, Math.min(limit, total - offset)), Math.max(0, total - offset - limit));
			else if (limit !== undefined) parameters.push(limit, offset);
		}
		const rows = pane.cited ? this.withCitations(this.db.values(ordered, parameters)) : this.db.values(ordered, parameters);
		if (fromEnd) yield* [...rows].reverse();
		else yield* rows;
	}

	/** A row's index in the pane's own order, without a filter; undefined for an id the pane does not have. */
	positionOfId({table, defaultOrder}: PaneQuery, id: string): number | undefined {
		const rows = this.db.values(`SELECT n FROM (SELECT f.id AS id, row_number() OVER (ORDER BY ${defaultOrder}) - 1 AS n FROM ${table} f) WHERE id = ?`, [id]);
		for (const [n] of rows) return Number(n);
		return undefined;
	}

	/**
	 * Where the row at `index` of the rows `from` gives stands among the rows
	 * `to` gives (the same filter, another order): a new sort keeps the
	 * selected row selected. 0 when there is no such row.
	 */
	position(pane: PaneQuery, from: RowQuery, index: number, to: RowQuery): number {
		const id = this.idAt(pane, from, index);
		if (id === undefined) return 0;
		const toRanks = this.ranks(pane, to);
		if (everyRowRanked(toRanks, to)) return this.db.number(`SELECT rank - 1 FROM temp.${toRanks.name} WHERE row = ?`, [id]);
		const ranked = this.paneSql(pane, to, `f.rowid AS id, row_number() OVER (ORDER BY ${this.orderBy(pane, to, false, toRanks)}) - 1 AS place`, toRanks);
		const [place] = this.rowIds(`SELECT place FROM (${ranked.sql}) WHERE id = ?`, [...ranked.parameters, id]);
		return place ?? 0;
	}

	/** The rowid of the row at `index` among those `query` gives; undefined past the last. */
	private idAt(pane: PaneQuery, query: RowQuery, index: number): number | undefined {
		const ranks = this.ranks(pane, query);
		if (everyRowRanked(ranks, query)) return this.rowIds(`SELECT row FROM temp.${ranks.name} WHERE rank = ?`, [index + 1])[0];
		const {sql, parameters} = this.paneSql(pane, query, 'f.rowid AS id', ranks);
		return this.rowIds(`${sql} ORDER BY ${this.orderBy(pane, query, false, ranks)} LIMIT 1 OFFSET ?`, [...parameters, Math.max(0, index)])[0];
	}

	/**
	 * Makes a sort order ready to read a pane's rows in, up to `rows` rows'
	 * worth of work a step (see SortOrder): whether it is whole, and how much
	 * of it is made. An order that needs no making (none chosen, or rows
	 * still coming, which are sorted as they are read) is whole at once.
	 */
	prepareOrder(pane: PaneQuery, query: RowQuery, rows: number): {whole: boolean; share: number} {
		const order = this.sortOrder(pane, query);
		if (order === undefined) return {whole: true, share: 1};
		order.extend(this.db, rows);
		return {whole: order.whole, share: order.share};
	}

	/** Whether making this order is more than `rows` rows' worth of work: a wait the screen should show. */
	orderTakesSteps(pane: PaneQuery, query: RowQuery, rows: number): boolean {
		const order = this.sortOrder(pane, query);
		return order !== undefined && !order.whole && this.db.number(`SELECT count(*) AS n FROM ${pane.table}`) > rows;
	}

	/** The sort order a query asks for, kept as it is made; none without a sort, or while rows are still coming. */
	private sortOrder(pane: PaneQuery, query: RowQuery): SortOrder | undefined {
		const column = this.sortColumn(pane, query);
		if (column === undefined || this.growing) return undefined;
		const name = `sorted_${pane.table}_${column.key}_${query.descending ? 'desc' : 'asc'}`;
		let order = this.orders.get(name);
		if (order === undefined) {
			order = new SortOrder(pane.table, name, sortTerms(pane, column, query.descending === true));
			this.orders.set(name, order);
		}
		return order;
	}

	/**
	 * The ranks a sorted query reads its rows by, once they are made whole; not
	 * for a filter whose few matches are known by id, which SQLite sorts at once.
	 */
	private ranks(pane: PaneQuery, query: RowQuery): SortOrder | undefined {
		const folded = foldFilter(query.filter);
		if (folded !== '' && this.fewMatches.some((matches) => matches.table === pane.table && matches.filter === folded)) return undefined;
		const order = this.sortOrder(pane, query);
		return order?.whole ? order : undefined;
	}

	/** The ORDER BY terms of a query (reversed for a window read from the end): its ranks, when it is read by them. */
	private orderBy(pane: PaneQuery, query: RowQuery, fromEnd = false, ranks?: SortOrder): string {
		if (ranks !== undefined) return `r.rank ${fromEnd ? 'DESC' : 'ASC'}`;
		const sortColumn = this.sortColumn(pane, query);
		const descending = query.descending === true;
		const order: OrderTerm[] = sortColumn
			? [...sortTerms(pane, sortColumn, descending), {sql: 'f.rowid', descending: false}]
			: pane.defaultOrder.split(', ').map((sql) => ({sql, descending}));
		return order.map(({sql, descending: down}) => `${sql} ${down !== fromEnd ? 'DESC' : 'ASC'}`).join(', ');
	}

	private sortColumn({columns, sortable}: PaneQuery, query: RowQuery): QueryColumn | undefined {
		return query.sort && sortable.includes(query.sort) ? columns.find((column) => column.key === query.sort) : undefined;
	}

	/** The largest value of a column among the rows the filter matches. */
	largest(pane: PaneQuery, column: string, filter = ''): number {
		const {sql, parameters} = this.paneSql(pane, {filter}, `max(f.${column}) AS n`);
		return this.db.number(sql, parameters);
	}

	/**
	 * A pane's query: its rows, or those the filter matches, read by id when
	 * counting found them (see count); joined to their ranks, `r`, first, when
	 * they are read in that order.
	 */
	private paneSql(pane: PaneQuery, query: RowQuery, select: string, ranks?: SortOrder): {sql: string; parameters: SqlValue[]} {
		const parameters: SqlValue[] = [];
		// CROSS JOIN: the ranks are read in their order, each row looked up by its rowid.
		const from = ranks === undefined ? `${pane.table} f` : `temp.${ranks.name} r CROSS JOIN ${pane.table} f ON f.rowid = r.row`;
		let sql = `SELECT ${select} FROM ${from}`;
		const filter = foldFilter(query.filter);
		if (filter !== '') this.requireSearchTexts();
		const matches = this.knownMatches(pane.table, filter);
		if (matches !== undefined) {
			sql += ' WHERE f.rowid IN (SELECT value FROM json_each(?))';
			parameters.push(JSON.stringify(matches));
		} else if (filter !== '') {
			const pattern = globPattern(filter);
			const lists = pane.cited ? this.listsQuoting(pattern) : [];
			if (lists.length === 0) {
				sql += ' WHERE f.search GLOB ?';
				parameters.push(pattern);
			} else {
				sql += ' WHERE (f.search GLOB ? OR f.citation_list IN (SELECT value FROM json_each(?)))';
				parameters.push(pattern, JSON.stringify(lists));
			}
		}
		return {sql, parameters};
	}

	/**
	 * The citation lists that hold a quote the pattern matches: a row matches a
	 * filter by what it shows or by its quotes. The quotes are searched in their
	 * own table, each once, however many rows cite it; the answer is kept for the
	 * few filters typed last, as a keystroke reads a pane more than once.
	 */
	private listsQuoting(pattern: Pattern): number[] {
		this.requireSearchTexts();
		let lists = this.quotingLists.get(pattern);
		if (lists === undefined) {
			lists = this.rowIds('SELECT DISTINCT l.list_id FROM quotes q JOIN citation_lists l ON l.quote_id = q.id WHERE q.search GLOB ?', [pattern]);
			this.quotingLists.set(pattern, lists);
			// Maps iterate in insertion order: the first key is the oldest.
			if (this.quotingLists.size > maxKeptFilters) this.quotingLists.delete(this.quotingLists.keys().next().value as Pattern);
		}
		return lists;
	}

	/** A filter reads search texts: on a database loaded without them (see load/open.ts), it would silently match nothing. */
	private requireSearchTexts(): void {
		if (!this.db.searchable) throw new Error('a filter on a database loaded without search texts');
	}

	/** The kept ids of a filter's matches, if any; finding them keeps them longest. */
	private knownMatches(table: string, folded: string): number[] | undefined {
		const index = this.fewMatches.findIndex((matches) => matches.table === table && matches.filter === folded);
		if (index === -1) return undefined;
		const [matches] = this.fewMatches.splice(index, 1) as [KeptMatches];
		this.fewMatches.push(matches);
		return matches.ids;
	}

	private rowIds(sql: string, parameters: SqlValue[]): number[] {
		return [...this.db.values(sql, parameters)].map(([id]) => Number(id));
	}

	/** A cited pane's rows, their citation list (last in the select list) replaced by the columns it gives, which come last in the pane. */
	private *withCitations(rows: Iterable<Value[]>): Generator<Value[]> {
		for (const values of rows) {
			const {sources, languages, quotes} = this.citedBy(values.pop() ?? null);
			values.push(sources, languages, quotes);
			yield values;
		}
	}

	/** The sources, languages and quotes of the rows that cite a list. */
	private citedBy(list: Value): CitationValues {
		if (typeof list !== 'number') return {sources: null, languages: null, quotes: null};
		let values = this.citationValues.get(list);
		if (values === undefined) {
			const citations = this.db.all(
				`SELECT q.source_id, s.language, q.quote FROM citation_lists l JOIN quotes q ON q.id = l.quote_id JOIN sources s ON s.id = q.source_id
				 WHERE l.list_id = ? ORDER BY l.ordinal`,
				[list],
			);
			values = {
				sources: distinctWords(citations.map((citation) => String(citation.source_id))),
				languages: distinctWords(citations.map((citation) => String(citation.language))),
				quotes: citations.map((citation) => citation.quote).join('\n') || null,
			};
			this.citationValues.set(list, values);
		}
		return values;
	}
}
