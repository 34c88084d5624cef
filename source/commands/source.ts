import type {Io} from '../cli/io.js';
import {UserError} from '../errors.js';
import {type FactSource, openFactBase} from '../load/open.js';
import type {Panes} from '../panes/registry.js';
import {printable} from '../text/printable.js';
import {sourceDocument, sourceIds} from '../views/documents.js';
import {documentHeader, footnotedText, footnoteMark, footnotes} from '../views/footnotes.js';

/** On a terminal, the marks stand out in reverse video (none under NO_COLOR); piped, the text is plain. */
const styled = (tag: string) => `\u001B[7m${tag}\u001B[27m`;

/** Every line passes the screen's gate: a document holds nothing that may act on the terminal. */
const gated = (text: string) => text.split('\n').map(printable).join('\n');

/** `kzrs source <id>`: the document with its cited passages marked, and footnotes naming the facts that cite each. */
export async function runSource(facts: FactSource, id: string, format: 'text' | 'json', io: Io, panes: Panes): Promise<void> {
	const database = await openFactBase(facts);
	try {
		const document = sourceDocument(database, panes, id);
		if (document === undefined) {
			throw new UserError(`unknown source "${id}"; sources: ${sourceIds(database).join(', ')}`);
		}
		if (format === 'json') {
			const {id, file, language, outlet, published, publishedBasis, title, text, passages} = document;
			const shown = passages.map(({span: [start, end], facts}, index) => ({
				number: index + 1,
				start,
				end,
				text: text.slice(start, end),
				facts: facts.map((fact) => ({pane: fact.pane?.id ?? null, row: fact.pane ? fact.row : null, table: fact.table, id: fact.id})),
			}));
			io.stdout.write(`${gated(JSON.stringify({id, file, language, outlet, published, published_basis: publishedBasis, title, passages: shown}, null, 2))}\n`);
			return;
		}
		const colour = io.stdout.isTTY === true && (io.env.NO_COLOR ?? '') === '';
		// Marks are added after the gate, which would otherwise take their escape sequences apart.
		const body = gated(footnotedText(document)).replace(footnoteMark, (tag) => (colour ? styled(tag) : tag));
		io.stdout.write(`${documentHeader(document).map(printable).join('\n')}\n\n${body.trimEnd()}\n\n${gated(footnotes(document).join('\n'))}\n`);
	} finally {
		database.close();
	}
}
