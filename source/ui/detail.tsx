// The detail view: every field of a row in full, its notes, and each quote in
// its original script with source, language, outlet and date.
import {Box, Text} from 'ink';
import wrapAnsi from 'wrap-ansi';
import {fitColumns} from '../text/fit.js';
import {printable} from '../text/printable.js';
import {symbols} from '../text/symbols.js';
import type {Detail} from '../views/detail.js';
import {type Theme, useTheme} from './theme.js';

type Line = {text: string; colour?: string; bold?: boolean; inverse?: boolean};

const noteStyle = (theme: Theme): Record<Detail['notes'][number]['kind'], {mark: string; colour?: string}> => ({
	derived: {mark: symbols.derived, colour: theme.derived},
	gap: {mark: symbols.derived, colour: theme.derived},
	disputed: {mark: symbols.disputed, colour: theme.disputed},
	announced: {mark: '…', colour: theme.visit},
});

function wrapped(text: string, width: number, indent = ''): string[] {
	return wrapAnsi(printable(text), Math.max(1, width - indent.length), {hard: true, trim: true})
		.split('\n')
		.map((line) => indent + line);
}

/** The detail as lines, and where the quote under the cursor begins and ends. */
function detailLines(detail: Detail, cursor: number, width: number, theme: Theme): {lines: Line[]; focus: [number, number]} {
	const lines: Line[] = [{text: `Row ${detail.id}`, bold: true, colour: theme.accent}];
	const labelWidth = Math.min(20, Math.max(...detail.fields.map(({label}) => label.length)) + 1);
	for (const {label, value} of detail.fields) {
		wrapped(value, width - labelWidth - 1).forEach((line, index) => {
			lines.push({text: `${fitColumns(index === 0 ? `${label}:` : '', labelWidth)} ${line}`});
		});
	}
	for (const note of detail.notes) {
		const {mark, colour} = noteStyle(theme)[note.kind];
		for (const line of wrapped(`${mark} ${note.text}`, width)) lines.push({text: line, colour, bold: true});
	}
	lines.push({text: `Quotes (${detail.quotes.length})`, bold: true});
	let focus: [number, number] = [lines.length, lines.length];
	detail.quotes.forEach((quote, index) => {
		const start = lines.length;
		const about = [quote.source, quote.language, quote.outlet ?? 'no outlet named', quote.published, quote.file];
		if (quote.via) about.push(`via ${quote.via}`);
		if (quote.spelling) about.push(`spelled “${quote.spelling}”`);
		lines.push({text: `[${index + 1}/${detail.quotes.length}] ${about.join(' · ')}`, inverse: index === cursor, bold: true});
		for (const line of wrapped(`“${quote.quote}”`, width, '  ')) lines.push({text: line});
		if (index === cursor) focus = [start, lines.length - 1];
	});
	return {lines, focus};
}

export function DetailView({detail, cursor, width, height}: {detail: Detail; cursor: number; width: number; height: number}) {
	const theme = useTheme();
	const {lines, focus} = detailLines(detail, cursor, width - 2, theme);
	const room = height - 2;
	// From the top while the chosen quote fits below the fields (the first quote
	// while at least its header does); otherwise the quote is brought into view.
	const fromTop = focus[1] < room || (cursor === 0 && focus[0] < room);
	const start = fromTop ? 0 : Math.max(0, Math.min(focus[0] - 1, lines.length - room));
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="double" borderColor={theme.accent}>
			{lines.slice(start, start + room).map((line, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: a line is its position on screen
				<Text key={`${start + index}`} color={line.colour} bold={line.bold} inverse={line.inverse}>
					{fitColumns(line.text, width - 2)}
				</Text>
			))}
		</Box>
	);
}
