// The reader: a source's whole document in its own script, wrapped to the
// view's width, under a header saying what it is. Every cited passage is
// coloured, and its lines carry a mark in the margin, which says the same
// without colour and to a screen reader; the selected stretch is in reverse
// video, its lines marked apart. Enter lists the facts citing the selected
// passage.
import {Box, Text} from 'ink';
import {memo} from 'react';
import {fitColumns} from '../text/fit.js';
import {printable} from '../text/printable.js';
import {outletShown} from '../text/shown.js';
import {symbols} from '../text/symbols.js';
import {wrapSpans} from '../text/wrap-spans.js';
import type {SourceDocument, Span} from '../views/documents.js';
import {readerRoom} from './layout.js';
import {type ReaderOverlay, type ReaderShape, selectedPassage} from './reader-state.js';
import {scrollNote} from './scroll-note.js';
import {useTheme} from './theme.js';

/** The margin before each line: a mark and a space. */
const marginWidth = 2;

/** Each document's layouts, by width: a document is laid out once for each width it is read at. */
const shapes = new WeakMap<SourceDocument, Map<number, ReaderShape>>();

/** A document laid out `width` columns wide (the reader's room, margin included): what the reducer scrolls over. */
export function readerShape(document: SourceDocument, width: number): ReaderShape {
	let byWidth = shapes.get(document);
	if (byWidth === undefined) {
		byWidth = new Map();
		shapes.set(document, byWidth);
	}
	let shape = byWidth.get(width);
	if (shape === undefined) {
		shape = layOut(document, width);
		byWidth.set(width, shape);
	}
	return shape;
}

function layOut(document: SourceDocument, width: number): ReaderShape {
	const {id, title, outlet, language, published, publishedBasis, text, passages} = document;
	return {
		source: id,
		header: [`${id} · ${title}`, `${outletShown(outlet)} · ${language} · published ${published} (${publishedBasis})`],
		text,
		lines: wrapSpans(text, Math.max(1, width - marginWidth)),
		passages: passages.map(({span}) => span),
		facts: passages.map(({facts}) => facts),
	};
}

const overlapping = (spans: readonly Span[], start: number, end: number) => spans.some(([from, to]) => from < end && start < to && from < to);

/** Whether any of the spans marks the line from `start` to `end` (an empty line: a span running through it). */
const marksLine = (spans: readonly Span[], start: number, end: number) =>
	overlapping(spans, start, end) || (start === end && spans.some(([from, to]) => from <= start && start < to));

type Piece = {text: string; cited: boolean; selected: boolean; matched: boolean};

/** A line of the document cut where its marking changes. */
function pieces(shape: ReaderShape, [start, end]: Span, selection: Span | null, matches: readonly Span[]): Piece[] {
	const cuts = new Set([start, end]);
	for (const [from, to] of [...shape.passages, ...matches, ...(selection ? [selection] : [])]) {
		if (from > start && from < end) cuts.add(from);
		if (to > start && to < end) cuts.add(to);
	}
	const ordered = [...cuts].sort((a, b) => a - b);
	const result: Piece[] = [];
	for (let index = 0; index + 1 < ordered.length; index++) {
		const [from, to] = [ordered[index] as number, ordered[index + 1] as number];
		result.push({
			text: printable(shape.text.slice(from, to)),
			cited: overlapping(shape.passages, from, to),
			selected: selection !== null && overlapping([selection], from, to),
			matched: overlapping(matches, from, to),
		});
	}
	return result;
}

const noMatches: readonly Span[] = [];

type LineProps = {shape: ReaderShape; start: number; end: number; selection: Span | null; matches: readonly Span[]};

/** One line of the document, its margin mark first; drawn again only when what marks it changes. */
const DocumentLine = memo(function DocumentLine({shape, start, end, selection, matches}: LineProps) {
	const theme = useTheme();
	const inSelection = selection !== null && marksLine([selection], start, end);
	const cited = marksLine(shape.passages, start, end);
	const mark = inSelection ? symbols.passage : cited ? symbols.cited : ' ';
	if (!inSelection && !cited && matches.length === 0) return <Text wrap="truncate">{`  ${printable(shape.text.slice(start, end))}`}</Text>;
	return (
		<Text wrap="truncate">
			<Text color={theme.accent}>{mark} </Text>
			{pieces(shape, [start, end], selection, matches).map((piece, at) => (
				<Text
					// biome-ignore lint/suspicious/noArrayIndexKey: a piece is its place in the line
					key={at}
					color={piece.cited ? theme.accent : undefined}
					backgroundColor={piece.matched ? theme.match : undefined}
					underline={piece.matched}
					inverse={piece.selected}
				>
					{piece.text}
				</Text>
			))}
		</Text>
	);
});

function FactList({shape, overlay, width, rows}: {shape: ReaderShape; overlay: ReaderOverlay; width: number; rows: number}) {
	const theme = useTheme();
	const facts = shape.facts[selectedPassage(overlay)] ?? [];
	const cursor = overlay.facts ?? 0;
	const listRows = Math.max(1, rows - 1);
	const offset = Math.max(0, Math.min(cursor - listRows + 1, facts.length - listRows));
	const shown = facts.slice(offset, offset + listRows);
	return (
		<Box flexDirection="column" height={rows}>
			<Text bold color={theme.accent}>
				{fitColumns(`Facts citing this passage (${facts.length}): Enter goes to one, Esc back`, width)}
			</Text>
			{shown.map((fact, index) => {
				const at = offset + index;
				return (
					<Text key={`${fact.table} ${fact.id}`} inverse={at === cursor}>
						{fitColumns(
							`${at === cursor ? symbols.selected : ' '} ${fact.pane?.title ?? fact.table} · ${fact.row === fact.id ? fact.id : `${fact.row} (${fact.table} ${fact.id})`}`,
							width,
						)}
					</Text>
				);
			})}
		</Box>
	);
}

export function ReaderView({overlay, width, height}: {overlay: ReaderOverlay; width: number; height: number}) {
	const theme = useTheme();
	const room = readerRoom({width, height});
	const {shape, selection, top} = overlay;
	const matches = overlay.search?.matches ?? noMatches;
	if (shape === null) return null;
	const shown = shape.lines.slice(top, top + room.rows);
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="double" borderColor={theme.accent}>
			<Text bold color={theme.accent}>
				{fitColumns(printable(shape.header[0]), room.width)}
			</Text>
			<Text color={theme.muted}>{fitColumns(printable(shape.header[1]), room.width)}</Text>
			{overlay.facts !== null ? (
				<FactList shape={shape} overlay={overlay} width={room.width} rows={room.rows} />
			) : (
				<Box flexDirection="column" height={room.rows}>
					{shown.map((line, index) => (
						<DocumentLine
							// biome-ignore lint/suspicious/noArrayIndexKey: a line is its position in the document
							key={`${top + index}`}
							shape={shape}
							start={line[0]}
							end={line[1]}
							// Only the lines the selection marks are given it: moving it draws those again, not every line.
							selection={selection !== null && marksLine([selection], line[0], line[1]) ? selection : null}
							matches={matches}
						/>
					))}
				</Box>
			)}
			<Text color={theme.muted}>
				{fitColumns(scrollNote(top, Math.max(0, shape.lines.length - top - shown.length), 'n/N passages, j/k lines'), room.width)}
			</Text>
		</Box>
	);
}
