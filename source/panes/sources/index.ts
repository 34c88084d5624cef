// The documents themselves: how many facts cite each, and how much of each
// the facts cite, so that what is left to extract shows at a glance. `o`
// reads one from the top, `n` at its first sentence nothing cites.
import {outletShown} from '../../text/shown.js';
import {pane, text} from '../pane.js';
import {query} from './queries.js';

type SourceRow = {id: string; published: string; language: string; outlet: string; title: string; facts: string; cited: string};

export const sources = pane<SourceRow>({
	id: 'sources',
	key: '8',
	title: 'Sources',
	onScreen: true,
	documents: true,
	query,
	present: (row) => ({
		id: text(row.id),
		published: text(row.published),
		language: text(row.language),
		outlet: outletShown(row.outlet === null ? null : text(row.outlet)),
		title: text(row.title),
		facts: text(row.facts),
		cited: row.sentences_cited === null ? '' : `${Number(row.sentences_cited).toFixed(0)}%`,
	}),
	list: [
		{header: 'Language', sort: 'language', keep: true, text: (row) => row.language},
		{header: 'Outlet', grow: true, text: (row) => row.outlet},
		{header: 'Published', sort: 'published', keep: true, text: (row) => row.published},
		{header: 'Facts', sort: 'facts', keep: true, align: 'right', text: (row) => row.facts, searched: false},
		// The share of the document's sentences some fact cites: computed, so marked * as every derived value.
		{header: 'Cited*', sort: 'sentences_cited', keep: true, align: 'right', text: (row) => row.cited, tone: () => 'derived', searched: false},
	],
});
