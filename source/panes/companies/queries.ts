// What the companies pane reads: fixed SQL text, run by the database modules.
import type {FactDatabase} from '../../db/database.js';
import {citationColumns, column, type PaneQuery} from '../../db/pane-reads.js';

export const query: PaneQuery = {
	table: 'companies',
	columns: [
		column('id', 'Id'),
		column('subject', 'Subject'),
		column('label', 'Counted'),
		column('count', 'Count', 'number'),
		column('qualifier', 'Qualifier'),
		column('side', 'Side'),
		column('readings', 'Readings of subject', 'number', '(SELECT count(DISTINCT r.count || r.qualifier) FROM companies r WHERE r.subject = f.subject)'),
		...citationColumns,
	],
	sortable: ['count', 'label', 'side'],
	defaultOrder: 'f.rowid',
	cited: true,
};

export type Reading = {id: string; count: number; qualifier: string; sources: string};

/** Every reading of the quantity a company count measures, with its sources: more than one means the sources disagree. */
export function readingsOf(db: FactDatabase, companyId: string): Reading[] {
	return db
		.all(
			`SELECT r.id, r.count, r.qualifier,
				(SELECT replace(group_concat(DISTINCT c.source_id), ',', ' ') FROM citations c WHERE c.fact_table = 'companies' AND c.fact_id = r.id) AS sources
			 FROM companies r WHERE r.subject = (SELECT subject FROM companies WHERE id = ?) ORDER BY r.rowid`,
			[companyId],
		)
		.map((row) => ({id: String(row.id), count: Number(row.count), qualifier: String(row.qualifier), sources: String(row.sources ?? '')}));
}
