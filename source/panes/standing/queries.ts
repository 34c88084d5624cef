// What the standing pane reads: fixed SQL text, run by the database modules.
import type {FactDatabase} from '../../db/database.js';
import {citationColumns, column, type PaneQuery} from '../../db/pane-reads.js';
import {standingKindWords} from '../../text/shown.js';

/** A claim's kind as the pane shows it ("called", "thanks"), so that a sort by kind follows what is read. */
const kindAsShown = `CASE f.kind ${Object.entries(standingKindWords)
	.map(([code, words]) => `WHEN '${code.replaceAll("'", "''")}' THEN '${words.replaceAll("'", "''")}'`)
	.join(' ')} ELSE f.kind END`;

export const query: PaneQuery = {
	table: 'standing',
	columns: [
		column('id', 'Id'),
		column('kind', 'Kind'),
		column('claim', 'Claim'),
		column('speaker', 'Speaker'),
		column('wording', 'Wording'),
		column('term', 'Original words'),
		column('subject', 'Subject'),
		column('readings', 'Readings of subject', 'number', '(SELECT count(*) FROM standing r WHERE r.subject = f.subject)'),
		column('note', 'Note'),
		...citationColumns,
	],
	sortable: ['kind', 'claim', 'speaker'],
	sortBy: {kind: kindAsShown},
	defaultOrder: 'f.rowid',
	cited: true,
};

export type Wording = {id: string; subject: string; wording: string; speaker: string | null; sources: string; languages: string};

/**
 * The wordings of every subject that several records word, in the data's
 * order; `subject`: of that subject alone. Each is its source's, never merged.
 */
export function wordingsOf(db: FactDatabase, subject?: string): Wording[] {
	return db
		.all(
			`SELECT f.id, f.subject, f.wording, f.speaker,
				(SELECT replace(group_concat(DISTINCT c.source_id), ',', ' ') FROM citations c WHERE c.fact_table = 'standing' AND c.fact_id = f.id) AS sources,
				(SELECT replace(group_concat(DISTINCT s.language), ',', ' ') FROM citations c JOIN sources s ON s.id = c.source_id
				 WHERE c.fact_table = 'standing' AND c.fact_id = f.id) AS languages
			 FROM standing f
			 WHERE f.subject IN (SELECT subject FROM standing GROUP BY subject HAVING count(*) > 1) AND (?1 IS NULL OR f.subject = ?1)
			 ORDER BY f.rowid`,
			[subject ?? null],
		)
		.map((row) => ({
			id: String(row.id),
			subject: String(row.subject),
			wording: String(row.wording),
			speaker: row.speaker === null ? null : String(row.speaker),
			sources: String(row.sources ?? ''),
			languages: String(row.languages ?? ''),
		}));
}

/** How many claims the fact base holds. */
export const claimCount = (db: FactDatabase): number => db.number('SELECT count(*) FROM standing');
