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
import type {Panes} from '../panes/registry.js';
import {type Detail, detailOf} from './detail.js';
import {firstUncitedSentence, passageOfQuote, type SourceDocument, type Span, sourceDocument} from './documents.js';

export type {LoadProgress, Overview, RowQuery};

/** Where the reader opens in a row's document: at one of its quotes, at the top, or at the first sentence nothing cites. */
export type ReaderStart = {quote: number} | 'top' | 'uncited';

/** Rows of search text read in a step of readying a filter. */
const filterStepRows = 4000;

/** Rows above which making a sort order takes longer than a tenth of a second: it is then made in steps, the screen saying so. */
const slowOrderRows = 10_000;
/** Rows' worth of a sort order's work done in a step. */
const orderStepRows = 4000;
/** A step as large as SQLite's LIMIT takes: a small order made at once. */
const everyRow = 2 ** 31 - 1;

export class FactViews {
	readonly reader: PaneReader;
	/** Each document read, by the panes that show its facts and its source id: the database does not change once loaded. */
	private documents = new WeakMap<Panes, Map<string, SourceDocument | undefined>>();

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
		// The documents' passages are cited by the rows in so far.
		this.documents = new WeakMap();
		return progress;
	}

	count(pane: AnyPane, filter: string): number {
		return this.reader.count(pane.query, filter);
	}

	/**
	 * Readies the panes' filters ahead of the first key typed into one, a step
	 * at a time (about 5 ms), so that a key pressed meanwhile
	 * waits no longer than a step: true once every pane's is ready.
	 */
	prepareFilters(panes: Panes): boolean {
		return panes.every((pane) => this.reader.prepareFilter(pane.query, filterStepRows));
	}

	/** The rows in view, `limit` from `offset`, as the pane presents them. */
	window(pane: AnyPane, query: RowQuery, offset: number, limit: number): Array<{id: string}> {
		return [...this.reader.rows(pane.query, {...query, offset, limit})].map((row) => pane.present(row));
	}

	/** Where the row at `index` in one order of the pane stands in another (see PaneReader.position); the new order made first, if it is not yet. */
	position(pane: AnyPane, from: RowQuery, index: number, to: RowQuery): number {
		while (!this.reader.prepareOrder(pane.query, to, everyRow).whole);
		return this.reader.position(pane.query, from, index, to);
	}

	/** Whether making the pane's order is enough work to be a wait (more than a tenth of a second): see prepareOrder. */
	slowOrder(pane: AnyPane, query: RowQuery): boolean {
		return this.reader.orderTakesSteps(pane.query, query, slowOrderRows);
	}

	/** Makes the pane's order a step further (about 5 ms): whether it is made whole, and how much of it is. */
	prepareOrder(pane: AnyPane, query: RowQuery): {whole: boolean; share: number} {
		return this.reader.prepareOrder(pane.query, query, orderStepRows);
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

	/** The id of row `index`, its other columns not computed (a count of citations, a share of sentences cost milliseconds a row). */
	rowId(pane: AnyPane, query: RowQuery, index: number): string | undefined {
		const narrowed = {...pane.query, columns: pane.query.columns.filter(({key}) => key === 'id' || key === query.sort), cited: false};
		for (const row of this.reader.rows(narrowed, {...query, offset: index, limit: 1})) return String(row.id);
		return undefined;
	}

	detail(pane: AnyPane, query: RowQuery, index: number): Detail | undefined {
		const row = this.row(pane, query, index);
		return row && detailOf(this.reader, pane, row);
	}

	/** The rows the query gives, whole, as CSV or JSON; counted into `counter` as they pass. */
	export(pane: AnyPane, query: RowQuery, format: ExportFormat, counter?: {rows: number}, shown?: (text: string) => string): Readable {
		return exportStream(this.reader, pane.query, query, format, counter, shown);
	}

	/**
	 * The document a row leads to, and the stretch of it to select: a fact's
	 * quote (null when the row has no such quote); for a pane of documents,
	 * the row's own document, at the top or at its first sentence nothing cites.
	 */
	readerDocument(
		panes: Panes,
		pane: AnyPane,
		query: RowQuery,
		index: number,
		start: ReaderStart,
	): {document: SourceDocument; selection: Span | null} | undefined {
		if (pane.documents === true) {
			const id = this.rowId(pane, query, index);
			const document = id === undefined ? undefined : this.document(panes, id);
			if (document === undefined) return undefined;
			// Looked for only when asked: a query over every sentence of the document.
			return {document, selection: start === 'uncited' ? (firstUncitedSentence(this.reader.db, document.id) ?? null) : null};
		}
		if (typeof start !== 'object') return undefined;
		const quote = this.detail(pane, query, index)?.quotes[start.quote];
		const document = quote && this.document(panes, quote.source);
		if (quote === undefined || document === undefined) return undefined;
		return {document, selection: passageOfQuote(this.reader.db, quote.source, quote.quote) ?? null};
	}

	private document(panes: Panes, source: string): SourceDocument | undefined {
		let read = this.documents.get(panes);
		if (read === undefined) {
			read = new Map();
			this.documents.set(panes, read);
		}
		if (!read.has(source)) read.set(source, sourceDocument(this.reader.db, panes, source));
		return read.get(source);
	}

	/** Where a row stands in a pane's own order, unfiltered: the index that selects it. */
	positionOfId(pane: AnyPane, id: string): number | undefined {
		return this.reader.positionOfId(pane.query, id);
	}

	overview(): Overview {
		return overviewOf(this.reader.db);
	}
}
