// The documents behind the facts: each source's text, the passages its facts
// quote (placed once, at load) and its sentences.
import type {FactDatabase} from './database.js';
import {type FactTable, factTables} from './tables.js';

export type Span = [start: number, end: number];

export type StoredDocument = {
	id: string;
	file: string;
	language: string;
	outlet: string | null;
	published: string;
	publishedBasis: string;
	title: string;
	text: string;
};

/** A passage: a stretch of the document some facts quote, and those facts (their own quotes, not an input's borrowed by a derived figure). */
export type StoredPassage = {span: Span; facts: Array<{table: FactTable; id: string}>};

const optional = (value: unknown) => (value === null || value === undefined ? null : String(value));

export function storedDocument(db: FactDatabase, source: string): StoredDocument | undefined {
	const [row] = db.all(
		`SELECT s.id, s.file, s.language, s.outlet, s.published, s.published_basis, s.title, d.text
		 FROM sources s JOIN documents d ON d.source_id = s.id WHERE s.id = ?`,
		[source],
	);
	if (row === undefined) return undefined;
	return {
		id: String(row.id),
		file: String(row.file),
		language: String(row.language),
		outlet: optional(row.outlet),
		published: String(row.published),
		publishedBasis: String(row.published_basis),
		title: String(row.title),
		text: String(row.text),
	};
}

/**
 * The passages of a source, in the document's order (by start, then end);
 * quotes of the same stretch are one passage. The source's quotes are found
 * by their index, and the facts citing them through the citation lists, a
 * table at a time: the citations view would join every quote's text.
 */
export function storedPassages(db: FactDatabase, source: string): StoredPassage[] {
	const citing = factTables
		.map(
			(table) => `SELECT '${table}' AS fact_table, f.id AS fact_id, l.quote_id FROM citation_lists l JOIN ${table} f ON f.citation_list = l.list_id
			 WHERE l.via IS NULL AND l.quote_id IN (SELECT id FROM quotes WHERE source_id = ?)`,
		)
		.join(' UNION ALL ');
	const rows = db.values(
		`SELECT DISTINCT q.passage_start, q.passage_end, c.fact_table, c.fact_id FROM (${citing}) c JOIN quotes q ON q.id = c.quote_id
		 ORDER BY q.passage_start, q.passage_end, c.fact_table, c.fact_id`,
		factTables.map(() => source),
	);
	const passages: StoredPassage[] = [];
	for (const [start, end, table, id] of rows) {
		let last = passages.at(-1);
		if (last === undefined || last.span[0] !== start || last.span[1] !== end) {
			last = {span: [Number(start), Number(end)], facts: []};
			passages.push(last);
		}
		last.facts.push({table: String(table) as FactTable, id: String(id)});
	}
	return passages;
}

/** The first sentence of a source that no passage touches, if any. */
export function firstUncitedSentence(db: FactDatabase, source: string): Span | undefined {
	for (const [start, end] of db.values(
		`SELECT s.sentence_start, s.sentence_end FROM sentences s
		 WHERE s.source_id = ? AND NOT EXISTS (
			SELECT 1 FROM quotes q WHERE q.source_id = s.source_id AND q.passage_start < s.sentence_end AND q.passage_end > s.sentence_start)
		 ORDER BY s.sentence_start LIMIT 1`,
		[source],
	)) {
		return [Number(start), Number(end)];
	}
	return undefined;
}

/** Where a quote of a source stands in its document. */
export function passageOfQuote(db: FactDatabase, source: string, quote: string): Span | undefined {
	for (const [start, end] of db.values('SELECT passage_start, passage_end FROM quotes WHERE source_id = ? AND quote = ?', [source, quote])) {
		return [Number(start), Number(end)];
	}
	return undefined;
}

/** Every source's id, in the order of sources.json. */
export const sourceIds = (db: FactDatabase): string[] => db.all('SELECT id FROM sources ORDER BY rowid').map((row) => String(row.id));
