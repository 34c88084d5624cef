// Runs the reducer (state.ts) as the Elm architecture's runtime does: after
// each action, it answers the questions the new state waits on from the data,
// each answer an action of its own, before anything is drawn. The reducer
// stays pure; reading the data (and any index or cache that takes) happens
// here, behind the views.

import type {AnyPane} from '../panes/pane.js';
import type {Panes} from '../panes/registry.js';
import type {Detail} from '../views/detail.js';
import type {RowQuery} from '../views/fact-views.js';
import {detailShape} from './detail.js';
import {type Action, paneOf, questions, type State, update} from './state.js';

/** What the state may ask of the data: FactViews answers it. */
export type Answers = {
	count(pane: AnyPane, filter: string): number;
	detail(pane: AnyPane, query: RowQuery, index: number): Detail | undefined;
};

const shapeOf = (detail: Detail | undefined, width: number) => (detail === undefined ? {lines: 0, quoteStarts: []} : detailShape(detail, width));

/** The state with every question it waits on answered. */
export function settle(state: State, panes: Panes, answers: Answers): State {
	let current = state;
	for (const question of questions(current, panes)) {
		const pane = paneOf(panes, question.pane);
		const answer: Action =
			question.kind === 'count'
				? {type: 'counted', pane: pane.id, filter: question.filter, total: answers.count(pane, question.filter)}
				: {
						type: 'detail-measured',
						pane: pane.id,
						index: question.index,
						width: question.width,
						shape: shapeOf(answers.detail(pane, question.query, question.index), question.width),
					};
		current = update(current, answer, panes);
	}
	return current;
}

/** One action, and the answers its state needs. */
export function step(state: State, action: Action, panes: Panes, answers: Answers): State {
	return settle(update(state, action, panes), panes, answers);
}
