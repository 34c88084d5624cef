// The detail view: every field of a row in full, its notes, and each quote in
// its original script with source, language, outlet and date.
import {Box, Text} from 'ink';
import wrapAnsi from 'wrap-ansi';
import {fitColumns} from '../text/fit.js';
import {printable} from '../text/printable.js';
import {symbols} from '../text/symbols.js';
import type {Detail} from '../views/detail.js';
import {type DetailShape, detailRoom} from './layout.js';
import {scrollNote} from './scroll-note.js';
import {type Theme, themeFor, useTheme} from './theme.js';

type Line = {text: string; colour?: string; bold?: boolean};

const noteStyle = (theme: Theme): Record<Detail['notes'][number]['kind'], {mark: string; colour?: string}> => ({
	derived: {mark: symbols.derived, colour: theme.derived},
	gap: {mark: symbols.derived, colour: theme.derived},
	disputed: {mark: symbols.disputed, colour: theme.disputed},
	announced: {mark: '…', colour: theme.visit},
	wording: {mark: '≠', colour: theme.disputed},
	context: {mark: symbols.event},
});

function wrapped(text: string, width: number, indent = ''): string[] {
	return wrapAnsi(printable(text), Math.max(1, width - indent.length), {hard: true, trim: true})
		.split('\n')
		.map((line) => indent + line);
}

/** The detail as lines `width` columns wide, and where each quote begins. */
function detailLines(detail: Detail, width: number, theme: Theme): {lines: Line[]; quoteStarts: number[]} {
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
	const quoteStarts: number[] = [];
	detail.quotes.forEach((quote, index) => {
		quoteStarts.push(lines.length);
		const about = [quote.source, quote.language, quote.outlet ?? 'no outlet named', quote.published, quote.file];
		if (quote.via) about.push(`via ${quote.via}`);
		if (quote.spelling) about.push(`spelled “${quote.spelling}”`);
		lines.push({text: `[${index + 1}/${detail.quotes.length}] ${about.join(' · ')}`, bold: true});
		for (const line of wrapped(`“${quote.quote}”`, width, '  ')) lines.push({text: line});
	});
	return {lines, quoteStarts};
}

/** The shape of a detail laid out `width` columns wide (see detailRoom): what the reducer scrolls over. */
export function detailShape(detail: Detail, width: number): DetailShape {
	const {lines, quoteStarts} = detailLines(detail, width, themeFor({NO_COLOR: '1'}));
	return {lines: lines.length, quoteStarts};
}

export function DetailView({detail, cursor, top, width, height}: {detail: Detail; cursor: number; top: number; width: number; height: number}) {
	const theme = useTheme();
	const room = detailRoom({width, height});
	const {lines, quoteStarts} = detailLines(detail, room.width, theme);
	const start = Math.max(0, Math.min(top, lines.length - room.rows));
	const shown = lines.slice(start, start + room.rows);
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="double" borderColor={theme.accent}>
			<Box flexDirection="column" height={room.rows}>
				{shown.map((line, index) => (
					// biome-ignore lint/suspicious/noArrayIndexKey: a line is its position on screen
					<Text key={`${start + index}`} color={line.colour} bold={line.bold} inverse={start + index === quoteStarts[cursor]}>
						{fitColumns(line.text, room.width)}
					</Text>
				))}
			</Box>
			<Text color={theme.muted}>{fitColumns(scrollNote(start, lines.length - start - shown.length, 'j/k, PgUp/PgDn'), room.width)}</Text>
		</Box>
	);
}
