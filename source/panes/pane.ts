// What a pane is: one definition holding everything that is that pane's. Its
// identity (id, number key, title), what it reads (its table, columns, sort
// keys and order, as fixed SQL text that only the database modules run), how
// a row reads on screen (a presenter and the list's columns), what its detail
// adds, and what it draws above its list. Layout, keys, footer, help, the
// snapshot, `kzrs export`, the detail view and the reducer know panes only
// through these definitions, listed once in registry.ts.
import type {ComponentType} from 'react';
import type {FactDatabase, Row, Value} from '../db/database.js';
import type {PaneQuery, PaneReader} from '../db/pane-reads.js';
import type {FactTable} from '../db/tables.js';
import type {CutAt} from '../text/fit.js';

/** A colour's meaning, which the theme maps to a colour (or none, under NO_COLOR). */
export type Tone = 'accent' | 'visit' | 'derived' | 'disputed' | 'muted' | 'bar';

/** What a list cell knows besides its row: its width, for a cell drawn to it (a bar). */
export type CellContext<Summary> = {width: number; summary: Summary};

export type ListColumn<Shown, Summary = undefined> = {
	/** What the column holds, in words (a screen reader's, a header's, and the order's in a title). */
	header: string;
	/** The header as drawn over the column, where it is more than its words: a language tag over each source's marks. */
	heading?: (summary: Summary) => string;
	/**
	 * How it shares the list's width (text/fit.ts, shareColumns): by what its
	 * cells in view hold, unless `keep` (never cut: a date, an amount); `grow`
	 * takes what the others leave; `fills` is drawn to whatever width it gets
	 * (a bar); `min`: narrower than this, it is left out.
	 */
	keep?: true;
	grow?: true;
	fills?: true;
	min?: number;
	align?: 'left' | 'right';
	/** The sort key (of the pane query's `sortable`) that orders rows by this column: `s` goes through these. */
	sort?: string;
	/** Where a text too long for the column is cut: at its end (the default), or before its last words, where they tell rows apart. */
	cut?: CutAt;
	text: (row: Shown, context: CellContext<Summary>) => string;
	tone?: (row: Shown) => Tone | undefined;
	bold?: (row: Shown) => boolean;
	/**
	 * False for a column whose text the row's search text does not hold (a
	 * bar; a count the query computes): a filter neither finds the row by it
	 * nor marks it there. Every other column's text is searched (db/tables.ts).
	 */
	searched?: false;
};

/** What a pane draws above its list (a summary line, a chart), from what it reads of the data. */
export type PaneSummary<Summary> = {
	/** Reads it; `filtered`: of the rows the filter matches, and read again as the filter changes. */
	read: (reader: PaneReader, filter: string) => Summary;
	filtered?: boolean;
	/** Lines it takes, given the lines inside the pane's frame; none without a view. */
	rows?: (available: number) => number;
	View?: ComponentType<{summary: Summary; width: number; height: number}>;
};

/** `wording`: other sources word the same matter differently; `context`: facts of another table that stand beside the row. */
export type Note = {kind: 'derived' | 'disputed' | 'announced' | 'gap' | 'wording' | 'context'; text: string};

export type PaneDetail = {
	/** The table whose fact the row is, for its quotes. */
	table: FactTable;
	/** Columns not shown as fields: said in the notes, or in the quotes. */
	hidden?: readonly string[];
	/** A field's value as the detail shows it, where that is not the value's text. */
	show?: Readonly<Record<string, (value: Value) => string>>;
	/** What a reader must not miss about the row: derived values, disagreeing sources. */
	notes?: (row: Row, db: FactDatabase) => Note[];
	/** Facts of other tables the row stands with (a person's honours): their quotes follow the row's own, each marked with its fact. */
	related?: (row: Row, db: FactDatabase) => Array<{table: FactTable; id: string}>;
	/** The table of those facts, and the id of the row whose detail shows one: where the reader goes for such a fact. */
	shows?: {table: FactTable; row: (db: FactDatabase, id: string) => string | undefined};
};

export type PaneDefinition<Shown extends {id: string} = {id: string}, Summary = undefined> = {
	/** As `kzrs export` names it. */
	id: string;
	/** The key that focuses it, and its place in the dashboard's order. */
	key: string;
	title: string;
	/** Whether the dashboard shows it; `kzrs export` has every pane. */
	onScreen: boolean;
	/** Its rows are the source documents themselves, by source id: the reader opens each whole. */
	documents?: true;
	query: PaneQuery;
	present: (row: Row) => Shown;
	list: ReadonlyArray<ListColumn<Shown, Summary>>;
	summary?: PaneSummary<Summary>;
	detail?: PaneDetail;
};

/** Any pane, whatever its rows and summary. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds panes of every row and summary type; each pane is typed where it is defined
export type AnyPane = PaneDefinition<any, any>;

/** Defines a pane, its rows and summary typed together. */
export const pane = <Shown extends {id: string}, Summary = undefined>(definition: PaneDefinition<Shown, Summary>) => definition;

/** A value as text: empty for NULL. */
export const text = (value: Value | undefined) => (value === null || value === undefined ? '' : String(value));
