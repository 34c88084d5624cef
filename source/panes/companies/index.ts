// Company counts as bars; a count the sources disagree on carries ⚠ and its own sources.
import {qualified, qualifiedInWords} from '../../text/shown.js';
import {symbols} from '../../text/symbols.js';
import {pane, text} from '../pane.js';
import {query, readingsOf} from './queries.js';

type CompanyRow = {id: string; label: string; count: number; reading: string; disputed: boolean; languages: string};

export const companies = pane<CompanyRow, number>({
	id: 'companies',
	key: '4',
	title: 'Companies',
	onScreen: true,
	query,
	present: (row) => ({
		id: text(row.id),
		label: text(row.label),
		count: Number(row.count),
		reading: qualified(row.count, row.qualifier),
		disputed: Number(row.readings) > 1,
		languages: text(row.languages),
	}),
	list: [
		{header: 'Counted', sort: 'label', cut: 'words', text: (row) => row.label},
		{
			header: 'Bar',
			fills: true,
			min: 8,
			// The largest count among the rows shown draws the full width.
			text: (row, {width, summary: largest}) => '█'.repeat(largest > 0 ? Math.max(1, Math.round((row.count / largest) * width)) : 0),
			tone: () => 'bar',
			searched: false,
		},
		{
			header: 'Count',
			sort: 'count',
			keep: true,
			align: 'right',
			text: (row) => `${row.reading} ${row.disputed ? symbols.disputed : ' '} ${row.languages}`,
			tone: (row) => (row.disputed ? 'disputed' : undefined),
		},
	],
	summary: {read: (reader, filter) => reader.largest(query, 'count', filter), filtered: true},
	detail: {
		table: 'companies',
		notes: (row, db) => {
			if (Number(row.readings) <= 1) return [];
			const readings = readingsOf(db, String(row.id)).map((reading) => `${qualifiedInWords(reading.count, reading.qualifier)} (${reading.sources})`);
			return [{kind: 'disputed', text: `Sources disagree: ${readings.join(' · ')}.`}];
		},
	},
});
