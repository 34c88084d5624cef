// A document as plain text with its cited passages marked: each passage opens
// with [n> and closes with <n], numbered in the document's order, and the
// footnotes below say which facts cite it. Where passages overlap, their
// marks nest or interleave, so both show on the overlap.
import {outletShown} from '../text/shown.js';
import type {SourceDocument} from './documents.js';

/** The marks, as a pattern: removing every match gives back the document. */
export const footnoteMark = /\[\d+>|<\d+\]/g;

/** The document with every passage's marks in it. */
export function footnotedText({text, passages}: SourceDocument): string {
	// Closing marks before opening ones at the same offset; the later passage closes first.
	const marks: Array<{at: number; order: number; tag: string}> = [];
	for (const [index, {span}] of passages.entries()) {
		const number = index + 1;
		marks.push({at: span[0], order: index, tag: `[${number}>`});
		marks.push({at: span[1], order: -1 - index, tag: `<${number}]`});
	}
	marks.sort((a, b) => a.at - b.at || a.order - b.order);
	let result = '';
	let copied = 0;
	for (const {at, tag} of marks) {
		result += text.slice(copied, at) + tag;
		copied = at;
	}
	return result + text.slice(copied);
}

/** One line per passage: its number, its offsets, and the facts citing it, by pane and id. */
export function footnotes({passages}: SourceDocument): string[] {
	return passages.map(({span, facts}, index) => {
		const cited = facts.map(({id, table, pane, row}) => (row === id ? `${pane?.id ?? table} ${id}` : `${pane?.id} ${row} (${table} ${id})`)).join(', ');
		return `[${index + 1}] ${span[0]}–${span[1]}: ${cited}`;
	});
}

/** The header's facts: title, outlet, language, date and how it is known. */
export function documentHeader({id, title, outlet, language, published, publishedBasis}: SourceDocument): string[] {
	return [`${id}: ${title}`, `${outletShown(outlet)} · ${language} · published ${published} (${publishedBasis})`];
}
