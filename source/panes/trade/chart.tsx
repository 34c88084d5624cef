// Above the trade list: turnover by period as a chart, and the latest
// headline figures beside it.
import asciichart from 'asciichart';
import {Box, Text} from 'ink';
import {fitColumns} from '../../text/fit.js';
import {symbols} from '../../text/symbols.js';
import {displayWidth} from '../../text/width.js';
import {useTheme} from '../../ui/theme.js';
import type {TradeOverview} from './overview.js';

/** Lines the chart takes (title, plot and axis line) in a pane with this many lines inside its frame. */
export const chartRows = (available: number) => Math.max(0, Math.min(9, Math.floor(available / 2)));

const labelWidth = 7;
/** Columns the chart keeps beside the headline figures. */
const minChartWidth = 24;
/** Columns a headline figure's name and period take beside the chart. */
const figureLabelWidth = 16;

/** How a derived period's step is drawn, where a stated one is a solid line. */
const derivedLine = '╌';

/**
 * Turnover by period as a step chart: asciichart draws N−1 columns for N
 * points, so each period is repeated to fill the width as a flat step, never
 * interpolated. The axis starts at zero, so that a step's height is in
 * proportion to the figure: from a cut axis a rise of half would fill the
 * chart. Periods label the axis; a derived one carries the derived mark and
 * its step is dashed.
 */
function turnoverChart({series}: TradeOverview, width: number, height: number): string[] {
	if (series.length === 0) return ['No turnover totals to chart'];
	const currency = series[0]?.currency ?? '';
	if (height < 3) {
		const points = series.map((point) => `${point.period}${point.derived ? symbols.derived : ''} ${point.value}`);
		return [`Turnover (million ${currency}): ${points.join(' → ')}`];
	}
	const plotWidth = Math.max(series.length + 1, width - labelWidth - 2);
	const step = Math.max(1, Math.floor(plotWidth / series.length));
	const values = series.flatMap((point) => Array<number>(step).fill(point.value));
	if (values.length === 1) values.push(values[0] as number);
	const plot = asciichart
		.plot(values, {min: 0, height: height - 2, format: (value: number) => (Math.round(value) || 0).toFixed(0).padStart(labelWidth)})
		.split('\n');
	const firstColumn = labelWidth + 2;
	const lines = plot.map((line) => {
		const characters = [...line];
		// asciichart also crosses the axis (┼) on the top line when the axis starts at zero: only the line's start crosses it.
		if (characters[firstColumn - 1] === '┼' && characters[firstColumn] === ' ') characters[firstColumn - 1] = '┤';
		return characters
			.map((character, column) => {
				const point = series[Math.floor((column - firstColumn) / step)];
				return character === '─' && column >= firstColumn && point?.derived ? derivedLine : character;
			})
			.join('');
	});
	const axis = Array<string>(width).fill(' ');
	series.forEach((point, index) => {
		const label = `${point.period}${point.derived ? symbols.derived : ''}`;
		const column = firstColumn + index * step;
		[...label].forEach((character, position) => {
			if (column + position < width) axis[column + position] = character;
		});
	});
	return [...lines, axis.join('').trimEnd()];
}

/** What a screen reader says instead of the drawing. */
function chartDescription({series, figures}: TradeOverview): string {
	const points = series.map((point) => `${point.period}${point.derived ? ' (derived)' : ''} ${point.value}`);
	const headline = figures.map((figure) => `${figure.label} ${figure.period} ${figure.figure}${figure.derived ? ' (derived)' : ''}`);
	return `Turnover, million ${series[0]?.currency ?? ''}: ${points.join(', ')}. ${headline.join('; ')}.`;
}

export function TradeChart({summary: overview, width, height: chartHeight}: {summary: TradeOverview; width: number; height: number}) {
	const theme = useTheme();
	if (chartHeight === 0) return null;
	const besideChart = width >= 56 && chartHeight >= 3;
	const short = width < 80;
	const figureText = (figure: TradeOverview['figures'][number]) => `${short ? figure.shortFigure : figure.figure}${figure.derived ? symbols.derived : ' '}`;
	// As wide as the widest figure, whole (an approximate derived balance is the longest), leaving the chart its room.
	const widest = Math.max(0, ...overview.figures.map((figure) => displayWidth(figureText(figure))));
	const figuresColumn = Math.min(figureLabelWidth + widest, width - minChartWidth);
	const chartWidth = besideChart ? width - figuresColumn - 1 : width;
	// Figures that do not fit beside the chart are not dropped silently: the list below has them all.
	const fits = overview.figures.length <= chartHeight ? overview.figures.length : chartHeight - 1;
	const shownFigures = overview.figures.slice(0, fits);
	const hiddenFigures = overview.figures.length - fits;
	const currency = overview.series[0]?.currency;
	// A title line when there is room for it and for a chart of at least three lines.
	const titled = chartHeight >= 4 && currency !== undefined;
	const chart = turnoverChart(overview, chartWidth, chartHeight - (titled ? 1 : 0));
	const title =
		chartWidth >= 34
			? ` Turnover, million ${currency}   ${derivedLine}${symbols.derived} derived`
			: ` Turnover mn ${currency} ${derivedLine}${symbols.derived}derived`;
	return (
		<Box height={chartHeight} flexDirection="row" aria-label={chartDescription(overview)}>
			<Box flexDirection="column" width={chartWidth}>
				{titled && <Text color={theme.muted}>{fitColumns(title, chartWidth)}</Text>}
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
							{fitColumns(`${figure.label} ${figure.period}`, figureLabelWidth)}
							{fitColumns(figureText(figure), figuresColumn - figureLabelWidth, 'right')}
						</Text>
					))}
					{hiddenFigures > 0 && <Text color={theme.muted}>{fitColumns(`… ${hiddenFigures} more in the list`, figuresColumn)}</Text>}
				</Box>
			)}
		</Box>
	);
}
