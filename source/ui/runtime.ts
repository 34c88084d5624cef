// Runs the reducer (state.ts) as the Elm architecture's runtime does: after
// each action, it answers the questions the new state waits on from the data,
// each answer an action of its own, before anything is drawn. The reducer
// stays pure; reading the data (and any index or cache that takes) happens
// here, behind the views. A question whose answer takes long (the first sort
// of a large pane) is left for `answerSlow`, once its order is made in steps
// (see orderToMake).

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
	/** Where the row with this id stands in the pane's own order: the index that selects it. */
	positionOfId?(pane: AnyPane, id: string): number | undefined;
	/** Where the row at `index` in one order of the pane stands in another. */
	position(pane: AnyPane, from: RowQuery, index: number, to: RowQuery): number;
	/** Whether reading the pane in this order first takes a while (an index over many rows). */
	slowOrder(pane: AnyPane, query: RowQuery): boolean;
};

const shapeOf = (detail: Detail | undefined, width: number) => (detail === undefined ? {lines: 0, quoteStarts: []} : detailShape(detail, width));

function answer(question: Question, panes: Panes, answers: Answers): Action | undefined {
	switch (question.kind) {
		case 'count': {
			const pane = paneOf(panes, question.pane);
			return {type: 'counted', pane: pane.id, filter: question.filter, total: answers.count(pane, question.filter)};
		}
		case 'position': {
			const pane = paneOf(panes, question.pane);
			return {type: 'sorted', pane: pane.id, to: question.to, selected: answers.position(pane, question.from, question.index, question.to)};
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
			return (
				answers.positionOfId && {type: 'located', pane: question.pane, id: question.id, index: answers.positionOfId(paneOf(panes, question.pane), question.id)}
			);
	}
}

const isSlow = (question: Question, panes: Panes, answers: Answers) =>
	question.kind === 'position' && answers.slowOrder(paneOf(panes, question.pane), question.to);

/** Answers the questions the state waits on, those that take long too when `slow`, and returns the new state. */
function answerAll(state: State, panes: Panes, answers: Answers, slow: boolean): State {
	let current = state;
	for (const question of questions(current, panes)) {
		if (!slow && isSlow(question, panes, answers)) continue;
		const action = answer(question, panes, answers);
		if (action !== undefined) current = update(current, action, panes);
	}
	return current;
}

/**
 * The state with every question it waits on answered, but those that take
 * long. An answer may raise a question of its own (a fact to select in a
 * pane whose rows are just counted): those are answered too, a round at a
 * time.
 */
export function settle(state: State, panes: Panes, answers: Answers): State {
	let current = state;
	for (let round = 0; round < maxRounds; round++) {
		const before = current;
		current = answerAll(current, panes, answers, false);
		if (current === before) break;
	}
	return current;
}

/** Questions follow from answers at most this deep: a count, then where a row stands among those counted. */
const maxRounds = 3;

/** The state with the questions that take long answered too (and what they lead to). */
export function answerSlow(state: State, panes: Panes, answers: Answers): State {
	return settle(answerAll(state, panes, answers, true), panes, answers);
}

/**
 * The order the state waits on that takes long to make: the screen says so
 * while it is made in steps, and `answerSlow` then gives its answer.
 */
export function orderToMake(state: State, panes: Panes, answers: Answers): {pane: AnyPane; query: RowQuery} | undefined {
	const question = questions(state, panes).find((asked) => isSlow(asked, panes, answers));
	return question?.kind === 'position' ? {pane: paneOf(panes, question.pane), query: question.to} : undefined;
}

/** What the runtime takes: the reducer's actions, and the word to answer what takes long. */
export type RuntimeAction = Action | {type: 'answer-slow'};

/** One action, and the answers its state needs. */
export function step(state: State, action: RuntimeAction, panes: Panes, answers: Answers): State {
	return action.type === 'answer-slow' ? answerSlow(state, panes, answers) : settle(update(state, action, panes), panes, answers);
}
