import asciichart from 'asciichart';
import {Box, Text} from 'ink';
import {displayWidth} from '../../format/display-width.js';
import {fitColumns} from '../../format/fit.js';
import type {TradeRow} from '../../views/rows.js';
import type {TradeOverview} from '../../views/summaries.js';
import {EmptyList, ListLine} from '../pane-frame.js';
import {theme} from '../theme.js';

type Props = {
	overview: TradeOverview;
	chartHeight: number;
	rows: TradeRow[];
	offset: number;
	selected: number;
	focused: boolean;
	width: number;
	filter: string;
};

const labelWidth = 7;
const figuresWidth = 35;
const shortFiguresWidth = 31;

/**
 * Turnover by period as a step chart: asciichart draws N−1 columns for N
 * points, so each period is repeated to fill the width as a flat step, never
 * interpolated. Periods label the axis; derived ones carry the derived mark.
 */
function turnoverChart(overview: TradeOverview, width: number, height: number): string[] {
	const {series} = overview;
	if (series.length === 0) return ['No turnover totals to chart'];
	const currency = series[0]?.currency ?? '';
	if (height < 3) {
		const points = series.map((point) => `${point.period}${point.derived ? theme.symbols.derived : ''} ${point.value}`);
		return [`Turnover (million ${currency}): ${points.join(' → ')}`];
	}
	const plotWidth = Math.max(series.length + 1, width - labelWidth - 2);
	const step = Math.max(1, Math.floor(plotWidth / series.length));
	const values = series.flatMap((point) => Array<number>(step).fill(point.value));
	if (values.length === 1) values.push(values[0] as number);
	const plot = asciichart.plot(values, {height: height - 2, format: (value: number) => value.toFixed(0).padStart(labelWidth)}).split('\n');
	const axis = Array<string>(width).fill(' ');
	series.forEach((point, index) => {
		const label = `${point.period}${point.derived ? theme.symbols.derived : ''}`;
		const column = labelWidth + 2 + index * step;
		[...label].forEach((character, position) => {
			if (column + position < width) axis[column + position] = character;
		});
	});
	return [...plot, axis.join('').trimEnd()];
}

/** What a screen reader says instead of the drawing. */
function chartDescription({series, figures}: TradeOverview): string {
	const points = series.map((point) => `${point.period}${point.derived ? ' (derived)' : ''} ${point.value}`);
	const headline = figures.map((figure) => `${figure.label} ${figure.period} ${figure.figure}${figure.derived ? ' (derived)' : ''}`);
	return `Turnover, million ${series[0]?.currency ?? ''}: ${points.join(', ')}. ${headline.join('; ')}.`;
}

export function TradePane({overview, chartHeight, rows, offset, selected, focused, width, filter}: Props) {
	const besideChart = width >= 56 && chartHeight >= 3;
	const short = width < 80;
	const figuresColumn = short ? shortFiguresWidth : figuresWidth;
	const chartWidth = besideChart ? width - figuresColumn - 1 : width;
	// Figures that do not fit beside the chart are not dropped silently: the list below has them all.
	const fits = overview.figures.length <= chartHeight ? overview.figures.length : chartHeight - 1;
	const shownFigures = overview.figures.slice(0, fits);
	const hiddenFigures = overview.figures.length - fits;
	const currency = overview.series[0]?.currency;
	// Amounts are never cut (the unit and the derived mark matter): the label gives way.
	const figureWidth = Math.min(width - 16, Math.max(0, ...rows.map((row) => displayWidth(row.figure) + 1)));
	// A title line when there is room for it and for a chart of at least three lines.
	const titled = chartHeight >= 4 && currency !== undefined;
	const chart = chartHeight > 0 ? turnoverChart(overview, chartWidth, chartHeight - (titled ? 1 : 0)) : [];
	return (
		<>
			{chartHeight > 0 && (
				<Box height={chartHeight} flexDirection="row" aria-label={chartDescription(overview)}>
					<Box flexDirection="column" width={chartWidth}>
						{titled && <Text color={theme.muted}>{fitColumns(chartWidth >= 34 ? ` Turnover, million ${currency}   ${theme.symbols.derived} derived` : ` Turnover, mn ${currency} ${theme.symbols.derived}derived`, chartWidth)}</Text>}
						{chart.map((line, index) => (
							// biome-ignore lint/suspicious/noArrayIndexKey: a line is its position on screen
							<Text key={index} color={theme.accent}>
								{fitColumns(line, chartWidth)}
							</Text>
						))}
					</Box>
					{besideChart && (
						<Box flexDirection="column" width={figuresColumn} marginLeft={1}>
							{shownFigures.map((figure) => (
								<Text key={figure.label} color={figure.derived ? theme.derived : undefined}>
									{fitColumns(`${figure.label} ${figure.period}`, 16)}
									{fitColumns(`${short ? figure.shortFigure : figure.figure}${figure.derived ? theme.symbols.derived : ' '}`, figuresColumn - 16, 'right')}
								</Text>
							))}
							{hiddenFigures > 0 && <Text color={theme.muted}>{fitColumns(`… ${hiddenFigures} more in the list`, figuresColumn)}</Text>}
						</Box>
					)}
				</Box>
			)}
			{rows.length === 0 ? (
				<EmptyList filter={filter} />
			) : (
				rows.map((row, position) => {
					const isSelected = offset + position === selected;
					const figure = `${row.figure}${row.derived ? theme.symbols.derived : ' '}`;
					const label = row.product ? `${row.product} · ${row.label}` : row.label;
					return (
						<ListLine key={row.id} selected={isSelected} focused={focused}>
							{isSelected ? theme.symbols.selected : ' '}
							{fitColumns(row.period, 5)} {fitColumns(label, width - 9 - figureWidth)}{' '}
							<Text color={row.derived ? theme.derived : undefined}>{fitColumns(figure, figureWidth, 'right')}</Text>
						</ListLine>
					);
				})
			)}
		</>
	);
}
