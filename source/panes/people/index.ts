// The principals and the delegation: roles, each source's spelling of each
// name, and the honours conferred on them.
import {symbols} from '../../text/symbols.js';
import {pane, text} from '../pane.js';
import {delegationSize, honoursOf, query, recipientOf} from './queries.js';
import {PeopleLine, type PeopleSummary} from './summary.js';

type PersonRow = {id: string; name: string; role: string; side: string; honoured: boolean};

export const people = pane<PersonRow, PeopleSummary>({
	id: 'people',
	key: '6',
	title: 'People',
	onScreen: true,
	query,
	present: (row) => ({
		id: text(row.id),
		name: text(row.name),
		role: text(row.role),
		// Every member of the visiting delegation is Serbian: the word says more than the country.
		side: row.delegation === 1 ? 'delegation' : text(row.country),
		honoured: row.honours !== null,
	}),
	list: [
		{
			header: 'Name',
			sort: 'name',
			text: (row) => row.name,
		},
		{header: 'Honoured', keep: true, text: (row) => (row.honoured ? symbols.honour : ''), tone: () => 'accent'},
		{header: 'Role', sort: 'role', grow: true, text: (row) => row.role},
		{header: 'Side', text: (row) => row.side, tone: () => 'muted'},
	],
	summary: {read: (reader) => ({delegation: delegationSize(reader.db), honours: honoursOf(reader.db)}), rows: () => 1, View: PeopleLine},
	detail: {
		table: 'people',
		show: {delegation: (value) => (value === 1 ? 'yes' : 'no')},
		// The quotes of each honour follow the spellings', marked with the honour they stand behind.
		related: (row, db) => honoursOf(db, text(row.name)).map((honour) => ({table: 'honours', id: honour.id})),
		shows: {table: 'honours', row: recipientOf},
	},
});
