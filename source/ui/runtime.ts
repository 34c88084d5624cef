// Runs the reducer (state.ts) as the Elm architecture's runtime does: after
// each action, it answers the questions the new state waits on from the data,
// each answer an action of its own, before anything is drawn. The reducer
// stays pure; reading the data (and any index or cache that takes) happens
// here, behind the views.

import type {AnyPane} from '../panes/pane.js';
import type {Panes} from '../panes/registry.js';
import type {Detail} from '../views/detail.js';
import type {SourceDocument, Span} from '../views/documents.js';
import type {ReaderStart, RowQuery} from '../views/fact-views.js';
import {detailShape} from './detail.js';
import {readerShape} from './reader.js';
import {type Action, paneOf, type Question, questions, type State, update} from './state.js';

/** What the state may ask of the data: FactViews answers it. Without the reader's answers, the reader does not open. */
export type Answers = {
	count(pane: AnyPane, filter: string): number;
	detail(pane: AnyPane, query: RowQuery, index: number): Detail | undefined;
	readerDocument?(
		panes: Panes,
		pane: AnyPane,
		query: RowQuery,
		index: number,
		start: ReaderStart,
	): {document: SourceDocument; selection: Span | null} | undefined;
	position?(pane: AnyPane, id: string): number | undefined;
};

const shapeOf = (detail: Detail | undefined, width: number) => (detail === undefined ? {lines: 0, quoteStarts: []} : detailShape(detail, width));

function answer(question: Question, panes: Panes, answers: Answers): Action | undefined {
	switch (question.kind) {
		case 'count': {
			const pane = paneOf(panes, question.pane);
			return {type: 'counted', pane: pane.id, filter: question.filter, total: answers.count(pane, question.filter)};
		}
		case 'detail': {
			const detail = answers.detail(paneOf(panes, question.pane), question.query, question.index);
			return {type: 'detail-measured', pane: question.pane, index: question.index, width: question.width, shape: shapeOf(detail, question.width)};
		}
		case 'reader': {
			if (answers.readerDocument === undefined) return undefined;
			const {opening, width} = question;
			const found = answers.readerDocument(panes, paneOf(panes, opening.pane), opening.query, opening.index, opening.start);
			return {type: 'reader-shown', opening, width, shape: found ? readerShape(found.document, width) : null, selection: found?.selection ?? null};
		}
		case 'locate':
			return answers.position && {type: 'located', pane: question.pane, id: question.id, index: answers.position(paneOf(panes, question.pane), question.id)};
	}
}

/**
 * The state with every question it waits on answered. An answer may raise a
 * question of its own (a fact to select in a pane whose rows are just
 * counted): those are answered too, a round at a time.
 */
export function settle(state: State, panes: Panes, answers: Answers): State {
	let current = state;
	for (let round = 0; round < maxRounds; round++) {
		const before = current;
		for (const question of questions(current, panes)) {
			const action = answer(question, panes, answers);
			if (action !== undefined) current = update(current, action, panes);
		}
		if (current === before) break;
	}
	return current;
}

/** Questions follow from answers at most this deep: a count, then where a row stands among those counted. */
const maxRounds = 3;

/** One action, and the answers its state needs. */
export function step(state: State, action: Action, panes: Panes, answers: Answers): State {
	return settle(update(state, action, panes), panes, answers);
}
