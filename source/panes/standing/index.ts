// The relations' standing: what the sources say the relationship is, has been
// and is expected to bring, each claim with who says it and in which words.
// Where sources word one matter differently, each wording is a row of its own.
import {saidBy, standingKindWords} from '../../text/shown.js';
import {pane, text} from '../pane.js';
import {claimCount, query, wordingsOf} from './queries.js';
import {StandingLine, type StandingSummary} from './summary.js';

type ClaimRow = {id: string; kind: string; claim: string; who: string; languages: string; readings: number};

export const standing = pane<ClaimRow, StandingSummary>({
	id: 'standing',
	key: '7',
	title: 'Standing',
	onScreen: true,
	query,
	present: (row) => ({
		id: text(row.id),
		kind: standingKindWords[text(row.kind)] ?? text(row.kind),
		claim: text(row.claim),
		who: saidBy(row.speaker),
		languages: text(row.languages),
		readings: Number(row.readings),
	}),
	list: [
		{header: 'Kind', sort: 'kind', keep: true, text: (row) => row.kind, tone: () => 'muted'},
		{header: 'Claim', sort: 'claim', grow: true, text: (row) => row.claim, bold: (row) => row.readings > 1},
		{
			header: 'Said by',
			sort: 'speaker',
			text: (row) => row.who,
			tone: () => 'muted',
		},
		{header: 'Languages', keep: true, align: 'right', text: (row) => row.languages, tone: () => 'muted'},
	],
	summary: {
		read: (reader) => ({claims: claimCount(reader.db), wordings: wordingsOf(reader.db)}),
		rows: () => 1,
		View: StandingLine,
	},
	detail: {
		table: 'standing',
		hidden: ['readings'],
		notes: (row, db) => {
			const others = wordingsOf(db, text(row.subject)).filter(({id}) => id !== row.id);
			if (others.length === 0) return [];
			const readings = others.map(({wording, speaker, sources, languages}) => `“${wording}” (${saidBy(speaker)}, ${sources} ${languages})`);
			return [{kind: 'wording', text: `Other sources word this differently, and kzrs keeps each wording apart: ${readings.join('; ')}.`}];
		},
	},
});
