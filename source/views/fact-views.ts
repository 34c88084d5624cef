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
import type {LoadProgress} from '../load/open.js';
import type {AnyPane} from '../panes/pane.js';
import {type Detail, detailOf} from './detail.js';

export type {LoadProgress, Overview, RowQuery};

export class FactViews {
	readonly reader: PaneReader;

	/** `loading`: where loading is, while rows are still being inserted (see load/open.ts openGrowing). */
	constructor(
		db: FactDatabase,
		private readonly loading: () => LoadProgress | undefined = () => undefined,
	) {
		this.reader = new PaneReader(db);
		this.loadProgress();
	}

	/** Where loading is, undefined once every row is in: from now on, the rows in so far are read. */
	loadProgress(): LoadProgress | undefined {
		const progress = this.loading();
		this.reader.rowsAdded(progress === undefined);
		return progress;
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
