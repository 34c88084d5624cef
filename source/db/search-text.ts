// The folded text a filter searches, row by row. It is computed from the
// database the first time a pane is filtered (FactDatabase.prepareFilter), not
// at load: at 100,000 trade rows that moves about a tenth of the load, and
// 30 MB of its peak memory, to the first `/`.
import type {SqlValue} from 'sql.js';
import {foldForSearch} from '../facts/text.js';
import type {SearchableTable} from './schema.js';

/** A row's quotes, as one text. */
const quotes = `(SELECT group_concat(q.quote, ' ' ORDER BY l.ordinal) FROM citation_lists l JOIN quotes q ON q.id = l.quote_id WHERE l.list_id = f.citation_list)`;

/** Each table's rows: the rowid, then the parts of the row's search text. */
export const searchParts: Record<SearchableTable, string> = {
	sources: 'SELECT rowid, id, language, outlet, published, title FROM sources f',
	events: `SELECT rowid, date, title, place, replace(participants, '; ', ' '), status, ${quotes} FROM events f`,
	memoranda: 'SELECT rowid, kind, count, area, term FROM memoranda f',
	trade: "SELECT rowid, indicator, label, period, flow, product, value, currency, iif(derived_method IS NULL, NULL, 'derived') FROM trade f",
	companies: `SELECT rowid, label, count, qualifier, side, ${quotes} FROM companies f`,
};

/**
 * The folded search text of a row's parts. A part already inside the text adds
 * nothing to find (a product named in its label, say) and would only lengthen
 * every filter's scan. Folding is memoised: a long series repeats the same
 * labels and products.
 */
export function searchTexts(): (parts: SqlValue[]) => string {
	const folded = new Map<string, string>();
	const fold = (text: string) => {
		let result = folded.get(text);
		if (result === undefined) {
			result = foldForSearch(text);
			folded.set(text, result);
		}
		return result;
	};
	return (parts) => {
		const kept: string[] = [];
		for (const part of parts) {
			if (part === null || part instanceof Uint8Array) continue;
			// A number's text has nothing to fold.
			const text = typeof part === 'number' ? String(part) : fold(part);
			if (!kept.some((earlier) => earlier.includes(text))) kept.push(text);
		}
		return kept.join(' ');
	};
}
