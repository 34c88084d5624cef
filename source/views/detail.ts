// Everything behind one row: its fields in full, the notes a reader must not
// miss (derived values, derived dates, disagreeing sources) and every quote.
import type {Row} from '../db/database.js';
import {quotesOf, type SourcedQuote} from '../db/facts.js';
import type {PaneReader} from '../db/pane-reads.js';
import type {AnyPane, Note, PaneDetail} from '../panes/pane.js';

export type Detail = {
	id: string;
	fields: Array<{label: string; value: string}>;
	notes: Note[];
	quotes: SourcedQuote[];
};

export type {SourcedQuote};

// Shown as the quotes below, not as fields.
const citationKeys = new Set(['sources', 'languages', 'quotes']);

/** The quotes of the facts a row stands with, each marked with the fact it stands behind. */
function relatedQuotes(reader: PaneReader, detail: PaneDetail, row: Row): SourcedQuote[] {
	return (detail.related?.(row, reader.db) ?? []).flatMap(({table, id}) => quotesOf(reader.db, table, id).map((quote) => ({...quote, via: id})));
}

/** Said of a cited row whose citation list is not in yet: a derived figure's, which loading sets once every figure is in. */
const quotesToCome: Note = {kind: 'gap', text: 'Its quotes are read once every row is loaded: a derived figure borrows those of its inputs.'};

export function detailOf(reader: PaneReader, pane: AnyPane, row: Row): Detail {
	const {detail} = pane;
	const hidden = new Set([...citationKeys, ...(detail?.hidden ?? [])]);
	const fields = pane.query.columns
		.filter(({key}) => !hidden.has(key) && row[key] !== null && row[key] !== '')
		.map(({key, label}) => ({label, value: detail?.show?.[key]?.(row[key] ?? null) ?? String(row[key])}));
	const id = String(row.id);
	return {
		id,
		fields,
		notes: [...(detail?.notes?.(row, reader.db) ?? []), ...(pane.query.cited && row.quotes === null ? [quotesToCome] : [])],
		quotes: detail ? [...quotesOf(reader.db, detail.table, id), ...relatedQuotes(reader, detail, row)] : [],
	};
}
