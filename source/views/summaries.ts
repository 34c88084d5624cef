// The lines that sum a pane up: what the memoranda sources leave unnamed, the
// turnover series and headline figures beside the chart.
import type {FactDatabase, TurnoverPoint} from '../db/database.js';
import {amount, qualified} from './format.js';

export type MemorandaSummary = {line: string; unnamed: number};

export function memorandaSummary(database: FactDatabase): MemorandaSummary {
	const {counts, namedAreas} = database.memorandaSummary();
	const areas = `${namedAreas} area${namedAreas === 1 ? '' : 's'} named`;
	const readings = [...new Set(counts.map(({count, qualifier}) => qualified(count, qualifier)))];
	const [first] = counts;
	if (!first) return {line: `${areas}; no source gives a count`, unnamed: 0};
	if (readings.length > 1) return {line: `Sources disagree on the count: ${readings.join(' · ')}; ${areas}`, unnamed: 0};
	const unnamed = Math.max(0, first.count - namedAreas);
	const line = unnamed > 0 ? `${unnamed} of ${first.count} areas unnamed (computed: ${first.count} − ${namedAreas})` : `${readings[0]} signed · ${areas}`;
	return {line, unnamed};
}

export type HeadlineFigure = {label: string; period: string; figure: string; shortFigure: string; derived: boolean};

const headlineLabels: Record<string, string> = {
	exports: 'Exports',
	imports: 'Imports',
	balance: 'Balance',
	coverage: 'Coverage',
	growth: 'Growth',
	investment: 'Investment',
};

export type TradeOverview = {series: TurnoverPoint[]; figures: HeadlineFigure[]};

export function tradeOverview(database: FactDatabase): TradeOverview {
	const figures = database.headlineFigures().map((row) => ({
		label: headlineLabels[String(row.indicator)] ?? String(row.indicator),
		period: String(row.period ?? ''),
		figure: amount(row.value, row.unit, row.currency, row.qualifier),
		// For beside a chart in a narrow pane, where every column counts.
		shortFigure: amount(row.value, row.unit, row.currency, row.qualifier, true),
		derived: row.derived === 1,
	}));
	return {series: database.turnoverSeries(), figures};
}
