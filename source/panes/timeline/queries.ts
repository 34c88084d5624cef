// What the timeline pane reads: fixed SQL text, run by the database modules.
import {citationColumns, column, type PaneQuery} from '../../db/pane-reads.js';

export const query: PaneQuery = {
	table: 'events',
	columns: [
		column('id', 'Id'),
		column('date', 'Date'),
		column('end_date', 'End date'),
		column('title', 'Event'),
		column('place', 'Place'),
		column('participants', 'Participants'),
		column('status', 'Status'),
		column('visit', 'Official visit', 'number'),
		column('date_basis', 'Date basis'),
		...citationColumns,
	],
	sortable: ['date', 'title', 'place', 'status'],
	defaultOrder: 'f.date, f.end_date, f.rowid',
	cited: true,
};
