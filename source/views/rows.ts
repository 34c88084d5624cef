// The rows of the four panes, as the screen shows them: each view model reads
// a window of rows from the database and turns it into display text.
import type {FactDatabase, Row, RowQuery} from '../db/database.js';
import type {DashboardPane} from '../ui/layout.js';
import {amount, dateRange, qualified} from './format.js';

export type TimelineRow = {id: string; when: string; title: string; place: string; visit: boolean; announced: boolean; dateDerived: boolean; languages: string};
export type MemorandumRow = {id: string; text: string; languages: string};
export type TradeRow = {id: string; label: string; period: string; figure: string; derived: boolean; product: string; languages: string};
export type CompanyRow = {id: string; label: string; count: number; reading: string; side: string; disputed: boolean; languages: string};

export type PaneRows = {
	timeline: TimelineRow;
	memoranda: MemorandumRow;
	trade: TradeRow;
	companies: CompanyRow;
};

const text = (value: Row[string] | undefined) => (value === null || value === undefined ? '' : String(value));

const present: {[Pane in DashboardPane]: (row: Row) => PaneRows[Pane]} = {
	timeline: (row) => ({
		id: text(row.id),
		when: dateRange(row.date, row.end_date),
		title: text(row.title),
		place: text(row.place),
		visit: row.visit === 1,
		announced: row.status === 'announced',
		dateDerived: row.date_basis !== null,
		languages: text(row.languages),
	}),
	memoranda: (row) => ({
		id: text(row.id),
		text: row.kind === 'count' ? `${qualified(row.count, row.qualifier)} memoranda signed` : `${text(row.area)} (“${text(row.term)}”)`,
		languages: text(row.languages),
	}),
	trade: (row) => ({
		id: text(row.id),
		label: text(row.label),
		period: text(row.period),
		figure: amount(row.value, row.unit, row.currency, row.qualifier),
		derived: row.derived_method !== null,
		product: text(row.product),
		languages: text(row.languages),
	}),
	companies: (row) => ({
		id: text(row.id),
		label: text(row.label),
		count: Number(row.count),
		reading: qualified(row.count, row.qualifier),
		side: text(row.side),
		disputed: Number(row.readings) > 1,
		languages: text(row.languages),
	}),
};

/** The visible window of a pane: `limit` rows from `offset`. */
export function paneRows<Pane extends DashboardPane>(database: FactDatabase, pane: Pane, query: RowQuery, offset: number, limit: number): Array<PaneRows[Pane]> {
	return database.rows(pane, {...query, offset, limit}).map(present[pane]);
}
