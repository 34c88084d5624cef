// `kzrs export` and the dashboard's `e` share this: a pane's rows, as filtered
// and sorted, streamed as CSV or JSON so that no export is built in one string.
import {Readable} from 'node:stream';
import type {PaneQuery, PaneReader, RowQuery} from '../db/pane-reads.js';
import {csvChunks} from './csv.js';
import type {ExportFormat} from './formats.js';
import {jsonChunks} from './json.js';

/**
 * The export as a text stream; it counts its rows into `counter` as they
 * pass. `shown`, for an export to a terminal, is what each text becomes
 * there (the screen's gate); a file or a pipe gets the data as it is.
 */
export function exportStream(
	reader: PaneReader,
	pane: PaneQuery,
	query: RowQuery,
	format: ExportFormat,
	counter: {rows: number} = {rows: 0},
	shown?: (text: string) => string,
): Readable {
	const whole = {...query, offset: undefined, limit: undefined};
	const cell = <T>(value: T) => (shown !== undefined && typeof value === 'string' ? shown(value) : value);
	function* counted<T>(rows: Iterable<T>, gated: (row: T) => T): Generator<T> {
		for (const row of rows) {
			counter.rows++;
			yield shown === undefined ? row : gated(row);
		}
	}
	const chunks =
		format === 'json'
			? jsonChunks(counted(reader.rows(pane, whole), (row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, cell(value)]))))
			: csvChunks(
					pane.columns.map(({key}) => key),
					counted(reader.values(pane, whole), (values) => values.map(cell)),
				);
	return Readable.from(chunks, {objectMode: false});
}
