// What the trade pane shows above its list: the turnover series and the
// latest headline figures, as text.
import type {FactDatabase} from '../../db/database.js';
import {amount} from '../../text/shown.js';
import {headlineFigures, type TurnoverPoint, turnoverSeries} from './queries.js';

export type HeadlineFigure = {label: string; period: string; figure: string; shortFigure: string; derived: boolean};

export type TradeOverview = {series: TurnoverPoint[]; figures: HeadlineFigure[]};

const headlineLabels: Record<string, string> = {
	exports: 'Exports',
	imports: 'Imports',
	balance: 'Balance',
	coverage: 'Coverage',
	growth: 'Growth',
	investment: 'Investment',
};

export function tradeOverview(db: FactDatabase): TradeOverview {
	const figures = headlineFigures(db).map((row) => ({
		label: headlineLabels[String(row.indicator)] ?? String(row.indicator),
		period: String(row.period ?? ''),
		figure: amount(row.value, row.unit, row.currency, row.qualifier),
		// For beside a chart in a narrow pane, where every column counts.
		shortFigure: amount(row.value, row.unit, row.currency, row.qualifier, true),
		derived: row.derived === 1,
	}));
	return {series: turnoverSeries(db), figures};
}
