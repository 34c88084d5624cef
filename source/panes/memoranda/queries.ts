// What the memoranda pane reads: fixed SQL text, run by the database modules.
import type {FactDatabase} from '../../db/database.js';
import {citationColumns, column, type PaneQuery} from '../../db/pane-reads.js';

export const query: PaneQuery = {
	table: 'memoranda',
	columns: [
		column('id', 'Id'),
		column('kind', 'Kind'),
		column('count', 'Count', 'number'),
		column('qualifier', 'Qualifier'),
		column('area', 'Area'),
		column('term', 'Original term'),
		...citationColumns,
	],
	sortable: ['area', 'term'],
	defaultOrder: "f.kind = 'area', f.rowid",
	cited: true,
};

export type MemorandaCounts = {counts: Array<{count: number; qualifier: string}>; namedAreas: number};

/** The memoranda count(s) and how many areas the sources name. */
export function memorandaCounts(db: FactDatabase): MemorandaCounts {
	const counts = db
		.all("SELECT count, qualifier FROM memoranda WHERE kind = 'count' ORDER BY rowid")
		.map((row) => ({count: Number(row.count), qualifier: String(row.qualifier)}));
	return {counts, namedAreas: db.number("SELECT count(*) FROM memoranda WHERE kind = 'area'")};
}
