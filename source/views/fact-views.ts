// What the dashboard reads of the fact base, pane by pane: the rows in view
// as the pane presents them, counts, summaries, a row's detail, exports. The
// UI reads the data only through this; it runs the panes' queries on the
// database through PaneReader.
import type {Readable} from 'node:stream';
import type {FactDatabase, Row} from '../db/database.js';
import {type Overview, overviewOf} from '../db/facts.js';
import {PaneReader, type RowQuery} from '../db/pane-reads.js';
import {exportStream} from '../export/export-pane.js';
import type {ExportFormat} from '../export/formats.js';
import type {AnyPane} from '../panes/pane.js';
import {type Detail, detailOf} from './detail.js';

export type {Overview, RowQuery};

/** Rows above which building a sort index takes longer than a tenth of a second (about 7 µs a row). */
const slowIndexRows = 10_000;

export class FactViews {
	readonly reader: PaneReader;

	constructor(db: FactDatabase) {
		this.reader = new PaneReader(db);
	}

	count(pane: AnyPane, filter: string): number {
		return this.reader.count(pane.query, filter);
	}

	/** Readies a pane's filter ahead of the first key typed into it. */
	prepareFilter(pane: AnyPane): void {
		this.reader.prepareFilter(pane.query);
	}

	/** The rows in view, `limit` from `offset`, as the pane presents them. */
	window(pane: AnyPane, query: RowQuery, offset: number, limit: number): Array<{id: string}> {
		return [...this.reader.rows(pane.query, {...query, offset, limit})].map((row) => pane.present(row));
	}

	/** Where the row at `index` in one order of the pane stands in another (see PaneReader.position). */
	position(pane: AnyPane, from: RowQuery, index: number, to: RowQuery): number {
		return this.reader.position(pane.query, from, index, to);
	}

	/** Whether the pane's first read in this order builds an index over enough rows to be a wait (more than a tenth of a second). */
	slowOrder(pane: AnyPane, query: RowQuery): boolean {
		return this.reader.sortTakesIndexing(pane.query, query, slowIndexRows);
	}

	/** What the pane shows above its list, for the rows the filter matches. */
	summary(pane: AnyPane, filter: string): unknown {
		return pane.summary?.read(this.reader, filter);
	}

	/** One row of the pane as stored, at `index` of the rows the query gives. */
	row(pane: AnyPane, query: RowQuery, index: number): Row | undefined {
		for (const row of this.reader.rows(pane.query, {...query, offset: index, limit: 1})) return row;
		return undefined;
	}

	detail(pane: AnyPane, query: RowQuery, index: number): Detail | undefined {
		const row = this.row(pane, query, index);
		return row && detailOf(this.reader, pane, row);
	}

	/** The rows the query gives, whole, as CSV or JSON; counted into `counter` as they pass. */
	export(pane: AnyPane, query: RowQuery, format: ExportFormat, counter?: {rows: number}): Readable {
		return exportStream(this.reader, pane.query, query, format, counter);
	}

	overview(): Overview {
		return overviewOf(this.reader.db);
	}
}
