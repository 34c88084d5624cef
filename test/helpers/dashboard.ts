// The dashboard's state machine, run as the app runs it (the reducer, and the
// runtime answering its questions), over the shipped fact base or hand-made
// answers, and the promises every state must keep.
import type {RowQuery} from '../../source/db/pane-reads.js';
import {openFactBase} from '../../source/load/open.js';
import type {AnyPane} from '../../source/panes/pane.js';
import {type Panes, screenPanes, shippedPanes} from '../../source/panes/registry.js';
import {shippedDataDir, shippedSeedsDir} from '../../source/paths.js';
import {detailShape} from '../../source/ui/detail.js';
import {type KeyPress, keyBindings} from '../../source/ui/keys.js';
import {detailRoom, fullViewBox, helpGrid, listHeight, type Size} from '../../source/ui/layout.js';
import {type Answers, settle, step} from '../../source/ui/runtime.js';
import {type Action, initialState, type PaneView, paneOf, type State, viewQuery} from '../../source/ui/state.js';
import type {Detail, SourcedQuote} from '../../source/views/detail.js';
import {FactViews} from '../../source/views/fact-views.js';

/** "Now" for every test: default export names read kzrs-<pane>-2026-11-28.csv. */
export const fixedToday = '2026-11-28';

/** 120×40 gives the 2×2 grid; 60×20 the tabs. */
export const gridSize: Size = {columns: 120, rows: 40};
export const tabsSize: Size = {columns: 60, rows: 20};

/** The panes the dashboard shows. */
export const panes: Panes = screenPanes(shippedPanes);
export const paneIds = panes.map((pane) => pane.id);
export const bindings = keyBindings(panes);

/** What the reducer runs over: the panes, the answers to its questions, and today. */
export type Environment = {panes: Panes; answers: Answers; today: string};

let shipped: Promise<FactViews> | undefined;

/** The shipped data/ and seeds/ in sql.js, read through the views, opened once per test file. */
export function shippedViews(): Promise<FactViews> {
	shipped ??= openFactBase({dataDir: shippedDataDir, seedsDir: shippedSeedsDir}).then((database) => new FactViews(database));
	return shipped;
}

/** The real answers, over the shipped database, on the fixed day. */
export async function shippedEnvironment(): Promise<Environment> {
	return {panes, answers: await shippedViews(), today: fixedToday};
}

export type SyntheticOptions = {sortable?: readonly string[]; quotes?: (index: number) => number};

/**
 * Hand-made answers of `rows` rows in every pane. A filter keeps fewer rows
 * the longer it is, and none when it holds a "z"; the quote count of a row
 * cycles 0–3 unless given. Each pane sorts by `sortable` if given.
 */
export function syntheticEnvironment(rows: number, {sortable, quotes = (index) => index % 4}: SyntheticOptions = {}): Environment {
	const withSorts = sortable === undefined ? panes : panes.map((pane): AnyPane => ({...pane, query: {...pane.query, sortable}}));
	return {
		panes: withSorts,
		answers: {
			count: (_pane, filter) => (filter.includes('z') ? 0 : Math.floor(rows / (1 + [...filter].length))),
			detail: (_pane, _query, index) => (index >= 0 && index < rows ? syntheticDetail(index, quotes(index)) : undefined),
			// Rows with no content: a new order leaves each where it was.
			position: (_pane, _from, index) => index,
			slowOrder: () => false,
		},
		today: fixedToday,
	};
}

/** A row's detail: a field that wraps more the further down the row is, and `quotes` quotes of one to three lines. */
function syntheticDetail(index: number, quotes: number): Detail {
	const quote = (number: number): SourcedQuote => ({
		source: 's000',
		language: 'en',
		outlet: null,
		published: '2026-02-26',
		file: 'seed.txt',
		quote: 'words '.repeat(1 + ((index + number) % 3) * 12),
		spelling: null,
		via: null,
	});
	return {
		id: `row-${index}`,
		fields: [
			{label: 'Id', value: `row-${index}`},
			{label: 'Text', value: 'text '.repeat(index % 60)},
		],
		notes: [],
		quotes: Array.from({length: quotes}, (_, number) => quote(number)),
	};
}

/** The answer remembered under `id`, worked out the first time it is asked for. */
function recall<Answer>(answers: Map<string, Answer>, id: string, work: () => Answer): Answer {
	if (answers.has(id)) return answers.get(id) as Answer;
	const answer = work();
	answers.set(id, answer);
	return answer;
}

/** The same answers, remembered: checking every state of a long run asks the same questions often. */
export function remembering(environment: Environment): Environment {
	const counts = new Map<string, number>();
	const details = new Map<string, Detail | undefined>();
	const {answers} = environment;
	return {
		...environment,
		answers: {
			count: (pane, filter) => recall(counts, JSON.stringify([pane.id, filter]), () => answers.count(pane, filter)),
			detail: (pane, query, index) =>
				recall(details, JSON.stringify([pane.id, query.filter, query.sort, query.descending, index]), () => answers.detail(pane, query, index)),
			position: (pane, from, index, to) => answers.position(pane, from, index, to),
			slowOrder: (pane, query) => answers.slowOrder(pane, query),
		},
	};
}

/** How many rows of a pane a filter matches, as the environment answers. */
export const countOf = (environment: Environment, pane: string, filter = '') => environment.answers.count(paneOf(environment.panes, pane), filter);
/** The columns a pane sorts by, in order. */
export const sortableOf = (environment: Environment, pane: string) => paneOf(environment.panes, pane).query.sortable;
/** The query that gives the rows the pane shows in this state. */
export const queryOf = (environment: Environment, state: State, pane: string): RowQuery =>
	viewQuery(paneOf(environment.panes, pane), state.views[pane] as PaneView);
export const listHeightOf = (environment: Environment, pane: string, size: Size) => listHeight(paneOf(environment.panes, pane), size, environment.panes);

/** What a test feeds the reducer: a key press, or any other action. */
export type Input = KeyPress | Action;

const isKeyPress = (input: Input): input is KeyPress => !('type' in input);

/** Applies key presses (and other actions) in order, each answered as the app answers it. */
export function run(state: State, environment: Environment, ...inputs: readonly Input[]): State {
	return inputs.reduce<State>(
		(current, input) => step(current, isKeyPress(input) ? {type: 'key', key: input} : input, environment.panes, environment.answers),
		state,
	);
}

/** A fresh dashboard of `size`, then `inputs`. */
export function start(environment: Environment, size: Size = gridSize, ...inputs: readonly Input[]): State {
	const first = settle(initialState(size, environment.panes, environment.today), environment.panes, environment.answers);
	return run(first, environment, ...inputs);
}

/** Every broken promise of a state, in words; empty when it keeps them all. */
export function brokenInvariants(state: State, environment: Environment): string[] {
	const problems: string[] = [];
	for (const pane of environment.panes) {
		const {selected, offset, total, filter} = state.views[pane.id] as PaneView;
		const height = listHeight(pane, state.size, environment.panes, state.zoomed);
		const where = `${pane.id} (selected ${selected}, offset ${offset}, total ${total}, height ${height})`;
		const count = environment.answers.count(pane, filter);
		if (total !== count) problems.push(`${where}: total is not count(${JSON.stringify(filter)}) = ${count}`);
		if (!Number.isInteger(selected) || selected < 0 || selected > Math.max(0, count - 1)) problems.push(`${where}: selection outside the rows`);
		if (!Number.isInteger(offset) || offset < 0 || offset > selected) problems.push(`${where}: offset outside 0…selected`);
		if (selected >= offset + height) problems.push(`${where}: selection below the visible window`);
	}
	if (!environment.panes.some((pane) => pane.id === state.focus)) problems.push(`focus on "${state.focus}", which is no pane`);
	const {overlay} = state;
	if (overlay.kind === 'detail') {
		const pane = paneOf(environment.panes, overlay.pane);
		const view = state.views[overlay.pane] as PaneView;
		const box = fullViewBox(state.size, environment.panes);
		const detail = environment.answers.detail(pane, viewQuery(pane, view), overlay.index);
		if (box && detail) {
			const room = detailRoom(box);
			const shape = detailShape(detail, room.width);
			if (JSON.stringify(overlay.shape) !== JSON.stringify(shape))
				problems.push(`detail shaped ${JSON.stringify(overlay.shape)}, not ${JSON.stringify(shape)}`);
			const last = Math.max(0, detail.quotes.length - 1);
			if (overlay.cursor < 0 || overlay.cursor > last) problems.push(`detail cursor ${overlay.cursor} outside 0…${last}`);
			const bottom = Math.max(0, shape.lines - room.rows);
			if (overlay.top < 0 || overlay.top > bottom) problems.push(`detail scrolled to line ${overlay.top} of 0…${bottom}`);
		}
		if (overlay.index < 0 || overlay.index >= (view.total ?? 0)) problems.push(`detail of row ${overlay.index} of ${view.total}`);
	}
	if (overlay.kind === 'help') {
		// Never past the point where the last key is in view, and not at all while every key fits.
		const all = keyBindings(environment.panes).length;
		const box = fullViewBox(state.size, environment.panes);
		const last = box ? Math.max(0, all - helpGrid(box.width, box.height, all).page) : 0;
		if (!Number.isInteger(overlay.offset) || overlay.offset < 0 || overlay.offset > last) {
			problems.push(`help scrolled to ${overlay.offset} of ${all} keys (at most ${last})`);
		}
	}
	return problems;
}
