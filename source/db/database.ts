// The one place kzrs talks SQL: loading the fact base into an in-memory
// sql.js database and every read the commands and panes make.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import type {Database, default as InitSqlJs, SqlValue} from 'sql.js';
import {foldForSearch} from '../facts/text.js';
import {type Column, type PaneId, paneQueries} from './pane-queries.js';
import {RowWriter, type SqlRuntime} from './row-writer.js';
import type {InsertBatch} from './rows.js';
import {connectionSettings, type FactTable, factTables, indexes, schema} from './schema.js';

export type Value = string | number | null;
export type Row = Record<string, Value>;

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

export type SourcedQuote = {
	source: string;
	language: string;
	outlet: string | null;
	published: string;
	file: string;
	quote: string;
	spelling: string | null;
	/** For a derived figure: the input the quote stands behind. */
	via: string | null;
};

export type TurnoverPoint = {period: string; value: number; derived: boolean; currency: string};

export type SqlResult = {columns: string[]; rows: Value[][]};

let runtime: Promise<SqlRuntime> | undefined;

/** Starts sql.js's WebAssembly early; the .wasm comes from node_modules, never the network. */
export function initialiseSqlJs(): Promise<SqlRuntime> {
	runtime ??= new Promise((resolve, reject) => {
		const require = createRequire(import.meta.url);
		// Required, not imported: Node's import of a CommonJS package first scans
		// its source for export names (about 12 ms of every start).
		const initSqlJs = require('sql.js') as typeof InitSqlJs;
		const wasm = readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'));
		let memory: WebAssembly.Memory | undefined;
		initSqlJs({
			// Instantiated here to keep hold of its memory, which RowWriter writes rows into.
			instantiateWasm(imports, receive) {
				WebAssembly.instantiate(wasm, imports).then(({instance}) => {
					memory = Object.values(instance.exports).find((value) => value instanceof WebAssembly.Memory);
					receive(instance);
				}, reject);
				return {};
			},
		}).then((SQL) => (memory ? resolve({SQL, memory}) : reject(new Error('sql.js gave no WebAssembly memory (was it initialised before kzrs started it?)'))), reject);
	});
	return runtime;
}

/**
 * The column a pane's query reads a row's citation list into, selected last:
 * the citation columns, last in the pane, take its place (see FactDatabase.citedBy).
 */
const citationListColumn = 'citation_list';

/** What a pane selects: its columns, and for a cited pane its citation list. */
function selectList(pane: PaneId): string {
	const {columns, cited} = paneQueries[pane];
	const list = columns.filter((column) => column.sql !== undefined).map((column) => `${column.sql} AS "${column.key}"`);
	if (cited) list.push(`f.citation_list AS "${citationListColumn}"`);
	return list.join(', ');
}

/** A row's values as an object, by the names of its columns in order. */
function rowOf(names: readonly string[], values: readonly Value[]): Row {
	const row: Row = {};
	for (const [index, name] of names.entries()) row[name] = values[index] as Value;
	return row;
}

/** The sources, languages and quotes columns of every row citing one list. */
type CitationColumns = {sources: Value; languages: Value; quotes: Value};

const distinctWords = (values: string[]) => [...new Set(values)].join(' ') || null;

/** A filter as the search columns hold text: folded, without spaces at its ends. Empty: the whole pane. */
const foldedFilter = (filter: string | undefined) => foldForSearch(filter ?? '').trim();

/** GLOB, case-sensitive like the folded text it searches, scans faster than instr() or LIKE; the filter's own wildcards are made literal. */
const globPattern = (folded: string) => `*${folded.replace(/[*?[]/g, (character) => `[${character}]`)}*`;

/**
 * Up to this many matches of a filter are kept by id (see FactDatabase.count):
 * a product's series is a few dozen rows, and a window reads a thousand ids in
 * about a millisecond. A larger bound makes every filter with more matches
 * than that scan further before it is counted.
 */
const fewMatchesAtMost = 1000;
/** How many filters' matches are kept: those of the last few typed, Backspace included. */
const maxKeptFilters = 16;

/** A filter's matches in a pane, by id (see FactDatabase.count). */
type KeptMatches = {pane: PaneId; filter: string; ids: number[]};

export class FactDatabase {
	/** Whether the loading transaction is still open (see schema.ts). */
	private loading = true;

	/** A citation list's columns, read once: every row of a long series shares a few lists. */
	private readonly citationColumns = new Map<number, CitationColumns>();
	/** Panes whose search index exists (see prepareFilter). */
	private readonly filterable = new Set<PaneId>();
	/** The rows the last few filters matched, by id, where they were few (see count); the latest last. */
	private readonly fewMatches: KeptMatches[] = [];

	private constructor(private readonly db: Database) {}

	/**
	 * A database of the batches loading gives (see rows.ts), inserted as they
	 * come: prepared in this thread for a small fact base, or posted by the
	 * loader's thread for a large one, which reads and checks the next ones
	 * meanwhile (see open-database.ts). Closed if they stop with an error.
	 */
	static async open(batches: Iterable<InsertBatch> | AsyncIterable<InsertBatch>): Promise<FactDatabase> {
		const runtime = await initialiseSqlJs();
		const db = new runtime.SQL.Database();
		const database = new FactDatabase(db);
		db.exec(schema);
		// sql.js 1.17 keeps the connection's sqlite3* as `db`, which its own methods pass to SQLite.
		const connection = (db as unknown as {db?: unknown}).db;
		if (typeof connection !== 'number') throw new Error('sql.js keeps no connection in Database.db: kzrs needs sql.js 1.17.0');
		const writer = new RowWriter(runtime, connection);
		try {
			db.exec('BEGIN');
			for await (const batch of batches) {
				if (batch.kind === 'insert') {
					const columns = batch.rows[0]?.length ?? 0;
					writer.insert(`INSERT INTO ${batch.table} VALUES (${Array(columns).fill('?').join(', ')})`, batch.rows);
				} else {
					writer.insert('UPDATE trade SET citation_list = ? WHERE id = ?', batch.rows);
				}
			}
			db.exec(indexes);
			// No COMMIT: see schema.ts and finishLoading().
		} catch (error) {
			db.close();
			throw error;
		} finally {
			writer.close();
		}
		return database;
	}

	/** A database from the SQLite file image of one this module loaded (see prebuilt.ts). */
	static async fromImage(image: Uint8Array): Promise<FactDatabase> {
		const runtime = await initialiseSqlJs();
		const db = new runtime.SQL.Database(image);
		const database = new FactDatabase(db);
		database.loading = false;
		try {
			db.exec(connectionSettings);
		} catch (error) {
			db.close();
			throw error;
		}
		return database;
	}

	/**
	 * Runs a query and gives each row's values, freeing the statement however
	 * the caller stops; `onColumns` is told the column names first.
	 */
	private *queryValues(sql: string, parameters: SqlValue[] = [], onColumns?: (names: string[]) => void): Generator<Value[]> {
		const statement = this.db.prepare(sql);
		try {
			statement.bind(parameters);
			onColumns?.(statement.getColumnNames());
			while (statement.step()) yield statement.get() as Value[];
		} finally {
			statement.free();
		}
	}

	/** Runs a query and gives its rows as objects. */
	private *iterate(sql: string, parameters: SqlValue[] = []): Generator<Row> {
		// Asked once: getAsObject would ask SQLite for the column names again on every row, three times slower.
		let names: string[] = [];
		const rows = this.queryValues(sql, parameters, (columns) => {
			names = columns;
		});
		for (const values of rows) yield rowOf(names, values);
	}

	/** The sources, languages and quotes of the rows that cite a list. */
	private citedBy(list: Value): CitationColumns {
		if (typeof list !== 'number') return {sources: null, languages: null, quotes: null};
		let columns = this.citationColumns.get(list);
		if (columns === undefined) {
			const citations = this.all(
				`SELECT q.source_id, s.language, q.quote FROM citation_lists l JOIN quotes q ON q.id = l.quote_id JOIN sources s ON s.id = q.source_id
				 WHERE l.list_id = ? ORDER BY l.ordinal`,
				[list],
			);
			columns = {
				sources: distinctWords(citations.map((citation) => String(citation.source_id))),
				languages: distinctWords(citations.map((citation) => String(citation.language))),
				quotes: citations.map((citation) => citation.quote).join('\n') || null,
			};
			this.citationColumns.set(list, columns);
		}
		return columns;
	}

	private all(sql: string, parameters: SqlValue[] = []): Row[] {
		return [...this.iterate(sql, parameters)];
	}

	/** A pane's query: its rows, or those the filter matches, read by id when counting found them (see count). */
	private paneSql(pane: PaneId, query: RowQuery, select: string): {sql: string; parameters: SqlValue[]} {
		const parameters: SqlValue[] = [];
		let sql = `SELECT ${select} FROM ${paneQueries[pane].table} f`;
		const filter = foldedFilter(query.filter);
		const matches = this.knownMatches(pane, filter);
		if (matches !== undefined) {
			sql += ' WHERE f.rowid IN (SELECT value FROM json_each(?))';
			parameters.push(JSON.stringify(matches));
		} else if (filter !== '') {
			sql += ' WHERE f.search GLOB ?';
			parameters.push(globPattern(filter));
		}
		return {sql, parameters};
	}

	/** The pane's columns, in order. */
	columns(pane: PaneId): Column[] {
		return paneQueries[pane].columns;
	}

	/**
	 * Readies a pane for filtering: an index of its folded text, which counting
	 * a filter's matches scans instead of the rows. Built when the filter first
	 * opens, not at load: it takes about 0.15 s at 100,000 rows, and
	 * most sessions never filter.
	 */
	prepareFilter(pane: PaneId): void {
		if (this.filterable.has(pane)) return;
		const {table} = paneQueries[pane];
		this.db.exec(`CREATE INDEX IF NOT EXISTS ${table}_by_search ON ${table} (search)`);
		this.filterable.add(pane);
	}

	/**
	 * How many rows of the pane match the filter. The search index is scanned
	 * for the first matches' ids, up to one more than fewMatchesAtMost: when
	 * there are no more, that one scan is the count, and the ids are kept. A
	 * window then reads them by id, where a scan of the rows in order would
	 * read most of the table to fill one, and a longer filter typed after it
	 * looks only among them, since it can match no other row. When there are
	 * more, the scan stopped early, and they are counted.
	 */
	count(pane: PaneId, filter = ''): number {
		const folded = foldedFilter(filter);
		if (folded !== '') {
			this.prepareFilter(pane);
			const known = this.knownMatches(pane, folded);
			if (known !== undefined) return known.length;
			// The latest first: the filter typed just before.
			const among = [...this.fewMatches].reverse().find((matches) => matches.pane === pane && folded.includes(matches.filter));
			const first = this.paneSql(pane, {filter}, 'f.rowid AS id');
			const ids =
				among === undefined
					? this.rowIds(`${first.sql} LIMIT ?`, [...first.parameters, fewMatchesAtMost + 1])
					: this.rowIds(`${first.sql} AND f.rowid IN (SELECT value FROM json_each(?))`, [...first.parameters, JSON.stringify(among.ids)]);
			if (ids.length <= fewMatchesAtMost) {
				this.fewMatches.push({pane, filter: folded, ids});
				if (this.fewMatches.length > maxKeptFilters) this.fewMatches.shift();
				return ids.length;
			}
		}
		const {sql, parameters} = this.paneSql(pane, {filter}, 'count(*) AS n');
		return this.number(sql, parameters);
	}

	/** The kept ids of a filter's matches, if any; finding them keeps them longest. */
	private knownMatches(pane: PaneId, folded: string): number[] | undefined {
		const index = this.fewMatches.findIndex((matches) => matches.pane === pane && matches.filter === folded);
		if (index === -1) return undefined;
		const [matches] = this.fewMatches.splice(index, 1) as [KeptMatches];
		this.fewMatches.push(matches);
		return matches.ids;
	}

	private rowIds(sql: string, parameters: SqlValue[]): number[] {
		return this.all(sql, parameters).map((row) => Number(row.id));
	}

	/** The `n` of a query's one row. */
	private number(sql: string, parameters: SqlValue[] = []): number {
		return Number(this.all(sql, parameters)[0]?.n ?? 0);
	}

	/** A window of the pane's rows, filtered and sorted: what the screen shows or an export writes. */
	rows(pane: PaneId, query: RowQuery = {}): Row[] {
		return [...this.iterateRows(pane, query)];
	}

	*iterateRows(pane: PaneId, query: RowQuery = {}): Generator<Row> {
		const keys = this.columns(pane).map(({key}) => key);
		for (const values of this.iterateValues(pane, query)) yield rowOf(keys, values);
	}

	/**
	 * The pane's rows as values in the order of its columns (see columns()),
	 * without an object for each: what a CSV export writes.
	 */
	*iterateValues(pane: PaneId, query: RowQuery = {}): Generator<Value[]> {
		const {columns, sortable, defaultOrder, cited} = paneQueries[pane];
		const {limit, offset = 0, total} = query;
		const windowed = limit !== undefined && total !== undefined;
		// Nothing matches: nothing to scan the rows for.
		if (windowed && total === 0) return;
		// Past the middle, the same window counted from the end, in reverse order: an index reads as fast backwards.
		const fromEnd = windowed && offset > total / 2;
		const {sql, parameters} = this.paneSql(pane, query, selectList(pane));
		const sortColumn = query.sort && sortable.includes(query.sort) ? columns.find((column) => column.key === query.sort) : undefined;
		const direction = query.descending ? 'DESC' : 'ASC';
		if (sortColumn) this.sortIndex(pane, sortColumn, direction);
		// NULLs last either way, then the file's order, so equal keys keep a stable order.
		const order: Array<[term: string, direction: 'ASC' | 'DESC']> = sortColumn
			? [
					[`${sortColumn.sql} IS NULL`, 'ASC'],
					[sortColumn.sql as string, direction],
					['f.rowid', 'ASC'],
				]
			: defaultOrder.split(', ').map((term) => [term, direction]);
		const reversed = {ASC: 'DESC', DESC: 'ASC'} as const;
		const orderBy = order.map(([term, way]) => `${term} ${fromEnd ? reversed[way] : way}`).join(', ');
		const ordered = limit === undefined ? `${sql} ORDER BY ${orderBy}` : `${sql} ORDER BY ${orderBy} LIMIT ? OFFSET ?`;
		if (limit !== undefined && fromEnd) parameters.push(Math.max(0, Math.min(limit, total - offset)), Math.max(0, total - offset - limit));
		else if (limit !== undefined) parameters.push(limit, offset);
		const rows = cited ? this.withCitations(this.queryValues(ordered, parameters)) : this.queryValues(ordered, parameters);
		if (fromEnd) yield* [...rows].reverse();
		else yield* rows;
	}

	/** A cited pane's rows, their citation list (last in the select list) replaced by the columns it gives, which come last in the pane. */
	private *withCitations(rows: Iterable<Value[]>): Generator<Value[]> {
		for (const values of rows) {
			const {sources, languages, quotes} = this.citedBy(values.pop() ?? null);
			values.push(sources, languages, quotes);
			yield values;
		}
	}

	/**
	 * An index that gives a pane's rows in a sort order (NULLs last, then file
	 * order) without sorting them: a window of a large pane is then read, not
	 * computed. Built on first use, once per column and direction.
	 */
	private sortIndex(pane: PaneId, column: Column, direction: 'ASC' | 'DESC'): void {
		const name = /^f\.(\w+)$/.exec(column.sql ?? '')?.[1];
		if (name === undefined) return;
		const {table} = paneQueries[pane];
		this.db.exec(`CREATE INDEX IF NOT EXISTS ${table}_by_${name}_${direction.toLowerCase()} ON ${table} (${name} IS NULL, ${name} ${direction})`);
	}

	/** Every quote behind a fact, with its source's language, outlet and date. */
	quotes(table: FactTable, id: string): SourcedQuote[] {
		return this.all(
			`SELECT c.source_id AS source, s.language, s.outlet, s.published, s.file, c.quote, c.spelling, c.via
			 FROM citations c JOIN sources s ON s.id = c.source_id
			 WHERE c.fact_table = ? AND c.fact_id = ? ORDER BY c.ordinal`,
			[table, id],
		) as unknown as SourcedQuote[];
	}

	/** The other readings of the quantity a company count measures (disagreeing sources). */
	readings(companyId: string): Array<{id: string; count: number; qualifier: string; sources: string}> {
		return this.all(
			`SELECT r.id, r.count, r.qualifier,
				(SELECT replace(group_concat(DISTINCT c.source_id), ',', ' ') FROM citations c WHERE c.fact_table = 'companies' AND c.fact_id = r.id) AS sources
			 FROM companies r WHERE r.subject = (SELECT subject FROM companies WHERE id = ?) ORDER BY r.rowid`,
			[companyId],
		) as unknown as Array<{id: string; count: number; qualifier: string; sources: string}>;
	}

	/** Turnover totals by period, for the chart: one point per period, the stated figure before a derived one. */
	turnoverSeries(): TurnoverPoint[] {
		return this.all(
			`SELECT period, value, derived, currency FROM (
				SELECT period, value, derived_method IS NOT NULL AS derived, currency,
					row_number() OVER (PARTITION BY period ORDER BY derived_method IS NOT NULL, rowid) AS pick
				FROM trade
				WHERE indicator = 'turnover' AND product IS NULL AND period IS NOT NULL AND unit = 'million'
					AND currency = (SELECT currency FROM trade WHERE indicator = 'turnover' AND product IS NULL ORDER BY rowid LIMIT 1))
			 WHERE pick = 1 ORDER BY period`,
		).map((row) => ({period: String(row.period), value: Number(row.value), derived: row.derived === 1, currency: String(row.currency)}));
	}

	/** The latest total of each headline indicator (not by product), for the figures beside the chart. */
	headlineFigures(): Row[] {
		return this.all(
			`SELECT indicator, label, period, value, unit, currency, qualifier, derived FROM (
				SELECT indicator, label, period, value, unit, currency, qualifier, derived_method IS NOT NULL AS derived,
					row_number() OVER (PARTITION BY indicator ORDER BY period DESC, derived_method IS NOT NULL, rowid) AS pick
				FROM trade WHERE product IS NULL AND indicator IN ('exports', 'imports', 'balance', 'coverage', 'growth', 'investment'))
			 WHERE pick = 1
			 ORDER BY CASE indicator WHEN 'exports' THEN 1 WHEN 'imports' THEN 2 WHEN 'balance' THEN 3 WHEN 'coverage' THEN 4 WHEN 'growth' THEN 5 ELSE 6 END`,
		);
	}

	/** The largest company count among the rows matching the filter: the full length of a bar. */
	largestCompanyCount(filter = ''): number {
		const {sql, parameters} = this.paneSql('companies', {filter}, 'max(f.count) AS n');
		return this.number(sql, parameters);
	}

	/** The memoranda count(s) and how many areas the sources name. */
	memorandaSummary(): {counts: Array<{count: number; qualifier: string}>; namedAreas: number} {
		const counts = this.all("SELECT count, qualifier FROM memoranda WHERE kind = 'count' ORDER BY rowid") as Array<{count: number; qualifier: string}>;
		const namedAreas = Number(this.all("SELECT count(*) AS n FROM memoranda WHERE kind = 'area'")[0]?.n ?? 0);
		return {counts, namedAreas};
	}

	/** For the header: how many sources and languages, and the span of the timeline. */
	overview(): {sources: number; languages: number; from: string | null; to: string | null} {
		const row = this.all(
			`SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(DISTINCT language) FROM sources) AS languages,
				(SELECT min(date) FROM events) AS "from", (SELECT max(coalesce(end_date, date)) FROM events) AS "to"`,
		)[0] as {sources: number; languages: number; from: string | null; to: string | null};
		return row;
	}

	/** How many records each table holds, citations included. */
	tally(): Record<string, number> {
		const tables = ['sources', ...factTables];
		// Citations: each list's length times the facts that name it, rather than
		// every row of the citations view.
		const uses = factTables.map((table) => `SELECT citation_list AS list, count(*) AS n FROM ${table} GROUP BY citation_list`).join(' UNION ALL ');
		const citations = `SELECT sum(uses.n * entries.n) FROM (${uses}) uses JOIN (SELECT list_id AS list, count(*) AS n FROM citation_lists GROUP BY list_id) entries USING (list)`;
		const row = this.all(`SELECT ${tables.map((table) => `(SELECT count(*) FROM ${table}) AS ${table}`).join(', ')}, (${citations}) AS citations`)[0] ?? {};
		return Object.fromEntries([...tables, 'citations'].map((table) => [table, Number(row[table])]));
	}

	/**
	 * A user's query, read-only: SQLite refuses any write, and the guard is set
	 * again before each statement, so a query cannot turn it off for the next.
	 * Gives the last result that has columns (even with no rows); a bad query
	 * throws SQLite's own message.
	 */
	query(sql: string): SqlResult {
		// A user's ROLLBACK must find nothing to undo.
		this.finishLoading();
		let result: SqlResult = {columns: [], rows: []};
		try {
			for (const statement of this.db.iterateStatements(sql)) {
				try {
					this.db.exec('PRAGMA query_only = ON');
					const columns = statement.getColumnNames();
					const rows: Value[][] = [];
					while (statement.step()) rows.push(statement.get() as Value[]);
					if (columns.length > 0) result = {columns, rows};
				} finally {
					statement.free();
				}
			}
		} finally {
			this.db.exec('PRAGMA query_only = OFF');
		}
		return result;
	}

	/** Ends the loading transaction, writing the pages out: only for a user's SQL and for saving. */
	private finishLoading(): void {
		if (!this.loading) return;
		this.db.exec('COMMIT');
		this.loading = false;
	}

	/** The database as a SQLite file image. */
	serialise(): Uint8Array {
		this.finishLoading();
		return this.db.export();
	}

	close(): void {
		this.db.close();
	}
}
