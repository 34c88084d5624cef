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
		column('status', 'Status'),
		...citationColumns,
	],
	sortable: ['area', 'term'],
	defaultOrder: "f.kind = 'area', f.rowid",
	cited: true,
};

export type MemorandaCounts = {
	counts: Array<{count: number; qualifier: string; signed: boolean}>;
	namedAreas: number;
	/** Of the named areas, those only an announcement made in advance names. */
	announcedAreas: number;
};

/** The memoranda count(s), signed or announced, and how many areas the sources name. */
export function memorandaCounts(db: FactDatabase): MemorandaCounts {
	const counts = db
		.all("SELECT count, qualifier, status FROM memoranda WHERE kind = 'count' ORDER BY rowid")
		.map((row) => ({count: Number(row.count), qualifier: String(row.qualifier), signed: row.status === 'signed'}));
	return {
		counts,
		namedAreas: db.number("SELECT count(*) FROM memoranda WHERE kind = 'area'"),
		announcedAreas: db.number("SELECT count(*) FROM memoranda WHERE kind = 'area' AND status = 'announced'"),
	};
}
