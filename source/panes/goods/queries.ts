// What the goods pane reads: fixed SQL text, run by the database modules.
import type {FactDatabase} from '../../db/database.js';
import {citationColumns, column, type PaneQuery} from '../../db/pane-reads.js';

export const query: PaneQuery = {
	table: 'goods',
	columns: [
		column('id', 'Id'),
		column('flow', 'Flow'),
		column('rank', 'Rank'),
		column('product', 'Product'),
		column('term', 'Original words'),
		...citationColumns,
	],
	sortable: ['product', 'flow'],
	defaultOrder: 'f.rowid',
	cited: true,
};

export type Good = {id: string; product: string; rank: string};

/** The goods a source names in one flow, in the data's order. */
export function goodsOf(db: FactDatabase, flow: string): Good[] {
	return db
		.all('SELECT id, product, rank FROM goods WHERE flow = ? ORDER BY rowid', [flow])
		.map((row) => ({id: String(row.id), product: String(row.product), rank: String(row.rank)}));
}

/** Of the goods of one flow, the first to cite each sentence: goods named in one sentence share its quote. */
export function goodsBySentence(db: FactDatabase, flow: string): string[] {
	return db.all('SELECT id, min(rowid) FROM goods WHERE flow = ? GROUP BY citation_list ORDER BY min(rowid)', [flow]).map((row) => String(row.id));
}
