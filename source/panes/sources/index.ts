// The documents themselves, and how many facts cite each.
import {pane, text} from '../pane.js';
import {query} from './queries.js';

type SourceRow = {id: string; published: string; language: string; outlet: string; title: string; facts: string};

export const sources = pane<SourceRow>({
	id: 'sources',
	key: '8',
	title: 'Sources',
	onScreen: false,
	query,
	present: (row) => ({
		id: text(row.id),
		published: text(row.published),
		language: text(row.language),
		outlet: text(row.outlet),
		title: text(row.title),
		facts: text(row.facts),
	}),
	list: [
		{header: 'Published', sort: 'published', keep: true, text: (row) => row.published},
		{header: 'Language', sort: 'language', keep: true, text: (row) => row.language},
		{header: 'Title', grow: true, text: (row) => row.title},
		{header: 'Facts', sort: 'facts', keep: true, align: 'right', text: (row) => row.facts, searched: false},
	],
});
