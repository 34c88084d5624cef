// Everything behind one row: its fields in full, the notes a reader must not
// miss (derived values, derived dates, disagreeing sources) and every quote.
import type {FactDatabase, RowQuery, SourcedQuote} from '../db/database.js';
import {paneQueries} from '../db/pane-queries.js';
import type {DashboardPane} from '../ui/layout.js';
import {qualifiedInWords} from './format.js';

export type Detail = {
	id: string;
	fields: Array<{label: string; value: string}>;
	notes: Array<{kind: 'derived' | 'disputed' | 'announced' | 'gap'; text: string}>;
	quotes: SourcedQuote[];
};

// Shown as quotes and notes below, not as fields.
const notFields = new Set(['sources', 'languages', 'quotes', 'derived_note', 'date_basis']);

const factTable = {timeline: 'events', memoranda: 'memoranda', trade: 'trade', companies: 'companies'} as const;

export function rowDetail(database: FactDatabase, pane: DashboardPane, query: RowQuery, index: number): Detail | undefined {
	const row = database.rows(pane, {...query, offset: index, limit: 1})[0];
	if (!row) return undefined;
	const id = String(row.id);
	const fields = paneQueries[pane].columns
		.filter(({key}) => !notFields.has(key) && row[key] !== null && row[key] !== '')
		.map(({key, label}) => ({label, value: key === 'visit' ? (row[key] === 1 ? 'yes' : 'no') : String(row[key])}));
	const notes: Detail['notes'] = [];
	if (typeof row.date_basis === 'string') notes.push({kind: 'derived', text: `Date derived, not stated: ${row.date_basis}`});
	if (row.status === 'announced') notes.push({kind: 'announced', text: 'Announced in advance: no source reports it as having taken place.'});
	if (typeof row.derived_note === 'string') notes.push({kind: 'derived', text: `Derived value. ${row.derived_note}`});
	if (pane === 'companies' && Number(row.readings) > 1) {
		const readings = database.readings(id).map((reading) => `${qualifiedInWords(reading.count, reading.qualifier)} (${reading.sources})`);
		notes.push({kind: 'disputed', text: `Sources disagree: ${readings.join(' · ')}.`});
	}
	if (pane === 'memoranda' && row.kind === 'count') {
		const {namedAreas} = database.memorandaSummary();
		if (namedAreas < Number(row.count)) {
			notes.push({
				kind: 'gap',
				text: `The sources name ${namedAreas} areas for ${qualifiedInWords(row.count, row.qualifier)} memoranda and do not say which memorandum covers which, nor what the others cover. kzrs does not fill the gap.`,
			});
		}
	}
	return {id, fields, notes, quotes: database.quotes(factTable[pane], id)};
}

/** How many quotes stand behind a row, for the detail view's cursor. */
export function quoteCount(database: FactDatabase, pane: DashboardPane, query: RowQuery, index: number): number {
	const row = database.rows(pane, {...query, offset: index, limit: 1})[0];
	return row ? database.quotes(factTable[pane], String(row.id)).length : 0;
}
