// What the sources pane reads: fixed SQL text, run by the database modules.
import {column, type PaneQuery} from '../../db/pane-reads.js';

export const query: PaneQuery = {
	table: 'sources',
	columns: [
		column('id', 'Id'),
		column('file', 'File'),
		column('language', 'Language'),
		column('outlet', 'Outlet'),
		column('published', 'Published'),
		column('published_basis', 'Date basis'),
		column('title', 'Title'),
		column('facts', 'Facts cited', 'number', '(SELECT count(*) FROM citations c WHERE c.source_id = f.id AND c.via IS NULL)'),
	],
	sortable: ['published', 'language', 'facts'],
	defaultOrder: 'f.rowid',
	cited: false,
};
