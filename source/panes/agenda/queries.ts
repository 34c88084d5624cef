// What the agenda pane reads: fixed SQL text, run by the database modules.
import type {FactDatabase} from '../../db/database.js';
import {citationColumns, column, type PaneQuery} from '../../db/pane-reads.js';

export const query: PaneQuery = {
	table: 'agenda',
	columns: [column('id', 'Id'), column('area', 'Cooperation area'), column('stances', 'Stance by source'), column('note', 'Note'), ...citationColumns],
	sortable: ['area'],
	defaultOrder: 'f.rowid',
	cited: true,
};

export type SourceLabel = {id: string; language: string};

/** The sources in their order: the columns of the stance marks. */
export function sourceLabels(db: FactDatabase): SourceLabel[] {
	return db.all('SELECT id, language FROM sources ORDER BY rowid').map((row) => ({id: String(row.id), language: String(row.language)}));
}
