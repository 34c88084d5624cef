// What each pane (and each export) selects. Column expressions are fixed text
// chosen by key, never user input; user values reach SQL only as parameters.

export type ColumnType = 'text' | 'number';
/** A column of a pane; one without `sql` is filled from the row's citations. */
export type Column = {key: string; label: string; type: ColumnType; sql?: string};

export type PaneId = 'timeline' | 'memoranda' | 'trade' | 'companies' | 'sources';
export const paneIds: readonly PaneId[] = ['timeline', 'memoranda', 'trade', 'companies', 'sources'];

export type PaneQuery = {
	table: string;
	columns: Column[];
	/** Keys of the columns `s` cycles through. */
	sortable: string[];
	/** Order when no column is chosen: the curated order of the data file, or time. */
	defaultOrder: string;
	/** Whether rows carry sources, languages and quotes. */
	cited: boolean;
};

/**
 * The sources, languages and quotes behind a fact row, filled in by the
 * database module from the row's citation list (see FactDatabase.citedBy).
 * They come last in a pane's columns, in the place of the list, which the
 * pane's query selects last.
 */
const citationColumns: Column[] = [
	{key: 'sources', label: 'Sources', type: 'text'},
	{key: 'languages', label: 'Languages', type: 'text'},
	{key: 'quotes', label: 'Quotes', type: 'text'},
];

const column = (key: string, label: string, type: ColumnType = 'text', sql = `f.${key}`): Column => ({key, label, type, sql});

export const paneQueries: Record<PaneId, PaneQuery> = {
	timeline: {
		table: 'events',
		columns: [
			column('id', 'Id'),
			column('date', 'Date'),
			column('end_date', 'End date'),
			column('title', 'Event'),
			column('place', 'Place'),
			column('participants', 'Participants'),
			column('status', 'Status'),
			column('visit', 'State visit', 'number'),
			column('date_basis', 'Date basis'),
			...citationColumns,
		],
		sortable: ['date', 'title', 'place', 'status'],
		defaultOrder: 'f.date, f.end_date, f.rowid',
		cited: true,
	},
	memoranda: {
		table: 'memoranda',
		columns: [
			column('id', 'Id'),
			column('kind', 'Kind'),
			column('count', 'Count', 'number'),
			column('qualifier', 'Qualifier'),
			column('area', 'Area'),
			column('term', 'Original term'),
			...citationColumns,
		],
		sortable: ['area', 'term'],
		defaultOrder: "f.kind = 'area', f.rowid",
		cited: true,
	},
	trade: {
		table: 'trade',
		columns: [
			column('id', 'Id'),
			column('indicator', 'Indicator'),
			column('label', 'Figure'),
			column('period', 'Period'),
			column('flow', 'Flow'),
			column('product', 'Product'),
			column('value', 'Value', 'number'),
			column('unit', 'Unit'),
			column('currency', 'Currency'),
			column('qualifier', 'Qualifier'),
			column('reporter', 'Reporter'),
			column('derived_method', 'Derived by'),
			column('derived_inputs', 'Derived from'),
			column('derived_note', 'Derivation'),
			...citationColumns,
		],
		sortable: ['period', 'value', 'label', 'product'],
		defaultOrder: 'f.rowid',
		cited: true,
	},
	companies: {
		table: 'companies',
		columns: [
			column('id', 'Id'),
			column('subject', 'Subject'),
			column('label', 'Counted'),
			column('count', 'Count', 'number'),
			column('qualifier', 'Qualifier'),
			column('side', 'Side'),
			column(
				'readings',
				'Readings of subject',
				'number',
				'(SELECT count(DISTINCT r.count || r.qualifier) FROM companies r WHERE r.subject = f.subject)',
			),
			...citationColumns,
		],
		sortable: ['count', 'label', 'side'],
		defaultOrder: 'f.rowid',
		cited: true,
	},
	sources: {
		table: 'sources',
		columns: [
			column('id', 'Id'),
			column('file', 'File'),
			column('language', 'Language'),
			column('outlet', 'Outlet'),
			column('published', 'Published'),
			column('published_basis', 'Date basis'),
			column('title', 'Title'),
			column('facts', 'Facts cited', 'number', '(SELECT count(*) FROM citations c WHERE c.source_id = f.id AND c.via IS NULL)'),
		],
		sortable: ['published', 'language', 'facts'],
		defaultOrder: 'f.rowid',
		cited: false,
	},
};
