// Queries about the fact base as a whole: the quotes behind one fact, the
// header's overview, and what `kzrs check` counts.
import type {FactDatabase} from './database.js';
import {type FactTable, factTables} from './tables.js';

export type SourcedQuote = {
	source: string;
	language: string;
	outlet: string | null;
	published: string;
	file: string;
	quote: string;
	spelling: string | null;
	/** The fact the quote stands behind, where it is not the row's own: a derived figure's input, a person's honour. */
	via: string | null;
};

/** Every quote behind a fact, with its source's language, outlet and date. */
export function quotesOf(db: FactDatabase, table: FactTable, id: string): SourcedQuote[] {
	return db
		.all(
			`SELECT c.source_id AS source, s.language, s.outlet, s.published, s.file, c.quote, c.spelling, c.via
			 FROM citations c JOIN sources s ON s.id = c.source_id
			 WHERE c.fact_table = ? AND c.fact_id = ? ORDER BY c.ordinal`,
			[table, id],
		)
		.map((row) => ({
			source: String(row.source),
			language: String(row.language),
			outlet: row.outlet === null ? null : String(row.outlet),
			published: String(row.published),
			file: String(row.file),
			quote: String(row.quote),
			spelling: row.spelling === null ? null : String(row.spelling),
			via: row.via === null ? null : String(row.via),
		}));
}

export type Overview = {sources: number; languages: number; from: string | null; to: string | null};

/** For the header: how many sources and languages, and the span of the timeline. */
export function overviewOf(db: FactDatabase): Overview {
	const [row] = db.all(
		`SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(DISTINCT language) FROM sources) AS languages,
			(SELECT min(date) FROM events) AS "from", (SELECT max(coalesce(end_date, date)) FROM events) AS "to"`,
	);
	const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
	return {sources: Number(row?.sources ?? 0), languages: Number(row?.languages ?? 0), from: text(row?.from), to: text(row?.to)};
}

/** How many records each table holds, citations included. */
export function tallyOf(db: FactDatabase): Record<string, number> {
	const tables = ['sources', ...factTables];
	// Citations: each list's length times the facts that name it, rather than
	// every row of the citations view.
	const uses = factTables.map((table) => `SELECT citation_list AS list, count(*) AS n FROM ${table} GROUP BY citation_list`).join(' UNION ALL ');
	const citations = `SELECT sum(uses.n * entries.n) FROM (${uses}) uses JOIN (SELECT list_id AS list, count(*) AS n FROM citation_lists GROUP BY list_id) entries USING (list)`;
	const [row = {}] = db.all(`SELECT ${tables.map((table) => `(SELECT count(*) FROM ${table}) AS ${table}`).join(', ')}, (${citations}) AS citations`);
	return Object.fromEntries([...tables, 'citations'].map((table) => [table, Number(row[table])]));
}
