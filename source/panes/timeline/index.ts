// The timeline: every event, dated, the days of the February 2026 visit marked.

import {dateRange, eventTitle} from '../../text/shown.js';
import {symbols} from '../../text/symbols.js';
import {type Note, pane, text} from '../pane.js';
import {query} from './queries.js';

type TimelineRow = {id: string; when: string; title: string; place: string; visit: boolean; dateDerived: boolean};

export const timeline = pane<TimelineRow>({
	id: 'timeline',
	key: '1',
	title: 'Timeline',
	onScreen: true,
	query,
	present: (row) => ({
		id: text(row.id),
		when: dateRange(row.date, row.end_date),
		title: eventTitle(row.title, row.status),
		place: text(row.place),
		visit: row.visit === 1,
		dateDerived: row.date_basis !== null,
	}),
	list: [
		// A date read off "today" or "last year" is marked, like a derived value.
		{
			header: 'Date',
			sort: 'date',
			keep: true,
			text: (row) => `${row.when}${row.dateDerived ? symbols.derived : ''}`,
			tone: (row) => (row.visit ? 'visit' : undefined),
		},
		{header: 'Visit', keep: true, text: (row) => (row.visit ? symbols.visit : symbols.event), tone: (row) => (row.visit ? 'visit' : undefined)},
		{header: 'Event', sort: 'title', grow: true, text: (row) => row.title, bold: (row) => row.visit},
		{header: 'Place', sort: 'place', min: 6, text: (row) => row.place, tone: () => 'muted'},
	],
	detail: {
		table: 'events',
		hidden: ['date_basis'],
		show: {visit: (value) => (value === 1 ? 'yes' : 'no')},
		notes: (row) => {
			const notes: Note[] = [];
			if (typeof row.date_basis === 'string') notes.push({kind: 'derived', text: `Date derived, not stated: ${row.date_basis}`});
			if (row.status === 'announced') notes.push({kind: 'announced', text: 'Announced in advance: no source reports it as having taken place.'});
			return notes;
		},
	},
});
