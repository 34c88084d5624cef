// `kzrs export` and the dashboard's `e` share this: a pane's rows, as filtered
// and sorted, streamed as CSV or JSON so that no export is built in one string.
import {Readable} from 'node:stream';
import type {FactDatabase, RowQuery} from '../db/database.js';
import type {PaneId} from '../db/pane-queries.js';
import {csvStream} from './csv.js';

export type ExportFormat = 'csv' | 'json';
export const exportFormats: readonly ExportFormat[] = ['csv', 'json'];

async function* jsonChunks(rows: Iterable<unknown>): AsyncGenerator<string> {
	let first = true;
	yield '[';
	for (const row of rows) {
		yield `${first ? '\n' : ',\n'}${JSON.stringify(row)}`;
		first = false;
	}
	yield first ? ']\n' : '\n]\n';
}

/** The export as a text stream; it counts its rows into `counter` as they pass. */
export function exportStream(
	database: FactDatabase,
	pane: PaneId,
	query: RowQuery,
	format: ExportFormat,
	counter: {rows: number} = {rows: 0},
): Readable {
	const rows = (function* () {
		for (const row of database.iterateRows(pane, {...query, offset: undefined, limit: undefined})) {
			counter.rows++;
			yield row;
		}
	})();
	if (format === 'json') return Readable.from(jsonChunks(rows));
	const csv = csvStream(database.columns(pane).map(({key}) => key));
	Readable.from(rows).on('error', (error) => csv.destroy(error)).pipe(csv);
	return csv;
}
