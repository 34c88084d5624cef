// The lines that sum a pane up: what the memoranda sources name, the
// turnover series and headline figures beside the chart.
import type {FactDatabase, TurnoverPoint} from '../db/database.js';
import {amount, qualified} from './format.js';

/** `gap`: the sources name fewer areas than memoranda. */
export type MemorandaSummary = {line: string; gap: boolean};

/**
 * The count signed and the areas named, as the sources give them. Where they
 * name fewer areas than memoranda, the line says so and no more: they do not
 * say which memorandum covers which area, so kzrs does not count "unnamed" ones.
 */
export function memorandaSummary(database: FactDatabase): MemorandaSummary {
	const {counts, namedAreas} = database.memorandaSummary();
	const areas = `${namedAreas} area${namedAreas === 1 ? '' : 's'}`;
	const readings = [...new Set(counts.map(({count, qualifier}) => qualified(count, qualifier)))];
	const [first] = counts;
	if (!first) return {line: `Sources name ${areas}; none gives a count`, gap: false};
	if (readings.length > 1) return {line: `Sources disagree on the count: ${readings.join(' · ')}; they name ${areas}`, gap: false};
	const gap = namedAreas < first.count;
	return {line: `${readings[0]} signed · sources name ${areas}${gap ? ' for them' : ''}`, gap};
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
