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
		// Computed: the share of the document's sentences that at least one quote touches, in percent to one decimal.
		column(
			'sentences_cited',
			'Sentences cited (%, computed)',
			'number',
			`(SELECT round(100.0 * count(*) / (SELECT count(*) FROM sentences t WHERE t.source_id = f.id), 1) FROM sentences s
				WHERE s.source_id = f.id AND EXISTS (SELECT 1 FROM quotes q
					WHERE q.source_id = s.source_id AND q.passage_start < s.sentence_end AND q.passage_end > s.sentence_start))`,
		),
	],
	sortable: ['published', 'language', 'facts', 'sentences_cited'],
	defaultOrder: 'f.rowid',
	cited: false,
};
