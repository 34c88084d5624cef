// The memoranda signed during the visit: the count, and the areas the sources name.
import {memorandumLine, qualifiedInWords} from '../../text/shown.js';
import {type Note, pane, text} from '../pane.js';
import {memorandaCounts, query} from './queries.js';
import {MemorandaLine, type MemorandaSummary, summarise} from './summary.js';

type MemorandumRow = {id: string; text: string; languages: string};

export const memoranda = pane<MemorandumRow, MemorandaSummary>({
	id: 'memoranda',
	key: '2',
	title: 'Memoranda',
	onScreen: true,
	query,
	present: (row) => ({
		id: text(row.id),
		text: memorandumLine(row.kind, row.count, row.qualifier, row.area, row.term, row.status),
		languages: text(row.languages),
	}),
	list: [
		{header: 'Memorandum', sort: 'area', grow: true, text: (row) => row.text},
		{header: 'Languages', keep: true, align: 'right', text: (row) => row.languages, tone: () => 'muted'},
	],
	summary: {read: (reader) => summarise(memorandaCounts(reader.db)), rows: () => 1, View: MemorandaLine},
	detail: {
		table: 'memoranda',
		notes: (row, db) => {
			const notes: Note[] = [];
			if (row.status === 'announced') notes.push({kind: 'announced', text: 'Announced in advance: its source does not report it as done.'});
			if (row.kind !== 'count') return notes;
			const {namedAreas} = memorandaCounts(db);
			if (namedAreas >= Number(row.count)) return notes;
			notes.push({
				kind: 'gap',
				text: `The sources name ${namedAreas} areas for ${qualifiedInWords(row.count, row.qualifier)} memoranda and do not say which memorandum covers which, nor what the others cover. kzrs does not fill the gap.`,
			});
			return notes;
		},
	},
});
