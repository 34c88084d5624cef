// The reducer while the fact base loads: a pane whose table is still loading
// counts the rows in so far and says so, keeps its selection as rows come, is
// never read from the end by a count that may grow, and is counted exactly
// once every row is in.
import {describe, expect, test} from 'vitest';
import type {LoadProgress} from '../../source/load/open.js';
import type {AnyPane} from '../../source/panes/pane.js';
import {loadingLine} from '../../source/ui/chrome.js';
import type {ReaderShape} from '../../source/ui/reader-state.js';
import {settle} from '../../source/ui/runtime.js';
import {initialState, type PaneView, questions, type State} from '../../source/ui/state.js';
import {type Environment, fixedToday, gridSize, panes, queryOf, run} from '../helpers/dashboard.js';
import {key, typed} from '../helpers/keys.js';

/** Rows in each pane's table so far: the trade table grows, the others are whole. */
const rowsIn: Record<string, number> = {events: 13, memoranda: 7, trade: 3000, companies: 5};

const growing: Environment = {
	panes,
	answers: {count: (pane: AnyPane) => rowsIn[pane.query.table] ?? 0, detail: () => undefined, position: (_pane, _from, index) => index, slowOrder: () => false},
	today: fixedToday,
};

const progress = (rows: number): LoadProgress => ({
	rows,
	bytesRead: rows * 100,
	bytesTotal: 10_000_000,
	elapsedMs: 500,
	finishedTables: ['sources', 'events', 'memoranda', 'companies', 'people', 'honours', 'agenda', 'standing', 'goods'],
});

const view = (state: State, pane: string) => state.views[pane] as PaneView;

function startLoading(): State {
	rowsIn.trade = 3000;
	return settle(initialState(gridSize, panes, fixedToday, progress(3000)), panes, growing.answers);
}

test('only the panes whose tables are still loading are marked so, each counted as far as it is in', () => {
	const state = startLoading();
	expect(view(state, 'trade')).toMatchObject({total: 3000, growing: true});
	for (const pane of ['timeline', 'memoranda', 'companies']) expect(view(state, pane).growing).toBe(false);
	expect(view(state, 'timeline').total).toBe(13);
	// A growing count is no exact total to read a window from the end by.
	expect(queryOf(growing, state, 'trade').total).toBeUndefined();
	expect(queryOf(growing, state, 'timeline').total).toBe(13);
});

test('more rows in: the loading pane is counted again and keeps its selection', () => {
	const state = run(startLoading(), growing, key('3'), ...typed('jjj'));
	expect(view(state, 'trade').selected).toBe(3);
	rowsIn.trade = 9000;
	const more = run(state, growing, {type: 'loaded', progress: progress(9000)});
	expect(view(more, 'trade')).toMatchObject({total: 9000, selected: 3, growing: true});
	expect(more.loading?.rows).toBe(9000);
	// G goes to the last row in so far.
	expect(view(run(more, growing, key('G')), 'trade').selected).toBe(8999);
});

test('every row in: the counts are final, and the pane reads its windows from the end again', () => {
	const state = run(startLoading(), growing, key('3'), key('j'));
	rowsIn.trade = 12_000;
	const whole = run(state, growing, {type: 'loaded', progress: null});
	expect(whole.loading).toBeNull();
	expect(view(whole, 'trade')).toMatchObject({total: 12_000, selected: 1, growing: false});
	expect(queryOf(growing, whole, 'trade').total).toBe(12_000);
});

test('a pane still loading is not exported: it would miss the rows to come', () => {
	const state = run(startLoading(), growing, key('3'), key('e'));
	expect(state.overlay.kind).toBe('none');
	expect(state.status).toEqual({text: 'Trade is still loading: export it once every row is in', tone: 'error'});
	expect(run(state, growing, {type: 'loaded', progress: null}, key('e')).overlay.kind).toBe('export-name');
});

test('a pane still loading is not sorted: every frame would sort the rows in so far again', () => {
	for (const command of ['s', 'S']) {
		const state = run(startLoading(), growing, key('3'), key(command));
		expect(state.sorting).toBeNull();
		expect(view(state, 'trade')).toMatchObject({sort: -1, descending: false});
		expect(state.status).toEqual({text: 'Trade is still loading: sort it once every row is in', tone: 'error'});
		const whole = run(state, growing, {type: 'loaded', progress: null}, key(command));
		expect(view(whole, 'trade')).not.toMatchObject({sort: -1, descending: false});
	}
});

describe('the reader while rows load', () => {
	test('a row whose quotes are still to come says so, not that it has no document', () => {
		const opened = run(startLoading(), growing, key('3'), key('o'));
		expect(opened.overlay.kind).toBe('reader');
		const asked = questions(opened, panes).find((question) => question.kind === 'reader');
		if (asked?.kind !== 'reader') throw new Error('the reader asks for its document');
		const none = {type: 'reader-shown', opening: asked.opening, width: asked.width, shape: null, selection: null} as const;
		expect(run(opened, growing, none).status).toEqual({text: 'Its quotes are read once every row is loaded', tone: 'info'});
		const loaded = run(run(opened, growing, {type: 'loaded', progress: null}), growing, none);
		expect(loaded.status).toEqual({text: 'No source document to open here', tone: 'info'});
	});

	test('an open reader is laid out again once every row is in, not at each batch', () => {
		const shape = {lines: [[0, 1]], text: 'x'} as unknown as ReaderShape;
		const opened = run(startLoading(), growing, key('3'), key('o'));
		if (opened.overlay.kind !== 'reader') throw new Error('the reader opens');
		const shown: State = {...opened, overlay: {...opened.overlay, shape}};
		const batch = run(shown, growing, {type: 'loaded', progress: progress(5000)});
		expect(batch.overlay).toMatchObject({kind: 'reader', shape});
		const whole = run(shown, growing, {type: 'loaded', progress: null});
		expect(whole.overlay).toMatchObject({kind: 'reader', shape: null});
	});
});

describe('the loading line', () => {
	test('counts the rows in with thousands grouped, and says how much is read and about how long is left', () => {
		const line = loadingLine({...progress(26_573), bytesRead: 2_500_000}, 100);
		expect(line).toBe('Loading: 26,573 rows in, 25% of trade.json read, about 2 s left');
		expect(loadingLine({...progress(1_234_567), bytesRead: 2_500_000}, 30)).toBe('Loading 1,234,567 rows, 25%, ~2 s left');
	});
});
