// Runs the reducer (state.ts) as the Elm architecture's runtime does: after
// each action, it answers the questions the new state waits on from the data,
// each answer an action of its own, before anything is drawn. The reducer
// stays pure; reading the data (and any index or cache that takes) happens
// here, behind the views. A question whose answer takes long (the first sort
// of a large pane) is left for `answerSlow`, once the screen says so.

import type {AnyPane} from '../panes/pane.js';
import type {Panes} from '../panes/registry.js';
import type {Detail} from '../views/detail.js';
import type {RowQuery} from '../views/fact-views.js';
import {detailShape} from './detail.js';
import {type Action, paneOf, type Question, questions, type State, update} from './state.js';

/** What the state may ask of the data: FactViews answers it. */
export type Answers = {
	count(pane: AnyPane, filter: string): number;
	detail(pane: AnyPane, query: RowQuery, index: number): Detail | undefined;
	position(pane: AnyPane, from: RowQuery, index: number, to: RowQuery): number;
	/** Whether reading the pane in this order first takes a while (an index over many rows). */
	slowOrder(pane: AnyPane, query: RowQuery): boolean;
};

const shapeOf = (detail: Detail | undefined, width: number) => (detail === undefined ? {lines: 0, quoteStarts: []} : detailShape(detail, width));

function answer(question: Question, panes: Panes, answers: Answers): Action {
	const pane = paneOf(panes, question.pane);
	switch (question.kind) {
		case 'count':
			return {type: 'counted', pane: pane.id, filter: question.filter, total: answers.count(pane, question.filter)};
		case 'position':
			return {type: 'sorted', pane: pane.id, to: question.to, selected: answers.position(pane, question.from, question.index, question.to)};
		case 'detail':
			return {
				type: 'detail-measured',
				pane: pane.id,
				index: question.index,
				width: question.width,
				shape: shapeOf(answers.detail(pane, question.query, question.index), question.width),
			};
	}
}

const isSlow = (question: Question, panes: Panes, answers: Answers) =>
	question.kind === 'position' && answers.slowOrder(paneOf(panes, question.pane), question.to);

/** The state with every question it waits on answered, but those that take long. */
export function settle(state: State, panes: Panes, answers: Answers): State {
	let current = state;
	for (const question of questions(current, panes)) if (!isSlow(question, panes, answers)) current = update(current, answer(question, panes, answers), panes);
	return current;
}

/** The state with the questions that take long answered too (and what they lead to). */
export function answerSlow(state: State, panes: Panes, answers: Answers): State {
	let current = state;
	for (const question of questions(current, panes)) current = update(current, answer(question, panes, answers), panes);
	return settle(current, panes, answers);
}

/** Whether the state waits on an answer that takes long: the screen says so until `answerSlow` gives it. */
export const waitsLong = (state: State, panes: Panes, answers: Answers) => questions(state, panes).some((question) => isSlow(question, panes, answers));

/** What the runtime takes: the reducer's actions, and the word to answer what takes long. */
export type RuntimeAction = Action | {type: 'answer-slow'};

/** One action, and the answers its state needs. */
export function step(state: State, action: RuntimeAction, panes: Panes, answers: Answers): State {
	return action.type === 'answer-slow' ? answerSlow(state, panes, answers) : settle(update(state, action, panes), panes, answers);
}
