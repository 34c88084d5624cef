// A source's document as the reader and `kzrs source` show it: its text, its
// header, and each cited passage with the facts that cite it and the pane that
// shows each.

import type {FactDatabase} from '../db/database.js';
import {type Span, type StoredDocument, storedDocument, storedPassages} from '../db/documents.js';
import type {Panes} from '../panes/registry.js';

export type {Span};

/**
 * A fact citing a passage: its table and id, the pane that shows it (by id
 * and title), if one does, and the row of that pane that does: the fact's
 * own, or for a fact a row's detail shows (an honour) that row.
 */
export type CitingFact = {id: string; table: string; pane: {id: string; title: string} | null; row: string};

export type Passage = {span: Span; facts: CitingFact[]};

export type SourceDocument = StoredDocument & {passages: Passage[]};

export function sourceDocument(db: FactDatabase, panes: Panes, source: string): SourceDocument | undefined {
	const stored = storedDocument(db, source);
	if (stored === undefined) return undefined;
	const citing = (table: string, id: string): CitingFact => {
		const own = panes.find((pane) => pane.detail?.table === table);
		if (own !== undefined) return {id, table, pane: {id: own.id, title: own.title}, row: id};
		const showing = panes.find((pane) => pane.detail?.shows?.table === table);
		const row = showing?.detail?.shows?.row(db, id);
		return showing === undefined || row === undefined ? {id, table, pane: null, row: id} : {id, table, pane: {id: showing.id, title: showing.title}, row};
	};
	const passages = storedPassages(db, source).map(({span, facts}) => ({span, facts: facts.map(({table, id}) => citing(table, id))}));
	return {...stored, passages};
}

export {firstUncitedSentence, passageOfQuote, sourceIds} from '../db/documents.js';
