// What the trade pane reads: fixed SQL text, run by the database modules.
import type {FactDatabase, Row} from '../../db/database.js';
import {citationColumns, column, type PaneQuery} from '../../db/pane-reads.js';

export const query: PaneQuery = {
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
	// Money by currency, and percentages apart: 90 % is not between two sums in dollars.
	sortWithin: {value: ['f.unit', 'f.currency']},
	defaultOrder: 'f.rowid',
	cited: true,
};

export type TurnoverPoint = {period: string; value: number; derived: boolean; currency: string};

/** Turnover totals by period, for the chart: one point per period, the stated figure before a derived one. */
export function turnoverSeries(db: FactDatabase): TurnoverPoint[] {
	return db
		.all(
			`SELECT period, value, derived, currency FROM (
				SELECT period, value, derived_method IS NOT NULL AS derived, currency,
					row_number() OVER (PARTITION BY period ORDER BY derived_method IS NOT NULL, rowid) AS pick
				FROM trade
				WHERE indicator = 'turnover' AND product IS NULL AND period IS NOT NULL AND unit = 'million'
					AND currency = (SELECT currency FROM trade WHERE indicator = 'turnover' AND product IS NULL ORDER BY rowid LIMIT 1))
			 WHERE pick = 1 ORDER BY period`,
		)
		.map((row) => ({period: String(row.period), value: Number(row.value), derived: row.derived === 1, currency: String(row.currency)}));
}

/** The headline indicators, in the order they are shown beside the chart. */
export const headlineIndicators = ['exports', 'imports', 'balance', 'coverage', 'growth', 'investment'] as const;

/** The latest total of each headline indicator (not by product), for the figures beside the chart. */
export function headlineFigures(db: FactDatabase): Row[] {
	const placeholders = headlineIndicators.map(() => '?').join(', ');
	const order = headlineIndicators.map((_, index) => `WHEN ? THEN ${index}`).join(' ');
	return db.all(
		`SELECT indicator, label, period, value, unit, currency, qualifier, derived FROM (
			SELECT indicator, label, period, value, unit, currency, qualifier, derived_method IS NOT NULL AS derived,
				row_number() OVER (PARTITION BY indicator ORDER BY period DESC, derived_method IS NOT NULL, rowid) AS pick
			FROM trade WHERE product IS NULL AND indicator IN (${placeholders}))
		 WHERE pick = 1
		 ORDER BY CASE indicator ${order} END`,
		[...headlineIndicators, ...headlineIndicators],
	);
}

/** The total of exports or imports (not a product's) whose flow a traded good is named in: the row whose detail shows the good. */
export const totalOfGood = (db: FactDatabase, good: string): string | undefined =>
	db
		.all(
			`SELECT t.id FROM goods g JOIN trade t ON t.flow = g.flow AND t.indicator IN ('exports', 'imports') AND t.product IS NULL
			 WHERE g.id = ? ORDER BY t.rowid LIMIT 1`,
			[good],
		)
		.map((row) => String(row.id))[0];
