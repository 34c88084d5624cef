// A source's document as the reader and `kzrs source` show it: its text, its
// header, each cited passage with the facts that cite it and the pane that
// shows each, and the sentences nothing cites.

import type {FactDatabase} from '../db/database.js';
import {type Span, type StoredDocument, storedDocument, storedPassages, uncitedSentences} from '../db/documents.js';
import type {Panes} from '../panes/registry.js';

export type {Span};

/** A fact citing a passage: its id, and the pane that lists it (by id and title), if one does. */
export type CitingFact = {id: string; table: string; pane: {id: string; title: string} | null};

export type Passage = {span: Span; facts: CitingFact[]};

export type SourceDocument = StoredDocument & {passages: Passage[]; uncited: Span[]};

export function sourceDocument(db: FactDatabase, panes: Panes, source: string): SourceDocument | undefined {
	const stored = storedDocument(db, source);
	if (stored === undefined) return undefined;
	const paneOf = (table: string) => panes.find((pane) => pane.detail?.table === table);
	const passages = storedPassages(db, source).map(({span, facts}) => ({
		span,
		facts: facts.map(({table, id}): CitingFact => {
			const pane = paneOf(table);
			return {id, table, pane: pane === undefined ? null : {id: pane.id, title: pane.title}};
		}),
	}));
	return {...stored, passages, uncited: uncitedSentences(db, source)};
}

export {passageOfQuote, sourceIds} from '../db/documents.js';
