// `kzrs export` and the dashboard's `e` share this: a pane's rows, as filtered
// and sorted, streamed as CSV or JSON so that no export is built in one string.
import {Readable} from 'node:stream';
import type {PaneQuery, PaneReader, RowQuery} from '../db/pane-reads.js';
import {csvChunks} from './csv.js';
import type {ExportFormat} from './formats.js';
import {jsonChunks} from './json.js';

/** The export as a text stream; it counts its rows into `counter` as they pass. */
export function exportStream(reader: PaneReader, pane: PaneQuery, query: RowQuery, format: ExportFormat, counter: {rows: number} = {rows: 0}): Readable {
	const whole = {...query, offset: undefined, limit: undefined};
	function* counted<T>(rows: Iterable<T>): Generator<T> {
		for (const row of rows) {
			counter.rows++;
			yield row;
		}
	}
	const chunks =
		format === 'json'
			? jsonChunks(counted(reader.rows(pane, whole)))
			: csvChunks(
					pane.columns.map(({key}) => key),
					counted(reader.values(pane, whole)),
				);
	return Readable.from(chunks, {objectMode: false});
}
