// The cooperation agenda: each area a row, each source a column marking how
// far that source says the area got; Enter gives the quotes.
import type {Stance} from '../../facts/records.js';
import {pane, text} from '../pane.js';
import {query, sourceLabels} from './queries.js';
import {AgendaHeading, type AgendaSummary, agendaRows, areaHeading, markCells, marksHeading, parseStances} from './stances.js';

type AgendaRow = {id: string; area: string; stances: Map<string, Stance>};

const stanceOf = (row: AgendaRow) => new Set(row.stances.values());

export const agenda = pane<AgendaRow, AgendaSummary>({
	id: 'agenda',
	key: '5',
	title: 'Agenda',
	onScreen: true,
	query,
	present: (row) => ({id: text(row.id), area: text(row.area), stances: parseStances(text(row.stances))}),
	list: [
		{header: 'Cooperation area', heading: () => areaHeading, sort: 'area', grow: true, text: (row) => row.area},
		{
			header: 'Stance by source',
			heading: (summary) => marksHeading(summary.sources),
			keep: true,
			align: 'right',
			text: (row, {summary}) => markCells(summary.sources, row.stances),
			// An open question stands out; an agreement comes next. The letters say the same without colour.
			tone: (row) => (stanceOf(row).has('unresolved') ? 'disputed' : stanceOf(row).has('agreed') ? 'accent' : undefined),
			// One letter a source: the row is found by the stance's word ("agreed"), which the legend gives.
			searched: false,
		},
	],
	summary: {read: (reader) => ({sources: sourceLabels(reader.db)}), rows: agendaRows, View: AgendaHeading},
	detail: {table: 'agenda'},
});
