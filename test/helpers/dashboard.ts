// The dashboard's state machine over the shipped fact base (or a hand-made
// environment), and the promises every state must keep.
import {bindings} from '../../source/ui/keys.js';
import type {FactDatabase} from '../../source/db/database.js';
import {openDatabase} from '../../source/open-database.js';
import {shippedDataDir, shippedSeedsDir} from '../../source/paths.js';
import {databaseEnvironment} from '../../source/ui/environment.js';
import type {KeyPress} from '../../source/ui/keys.js';
import {dashboardPanes, listHeight, type Size, fullViewBox, helpGrid} from '../../source/ui/layout.js';
import {type Action, type Environment, initialState, type State, update, viewQuery} from '../../source/ui/state.js';

/** "Now" for every test: default export names read kzrs-<pane>-2026-11-28.csv. */
export const fixedNow = new Date('2026-11-28T12:00:00');
export const fixedToday = '2026-11-28';

/** 120×40 gives the 2×2 grid; 60×20 the tabs. */
export const gridSize: Size = {columns: 120, rows: 40};
export const tabsSize: Size = {columns: 60, rows: 20};

let shipped: Promise<FactDatabase> | undefined;

/** The shipped data/ and seeds/ in sql.js, opened once per test file. */
export function shippedDatabase(): Promise<FactDatabase> {
	shipped ??= openDatabase({dataDir: shippedDataDir, seedsDir: shippedSeedsDir});
	return shipped;
}

/** The real environment over the shipped database, on the fixed day. */
export async function shippedEnvironment(): Promise<Environment> {
	return databaseEnvironment(await shippedDatabase(), fixedNow);
}

export type SyntheticOptions = {sortable?: readonly string[]; quotes?: (index: number) => number};

/**
 * A hand-made environment of `rows` rows in every pane. A filter keeps fewer
 * rows the longer it is, and none when it holds a "z"; the quote count of a
 * row cycles 0–3 unless given.
 */
export function syntheticEnvironment(rows: number, {sortable = ['first', 'second'], quotes = (index) => index % 4}: SyntheticOptions = {}): Environment {
	return {
		count: (_pane, filter) => (filter.includes('z') ? 0 : Math.floor(rows / (1 + [...filter].length))),
		sortable: () => sortable,
		quoteCount: (_pane, _query, index) => (index >= 0 && index < rows ? quotes(index) : 0),
		today: fixedToday,
	};
}

/** The answer remembered under `id`, worked out the first time it is asked for. */
function recall(answers: Map<string, number>, id: string, work: () => number): number {
	const known = answers.get(id);
	if (known !== undefined) return known;
	const answer = work();
	answers.set(id, answer);
	return answer;
}

/** The same answers, remembered: checking every state of a long run asks the same questions often. */
export function remembering(environment: Environment): Environment {
	const counts = new Map<string, number>();
	const quotes = new Map<string, number>();
	return {
		...environment,
		count: (pane, filter) => recall(counts, JSON.stringify([pane, filter]), () => environment.count(pane, filter)),
		quoteCount: (pane, query, index) =>
			recall(quotes, JSON.stringify([pane, query.filter, query.sort, query.descending, index]), () => environment.quoteCount(pane, query, index)),
	};
}

/** What a test feeds the reducer: a key press, or any other action. */
export type Input = KeyPress | Action;

const isKeyPress = (input: Input): input is KeyPress => !('type' in input);

/** Applies key presses (and other actions) in order. */
export function run(state: State, environment: Environment, ...inputs: readonly Input[]): State {
	return inputs.reduce<State>((current, input) => update(current, isKeyPress(input) ? {type: 'key', key: input} : input, environment), state);
}

/** A fresh dashboard of `size`, then `inputs`. */
export function start(environment: Environment, size: Size = gridSize, ...inputs: readonly Input[]): State {
	return run(initialState(size, environment), environment, ...inputs);
}

/** Every broken promise of a state, in words; empty when it keeps them all. */
export function brokenInvariants(state: State, environment: Environment): string[] {
	const problems: string[] = [];
	for (const pane of dashboardPanes) {
		const {selected, offset, total, filter} = state.views[pane];
		const height = listHeight(pane, state.size);
		const where = `${pane} (selected ${selected}, offset ${offset}, total ${total}, height ${height})`;
		if (!Number.isInteger(selected) || selected < 0 || selected > Math.max(0, total - 1)) problems.push(`${where}: selection outside the rows`);
		if (!Number.isInteger(offset) || offset < 0 || offset > selected) problems.push(`${where}: offset outside 0…selected`);
		if (selected >= offset + height) problems.push(`${where}: selection below the visible window`);
		const count = environment.count(pane, filter);
		if (total !== count) problems.push(`${where}: total is not count(${JSON.stringify(filter)}) = ${count}`);
	}
	const {overlay} = state;
	if (overlay.kind === 'detail') {
		const view = state.views[overlay.pane];
		const last = Math.max(0, environment.quoteCount(overlay.pane, viewQuery(overlay.pane, view, environment), overlay.index) - 1);
		if (overlay.cursor < 0 || overlay.cursor > last) problems.push(`detail cursor ${overlay.cursor} outside 0…${last}`);
		if (overlay.index < 0 || overlay.index >= view.total) problems.push(`detail of row ${overlay.index} of ${view.total}`);
	}
	if (overlay.kind === 'help') {
		// Never past the point where the last key is in view, and not at all while every key fits.
		const box = fullViewBox(state.size);
		const last = box ? Math.max(0, bindings.length - helpGrid(box.width, box.height, bindings.length).page) : 0;
		if (!Number.isInteger(overlay.offset) || overlay.offset < 0 || overlay.offset > last) {
			problems.push(`help scrolled to ${overlay.offset} of ${bindings.length} keys (at most ${last})`);
		}
	}
	return problems;
}
