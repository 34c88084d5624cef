// The dashboard's reducer, key by key, in every overlay: what each key does to
// the state, over the shipped fact base (and hand-made environments for an
// empty pane and a very long one).
import {beforeAll, describe, expect, test} from 'vitest';
import type {AnyPane} from '../../source/panes/pane.js';
import {fullViewBox, helpGrid, layout, listHeight, type Size} from '../../source/ui/layout.js';
import {orderInWords} from '../../source/ui/pane-view.js';
import {initialState, type PaneView, paneOf, questions, type State, update} from '../../source/ui/state.js';
import type {FactViews, RowQuery} from '../../source/views/fact-views.js';
import {
	bindings,
	brokenInvariants,
	countOf,
	paneIds as dashboardPanes,
	type Environment,
	fixedToday,
	gridSize,
	type Input,
	listHeightOf,
	panes,
	queryOf,
	run,
	shippedEnvironment,
	shippedViews,
	sortableOf,
	start,
	syntheticEnvironment,
	tabsSize,
} from '../helpers/dashboard.js';
import {byId, readData} from '../helpers/fact-base.js';
import {commandsOf, everyBoundKey, key, keys, typed} from '../helpers/keys.js';

type DashboardPane = string;
let views: FactViews;
let env: Environment;
/** Rows per pane in the shipped data. */
let totals: Record<'timeline' | 'memoranda' | 'trade' | 'companies', number>;

beforeAll(async () => {
	views = await shippedViews();
	env = await shippedEnvironment();
	totals = {timeline: countOf(env, 'timeline'), memoranda: countOf(env, 'memoranda'), trade: countOf(env, 'trade'), companies: countOf(env, 'companies')};
});

/** Tabs with a timeline shorter than its 13 rows, so the list scrolls. */
const shortTabs: Size = {columns: 60, rows: 14};
const empty = syntheticEnvironment(0);
const huge = syntheticEnvironment(100_000);

/** The digit key that focuses `pane`. */
const timelinePane = () => paneOf(panes, 'timeline');
/** How many quotes stand behind a row, as the detail shows them. */
const quoteCount = (pane: AnyPane, query: RowQuery, index: number) => views.detail(pane, query, index)?.quotes.length ?? 0;
/** How many quotes the open detail view was laid out with. */
const quotesOf = (state: State) => (state.overlay.kind === 'detail' ? state.overlay.shape?.quoteStarts.length : undefined);
const paneKey = (pane: DashboardPane) => key(panes.find((candidate) => candidate.id === pane)?.key ?? '');
const view = (state: State, pane: DashboardPane = state.focus) => state.views[pane] as PaneView & {total: number};
const timelineIndex = (id: string) => views.window(timelinePane(), {}, 0, 100).findIndex((row) => row.id === id);
const phoneCall = 'phone-call-vucic-tokayev-2024';

describe('the key table and the test keys', () => {
	test('the test keys reach every binding, so the fuzz tests draw from all of them', () => {
		expect([...commandsOf(everyBoundKey)].sort()).toEqual(bindings.map(({command}) => command).sort());
	});

	test('keys read as Ink reports them', () => {
		expect(key('j')).toEqual({command: 'down', text: 'j'});
		expect(keys.down).toEqual({command: 'down', text: ''});
		expect(keys.shiftTab).toEqual({command: 'previous-pane', text: ''});
		expect(keys.tab).toEqual({command: 'next-pane', text: ''});
		expect(keys.ctrlC).toEqual({command: 'quit', text: ''});
		expect(key('q')).toEqual({command: 'quit', text: 'q'});
		expect(key('G')).toEqual({command: 'last', text: 'G'});
		expect(key('ж')).toEqual({command: undefined, text: 'ж'});
		expect(keys.escape).toEqual({command: 'back', text: ''});
		expect(keys.backspace).toEqual({command: 'erase', text: ''});
		expect(keys.backspaceCtrlH).toEqual({command: 'erase', text: ''});
	});
});

describe('questions and answers', () => {
	test('the reducer leaves what it must know of the data unknown, and asks; the runtime answers before anything is drawn', () => {
		const first = initialState(gridSize, panes, fixedToday);
		expect(questions(first, panes)).toEqual(dashboardPanes.map((pane) => ({kind: 'count', pane, filter: ''})));
		const typed = update(start(env, gridSize, key('/')), {type: 'key', key: key('v')}, panes);
		expect(view(typed)).toMatchObject({filter: 'v', total: null});
		expect(questions(typed, panes)).toEqual([{kind: 'count', pane: 'timeline', filter: 'v'}]);
		const counted = update(typed, {type: 'counted', pane: 'timeline', filter: 'v', total: 7}, panes);
		expect(view(counted)).toMatchObject({filter: 'v', total: 7});
		expect(questions(counted, panes)).toEqual([]);
		const opened = update(start(env, gridSize), {type: 'key', key: keys.enter}, panes);
		// The detail is laid out inside the full view's border: 118 columns of 120.
		expect(questions(opened, panes)).toEqual([{kind: 'detail', pane: 'timeline', query: queryOf(env, opened, 'timeline'), index: 0, width: 118}]);
	});

	test('an answer for a filter since changed is not taken', () => {
		const typed = update(start(env, gridSize, key('/'), key('v')), {type: 'key', key: key('u')}, panes);
		expect(update(typed, {type: 'counted', pane: 'timeline', filter: 'v', total: 7}, panes)).toBe(typed);
		const detail = update(start(env, gridSize), {type: 'key', key: keys.enter}, panes);
		const shape = {lines: 9, quoteStarts: [7]};
		expect(update(detail, {type: 'detail-measured', pane: 'timeline', index: 3, width: 118, shape}, panes)).toBe(detail);
		// Laid out at another width than the view's now.
		expect(update(detail, {type: 'detail-measured', pane: 'timeline', index: 0, width: 58, shape}, panes)).toBe(detail);
	});
});

describe('the first state', () => {
	test('focuses the timeline, selects each pane’s first row and counts its rows', () => {
		const state = start(env);
		expect(state.focus).toBe('timeline');
		expect(state.overlay).toEqual({kind: 'none'});
		expect(state.status).toBeNull();
		expect(state.command).toBeNull();
		for (const pane of dashboardPanes) {
			expect(view(state, pane)).toEqual({selected: 0, offset: 0, filter: '', sort: -1, descending: false, total: countOf(env, pane), growing: false});
			expect(countOf(env, pane)).toBeGreaterThan(0);
		}
	});

	test('the sizes under test give the layouts they stand for', () => {
		expect(layout(gridSize, panes).kind).toBe('grid');
		expect(layout(tabsSize, panes).kind).toBe('tabs');
		expect(layout(shortTabs, panes).kind).toBe('tabs');
		// The short tabs must really scroll the timeline.
		expect(listHeightOf(env, 'timeline', shortTabs)).toBeLessThan(countOf(env, 'timeline'));
	});
});

describe('browse: switching panes', () => {
	test('Tab goes round the panes in order, Shift-Tab backwards', () => {
		const forward = dashboardPanes.map((_, index) => start(env, gridSize, ...Array(index + 1).fill(keys.tab)).focus);
		expect(forward).toEqual(['memoranda', 'trade', 'companies', 'agenda', 'people', 'standing', 'sources', 'timeline']);
		const backward = dashboardPanes.map((_, index) => start(env, gridSize, ...Array(index + 1).fill(keys.shiftTab)).focus);
		expect(backward).toEqual(['sources', 'standing', 'people', 'agenda', 'companies', 'trade', 'memoranda', 'timeline']);
	});

	test.each(dashboardPanes.map((pane) => [paneKey(pane).text, pane] as const))('%s focuses %s, from every pane', (digit, pane) => {
		for (const from of ['1', '2', '3', '4']) {
			expect(start(env, gridSize, key(from), key(digit)).focus).toBe(pane);
		}
	});

	// h/← and l/→ from each pane. The grid is Timeline | Memoranda over Trade | Companies,
	// a focused pane not among them taking the last place: there they stay in the row.
	// One pane at a time, under tabs, they wrap round.
	const sideways: Array<[string, DashboardPane, DashboardPane, DashboardPane, Size]> = [
		['grid', 'timeline', 'timeline', 'memoranda', gridSize],
		['grid', 'memoranda', 'timeline', 'memoranda', gridSize],
		['grid', 'trade', 'trade', 'companies', gridSize],
		['grid', 'companies', 'trade', 'companies', gridSize],
		['grid', 'agenda', 'trade', 'agenda', gridSize],
		['grid', 'people', 'trade', 'people', gridSize],
		['grid', 'standing', 'trade', 'standing', gridSize],
		['grid', 'sources', 'trade', 'sources', gridSize],
		['tabs', 'timeline', 'sources', 'memoranda', tabsSize],
		['tabs', 'memoranda', 'timeline', 'trade', tabsSize],
		['tabs', 'trade', 'memoranda', 'companies', tabsSize],
		['tabs', 'companies', 'trade', 'agenda', tabsSize],
		['tabs', 'agenda', 'companies', 'people', tabsSize],
		['tabs', 'people', 'agenda', 'standing', tabsSize],
		['tabs', 'standing', 'people', 'sources', tabsSize],
		['tabs', 'sources', 'standing', 'timeline', tabsSize],
	];
	test.each(sideways)('%s: from %s, left reaches %s and right %s', (_, from, left, right, size) => {
		for (const press of [key('h'), keys.left]) expect(start(env, size, paneKey(from), press).focus).toBe(left);
		for (const press of [key('l'), keys.right]) expect(start(env, size, paneKey(from), press).focus).toBe(right);
	});

	test('each pane keeps its own selection when focus moves away and back', () => {
		const state = start(env, gridSize, key('j'), key('j'), keys.tab, key('j'), ...Array(dashboardPanes.length - 1).fill(keys.tab));
		expect(state.focus).toBe('timeline');
		expect(view(state, 'timeline').selected).toBe(2);
		expect(view(state, 'memoranda').selected).toBe(1);
		expect(view(state, 'trade').selected).toBe(0);
	});
});

describe('browse: moving the selection', () => {
	test('j and ↓ move down, k and ↑ move up', () => {
		expect(view(start(env, gridSize, key('j'))).selected).toBe(1);
		expect(view(start(env, gridSize, keys.down, keys.down)).selected).toBe(2);
		expect(view(start(env, gridSize, keys.down, keys.down, key('k'))).selected).toBe(1);
		expect(view(start(env, gridSize, keys.down, keys.down, keys.up)).selected).toBe(1);
	});

	test('the selection stops at the first and the last row', () => {
		expect(view(start(env, gridSize, key('k'))).selected).toBe(0);
		expect(view(start(env, gridSize, keys.up, keys.pageUp)).selected).toBe(0);
		const last = totals.timeline - 1;
		expect(view(start(env, gridSize, ...Array(totals.timeline + 5).fill(key('j')))).selected).toBe(last);
		expect(view(start(env, gridSize, key('G'), key('j'), keys.down, keys.pageDown)).selected).toBe(last);
	});

	test('g/Home go to the first row, G/End to the last', () => {
		const last = totals.timeline - 1;
		expect(view(start(env, gridSize, key('G'))).selected).toBe(last);
		expect(view(start(env, gridSize, keys.end)).selected).toBe(last);
		expect(view(start(env, gridSize, key('G'), key('g'))).selected).toBe(0);
		expect(view(start(env, gridSize, key('G'), keys.home)).selected).toBe(0);
	});

	test('PgDn and PgUp (and Ctrl-F, Ctrl-B) move by the list’s height, stopping at the ends', () => {
		const page = listHeightOf(env, 'timeline', shortTabs);
		const last = totals.timeline - 1;
		const down = start(env, shortTabs, keys.pageDown);
		expect(view(down).selected).toBe(page);
		expect(view(run(down, env, keys.ctrlF)).selected).toBe(Math.min(last, 2 * page));
		const bottom = start(env, shortTabs, ...Array(5).fill(keys.pageDown));
		expect(view(bottom).selected).toBe(last);
		expect(view(run(bottom, env, keys.pageUp)).selected).toBe(last - page);
		expect(view(run(bottom, env, keys.ctrlB)).selected).toBe(last - page);
		expect(view(run(bottom, env, ...Array(5).fill(keys.pageUp))).selected).toBe(0);
	});

	test('the page is the focused pane’s own list height (the trade chart takes rows)', () => {
		const trade = start(env, gridSize, key('3'), keys.pageDown);
		expect(listHeightOf(env, 'trade', gridSize)).toBeLessThan(listHeightOf(env, 'timeline', gridSize));
		expect(view(trade).selected).toBe(Math.min(totals.trade - 1, listHeightOf(env, 'trade', gridSize)));
	});

	test('the window scrolls just enough to keep the selection visible', () => {
		const height = listHeightOf(env, 'timeline', shortTabs);
		const last = totals.timeline - 1;
		let state = start(env, shortTabs);
		// Down, one row at a time: the window starts to move once the selection reaches its last line.
		for (let row = 1; row <= last; row++) {
			state = run(state, env, key('j'));
			expect(view(state)).toMatchObject({selected: row, offset: Math.max(0, row - height + 1)});
		}
		// Back up: the window stays until the selection reaches its first line.
		const bottomOffset = view(state).offset;
		for (let row = last - 1; row >= 0; row--) {
			state = run(state, env, key('k'));
			expect(view(state)).toMatchObject({selected: row, offset: Math.min(bottomOffset, row)});
		}
		expect(view(start(env, shortTabs, key('G')))).toMatchObject({selected: last, offset: last - height + 1});
		expect(view(start(env, shortTabs, key('G'), key('g')))).toMatchObject({selected: 0, offset: 0});
	});

	test('in a pane of 100,000 rows, G, PgUp and g keep the window around the selection', () => {
		const height = listHeightOf(env, 'timeline', gridSize);
		const bottom = start(huge, gridSize, key('G'));
		expect(view(bottom)).toMatchObject({selected: 99_999, offset: 100_000 - height, total: 100_000});
		const pageUp = run(bottom, huge, keys.pageUp);
		expect(view(pageUp)).toMatchObject({selected: 99_999 - height, offset: 99_999 - height});
		expect(view(run(pageUp, huge, key('g')))).toMatchObject({selected: 0, offset: 0});
		expect(brokenInvariants(pageUp, huge)).toEqual([]);
	});

	test('in an empty pane every movement keeps selection and offset at 0', () => {
		const state = start(empty, gridSize, key('j'), key('G'), keys.pageDown, key('k'), keys.pageUp, key('g'), keys.end);
		for (const pane of dashboardPanes) expect(view(state, pane)).toMatchObject({selected: 0, offset: 0, total: 0});
	});
});

describe('browse: the detail view', () => {
	test('at 60×20 and 40×12 it opens at the top, scrolls to the bottom and back with ↓/↑, PgDn/PgUp and g/G', () => {
		for (const size of [tabsSize, {columns: 40, rows: 12}]) {
			const opened = start(env, size, key('G'), keys.enter);
			const at = (state: State) => (state.overlay.kind === 'detail' ? {top: state.overlay.top, cursor: state.overlay.cursor} : undefined);
			const shape = opened.overlay.kind === 'detail' ? opened.overlay.shape : null;
			const rows = (fullViewBox(size, panes)?.height ?? 0) - 3;
			expect(shape && shape.lines > rows, `${size.columns}×${size.rows}`).toBe(true);
			const bottom = (shape?.lines ?? 0) - rows;
			const last = (shape?.quoteStarts.length ?? 0) - 1;
			expect(at(opened)).toEqual({top: 0, cursor: 0});
			expect(at(run(opened, env, key('G')))).toEqual({top: bottom, cursor: last});
			expect(at(run(opened, env, key('G'), key('g')))).toEqual({top: 0, cursor: 0});
			// Line by line, or quote by quote, ↓ reaches the bottom and ↑ the top again.
			const down = run(opened, env, ...Array(shape?.lines ?? 0).fill(keys.down));
			expect(at(down)).toEqual({top: bottom, cursor: last});
			expect(at(run(down, env, ...Array(shape?.lines ?? 0).fill(key('k'))))).toEqual({top: 0, cursor: 0});
			const paged = run(opened, env, ...Array(shape?.lines ?? 0).fill(keys.pageDown));
			expect(at(paged)?.top).toBe(bottom);
			expect(at(run(paged, env, ...Array(shape?.lines ?? 0).fill(keys.pageUp)))?.top).toBe(0);
			expect(brokenInvariants(down, env)).toEqual([]);
		}
	});

	test('Enter opens the sources of the selected row', () => {
		const state = start(env, gridSize, key('j'), key('j'), keys.enter);
		expect(state.overlay).toMatchObject({kind: 'detail', pane: 'timeline', index: 2, cursor: 0, top: 0});
		expect(quotesOf(state)).toBe(quoteCount(timelinePane(), {}, 2));
		const companies = start(env, gridSize, key('4'), key('j'), keys.enter);
		expect(companies.overlay).toMatchObject({kind: 'detail', pane: 'companies', index: 1, cursor: 0, top: 0});
		expect(quotesOf(companies)).toBe(quoteCount(paneOf(panes, 'companies'), {}, 1));
	});

	test('Enter on an empty pane opens nothing', () => {
		expect(start(empty, gridSize, keys.enter).overlay).toEqual({kind: 'none'});
		const noMatch = start(env, gridSize, key('/'), ...typed('qqqzzz'), keys.enter);
		expect(view(noMatch).total).toBe(0);
		expect(run(noMatch, env, keys.enter).overlay).toEqual({kind: 'none'});
	});

	test('j/k, ↓/↑, g/G move the quote cursor within the row’s quotes and stop at the ends', () => {
		const index = timelineIndex(phoneCall);
		const quotes = byId(readData('events'), phoneCall).citations.length;
		expect(quotes).toBeGreaterThan(2);
		const detail = start(env, gridSize, ...Array(index).fill(key('j')), keys.enter);
		expect(detail.overlay).toMatchObject({kind: 'detail', pane: 'timeline', index, cursor: 0});
		expect(quotesOf(detail)).toBe(quotes);
		const cursor = (...presses: Input[]) => {
			const {overlay} = run(detail, env, ...presses);
			return overlay.kind === 'detail' ? overlay.cursor : undefined;
		};
		expect(cursor(key('j'))).toBe(1);
		expect(cursor(keys.down, keys.down)).toBe(2);
		expect(cursor(keys.down, keys.down, key('k'))).toBe(1);
		expect(cursor(keys.down, keys.up)).toBe(0);
		expect(cursor(key('k'))).toBe(0);
		expect(cursor(keys.up, keys.up)).toBe(0);
		expect(cursor(key('G'))).toBe(quotes - 1);
		expect(cursor(keys.end, key('g'))).toBe(0);
		expect(cursor(...Array(quotes + 3).fill(key('j')))).toBe(quotes - 1);
		expect(cursor(key('G'), key('j'))).toBe(quotes - 1);
	});

	test('a row with one quote keeps the cursor on it; a row with none (hand-made) at 0', () => {
		// Tokayev's 2024 visit to Belgrade: one source, one quote.
		const belgrade = timelineIndex('tokayev-official-visit-belgrade');
		const one = start(env, gridSize, ...Array(belgrade).fill(key('j')), keys.enter);
		expect(quotesOf(one)).toBe(1);
		expect(run(one, env, key('j'), key('G')).overlay).toMatchObject({kind: 'detail', pane: 'timeline', index: belgrade, cursor: 0});
		const none = syntheticEnvironment(10, {quotes: () => 0});
		const noQuotes = start(none, gridSize, keys.enter, key('j'), key('G'), key('k'));
		expect(noQuotes.overlay).toMatchObject({kind: 'detail', pane: 'timeline', index: 0, cursor: 0});
		expect(quotesOf(noQuotes)).toBe(0);
	});

	test('Esc and q close the detail; q does not quit there', () => {
		for (const close of [keys.escape, key('q')]) {
			const state = start(env, gridSize, key('j'), keys.enter, key('j'), close);
			expect(state.overlay).toEqual({kind: 'none'});
			expect(state.command).toBeNull();
			expect(view(state).selected).toBe(1);
		}
	});

	test('y in the detail copies the quote under the cursor, with the pane’s query', () => {
		const sorted = start(env, gridSize, key('s'), key('S'), key('g'), keys.enter, key('j'), key('y'));
		const query = {filter: '', sort: sortableOf(env, 'timeline')[0], descending: true, total: countOf(env, 'timeline', '')};
		const quotes = quoteCount(timelinePane(), query, 0);
		expect(sorted.command).toEqual({id: 1, run: {kind: 'copy-quote', pane: 'timeline', query, index: 0, cursor: Math.min(1, quotes - 1)}});
		const index = timelineIndex(phoneCall);
		const phone = start(env, gridSize, ...Array(index).fill(key('j')), keys.enter, key('j'), key('j'), key('y'));
		expect(phone.command?.run).toEqual({
			kind: 'copy-quote',
			pane: 'timeline',
			query: {filter: '', sort: undefined, descending: false, total: countOf(env, 'timeline', '')},
			index,
			cursor: 2,
		});
		expect(phone.overlay).toMatchObject({kind: 'detail', cursor: 2});
	});

	test('other keys leave the detail as it is', () => {
		const detail = start(env, gridSize, key('j'), keys.enter);
		for (const press of [
			keys.tab,
			keys.shiftTab,
			key('2'),
			key('h'),
			key('l'),
			key('/'),
			key('s'),
			key('S'),
			key('e'),
			key('?'),
			keys.enter,
			keys.pageDown,
			key('x'),
		]) {
			expect(run(detail, env, press)).toEqual(detail);
		}
	});
});

describe('browse: the help overlay', () => {
	test('? opens the help; Esc, q and ? close it without quitting', () => {
		const help = start(env, gridSize, key('?'));
		expect(help.overlay).toEqual({kind: 'help', offset: 0});
		for (const close of [keys.escape, key('q'), key('?')]) {
			const closed = run(help, env, close);
			expect(closed.overlay).toEqual({kind: 'none'});
			expect(closed.command).toBeNull();
		}
	});

	const offset = (state: State) => (state.overlay.kind === 'help' ? state.overlay.offset : Number.NaN);
	// The keys one screen of help shows, laid out as HelpView lays them out.
	const page = (size: Size) => {
		const box = fullViewBox(size, panes);
		return box ? helpGrid(box.width, box.height, bindings.length).page : 0;
	};

	test('in a small window, j/k, g/G and the page keys scroll the keys until the last is in view', () => {
		const last = bindings.length - page(shortTabs);
		expect(last).toBeGreaterThan(1);
		const help = start(env, shortTabs, key('?'));
		expect(offset(run(help, env, key('j')))).toBe(1);
		expect(offset(run(help, env, key('j'), key('j'), key('k')))).toBe(1);
		expect(offset(run(help, env, key('k')))).toBe(0);
		expect(offset(run(help, env, key('G')))).toBe(last);
		expect(offset(run(help, env, key('G'), key('j')))).toBe(last);
		expect(offset(run(help, env, keys.pageDown))).toBe(Math.min(last, page(shortTabs)));
		expect(offset(run(help, env, keys.pageDown, key('g')))).toBe(0);
	});

	test('when every key fits, the help does not scroll, and growing the window scrolls it back', () => {
		expect(page(gridSize)).toBeGreaterThanOrEqual(bindings.length);
		expect(offset(start(env, gridSize, key('?'), key('j'), key('G')))).toBe(0);
		const scrolled = start(env, shortTabs, key('?'), key('G'));
		expect(offset(scrolled)).toBeGreaterThan(0);
		expect(offset(run(scrolled, env, {type: 'resize', size: gridSize}))).toBe(0);
	});

	test('other keys leave the help open and change nothing', () => {
		const help = start(env, gridSize, key('?'));
		for (const press of [keys.tab, key('3'), keys.enter, key('/'), key('e'), key('y')]) {
			expect(run(help, env, press)).toEqual(help);
		}
	});
});

describe('filter mode', () => {
	const vucic = /vu[cč]i[cćč]|вучи[ћч]/i;

	test('/ enters filter mode with an empty filter', () => {
		const state = start(env, gridSize, key('/'));
		expect(state.overlay).toEqual({kind: 'filter'});
		expect(view(state)).toMatchObject({filter: '', total: totals.timeline});
	});

	test('typing "vucic" keeps the events that name Vučić, as the database counts them', () => {
		const state = start(env, gridSize, key('j'), key('j'), key('/'), ...typed('vucic'));
		const expected = readData('events').filter((event) => vucic.test(JSON.stringify(event))).length;
		expect(expected).toBeGreaterThan(0);
		expect(expected).toBeLessThan(totals.timeline);
		expect(view(state)).toEqual({
			selected: 0,
			offset: 0,
			filter: 'vucic',
			sort: -1,
			descending: false,
			total: countOf(env, 'timeline', 'vucic'),
			growing: false,
		});
		expect(view(state).total).toBe(expected);
		expect(state.overlay).toEqual({kind: 'filter'});
	});

	test('every letter typed recounts the rows', () => {
		let state = start(env, gridSize, key('/'));
		let filter = '';
		for (const letter of typed('vucic')) {
			state = run(state, env, letter);
			filter += letter.text;
			expect(view(state)).toMatchObject({filter, total: countOf(env, 'timeline', filter), selected: 0, offset: 0});
		}
	});

	test('Cyrillic finds what Latin finds: "Вучић" counts as "vucic"', () => {
		const state = start(env, gridSize, key('/'), ...typed('Вучић'));
		expect(view(state)).toMatchObject({filter: 'Вучић', total: countOf(env, 'timeline', 'vucic')});
	});

	test('bound letters, digits and symbols are text in the filter, not commands', () => {
		const text = 'jkqeyhlgGsS/?1234 ';
		const state = start(env, gridSize, key('/'), ...typed(text));
		expect(state.overlay).toEqual({kind: 'filter'});
		expect(state.focus).toBe('timeline');
		expect(state.command).toBeNull();
		expect(view(state)).toMatchObject({filter: text, total: countOf(env, 'timeline', text), sort: -1, descending: false});
	});

	test('Backspace deletes the last character (a whole Cyrillic letter) and recounts; on an empty filter it does nothing', () => {
		const state = start(env, gridSize, key('/'), ...typed('vucicж'), keys.backspace);
		expect(view(state)).toMatchObject({filter: 'vucic', total: countOf(env, 'timeline', 'vucic')});
		expect(view(run(state, env, keys.backspaceCtrlH)).filter).toBe('vuci');
		const cleared = run(state, env, ...Array(8).fill(keys.backspace));
		expect(view(cleared)).toMatchObject({filter: '', total: totals.timeline});
		expect(cleared.overlay).toEqual({kind: 'filter'});
	});

	test('Ctrl-U clears the filter and counts every row again', () => {
		const state = start(env, gridSize, key('/'), ...typed('vucic'), keys.ctrlU);
		expect(view(state)).toMatchObject({filter: '', total: totals.timeline});
		expect(state.overlay).toEqual({kind: 'filter'});
	});

	test('↑/↓ and PgUp/PgDn move within the filtered rows while typing', () => {
		const state = start(env, shortTabs, key('/'), ...typed('vucic'), keys.down, keys.down, keys.up);
		expect(view(state)).toMatchObject({selected: 1, filter: 'vucic'});
		const paged = run(state, env, keys.pageDown);
		expect(view(paged).selected).toBe(Math.min(view(state).total - 1, 1 + listHeightOf(env, 'timeline', shortTabs)));
		expect(view(run(paged, env, keys.pageUp, keys.pageUp)).selected).toBe(0);
		expect(paged.overlay).toEqual({kind: 'filter'});
	});

	test('keys that mean nothing in a prompt (Tab, ←, Home) change nothing', () => {
		const state = start(env, gridSize, key('/'), ...typed('vu'));
		for (const press of [keys.tab, keys.shiftTab, keys.left, keys.right, keys.home, keys.end]) expect(run(state, env, press)).toEqual(state);
	});

	test('Enter keeps the filter and returns to browsing; Esc there clears it', () => {
		const kept = start(env, gridSize, key('/'), ...typed('vucic'), keys.enter);
		expect(kept.overlay).toEqual({kind: 'none'});
		expect(view(kept)).toMatchObject({filter: 'vucic', total: countOf(env, 'timeline', 'vucic')});
		const moved = run(kept, env, key('j'), key('j'));
		expect(view(moved).selected).toBe(2);
		const cleared = run(moved, env, keys.escape);
		expect(view(cleared)).toMatchObject({filter: '', total: totals.timeline, selected: 0, offset: 0});
		expect(cleared.overlay).toEqual({kind: 'none'});
	});

	test('Esc in filter mode clears the filter and leaves the mode', () => {
		const state = start(env, gridSize, key('/'), ...typed('vucic'), keys.escape);
		expect(state.overlay).toEqual({kind: 'none'});
		expect(view(state)).toMatchObject({filter: '', total: totals.timeline});
	});

	test('Esc in browse without a filter changes nothing', () => {
		const state = start(env, gridSize, key('j'));
		expect(run(state, env, keys.escape)).toEqual(state);
	});

	test('a filter nothing matches gives no rows, selection 0, and nothing to open or copy', () => {
		const state = start(env, gridSize, key('G'), key('/'), ...typed('xqzxqz'), keys.enter);
		expect(view(state)).toMatchObject({filter: 'xqzxqz', total: 0, selected: 0, offset: 0});
		const after = run(state, env, key('j'), key('G'), keys.enter, key('y'));
		expect(after.overlay).toEqual({kind: 'none'});
		expect(after.command).toBeNull();
		expect(view(after)).toMatchObject({total: 0, selected: 0, offset: 0});
	});

	test('each pane has its own filter', () => {
		const state = start(env, gridSize, key('/'), ...typed('vucic'), keys.enter, keys.tab);
		expect(state.focus).toBe('memoranda');
		expect(view(state, 'memoranda')).toMatchObject({filter: '', total: totals.memoranda});
		const memoranda = run(state, env, key('/'), ...typed('health'), keys.enter);
		expect(view(memoranda, 'memoranda')).toMatchObject({filter: 'health', total: countOf(env, 'memoranda', 'health')});
		expect(view(memoranda, 'timeline')).toMatchObject({filter: 'vucic', total: countOf(env, 'timeline', 'vucic')});
	});
});

describe('sorting', () => {
	test.each(dashboardPanes)('s in %s cycles through the sort keys of its shown columns, then back to its own order', (pane) => {
		const definition = paneOf(panes, pane);
		const columns = definition.list.flatMap((column) => (column.sort ? [column.sort] : []));
		expect(columns.length).toBeGreaterThan(0);
		let state = start(env, gridSize, paneKey(pane));
		const seen: Array<string | undefined> = [];
		for (let press = 0; press <= columns.length; press++) {
			state = run(state, env, key('s'));
			seen.push(queryOf(env, state, pane).sort);
		}
		expect(seen).toEqual([...columns, undefined]);
		expect(view(state).sort).toBe(-1);
	});

	test('S toggles descending order, sorted or not', () => {
		expect(view(start(env, gridSize, key('S'))).descending).toBe(true);
		expect(view(start(env, gridSize, key('S'), key('S'))).descending).toBe(false);
		const state = start(env, gridSize, key('s'), key('s'), key('S'));
		expect(queryOf(env, state, 'timeline')).toEqual({filter: '', sort: sortableOf(env, 'timeline')[1], descending: true, total: countOf(env, 'timeline', '')});
	});

	test('an order that takes long says how much of it is made, in the pane’s title, until it is applied', () => {
		const slow: Environment = {...env, answers: Object.assign(Object.create(env.answers), {slowOrder: () => true})};
		const sorting = start(slow, gridSize, key('3'), key('s'));
		expect(sorting.sorting).toMatchObject({pane: 'trade', made: null});
		const trade = paneOf(panes, 'trade');
		expect(orderInWords(trade, view(sorting, 'trade'), sorting.sorting?.made)).toEqual(['sorting…', 'sorting…']);
		const far = run(sorting, slow, {type: 'sort-progress', made: 0.426});
		expect(far.sorting?.made).toBe(0.426);
		expect(orderInWords(trade, view(far, 'trade'), far.sorting?.made)).toEqual(['sorting… 42%', 'sort 42%']);
		// Another order asked for starts from nothing made.
		expect(run(far, slow, key('s')).sorting).toMatchObject({made: null});
		// With no order being made, progress changes nothing.
		const idle = start(env, gridSize);
		expect(run(idle, env, {type: 'sort-progress', made: 0.5})).toEqual(idle);
	});

	test('with no sortable columns, s keeps the pane’s own order', () => {
		const plain = syntheticEnvironment(5, {sortable: []});
		expect(view(start(plain, gridSize, key('s'))).sort).toBe(-1);
		expect(view(start(plain, gridSize, key('s'), key('s'))).sort).toBe(-1);
	});
});

describe('zoom', () => {
	test('z gives the focused pane the whole screen, as one tab, and z gives the grid back; the selection stays', () => {
		const zoomed = start(env, gridSize, key('4'), key('j'), key('z'));
		expect(zoomed.zoomed).toBe(true);
		expect(layout(zoomed.size, panes, zoomed.focus, zoomed.zoomed).kind).toBe('tabs');
		expect(listHeightOf(env, 'companies', gridSize)).toBeLessThan(listHeight(paneOf(panes, 'companies'), gridSize, panes, true));
		expect(view(zoomed, 'companies').selected).toBe(1);
		// Moving between panes keeps the zoom; G reaches the last row within the taller list.
		const moved = run(zoomed, env, keys.tab, key('G'));
		expect(moved.focus).toBe('agenda');
		expect(brokenInvariants(moved, env)).toEqual([]);
		const back = run(moved, env, key('z'));
		expect(back.zoomed).toBe(false);
		expect(layout(back.size, panes, back.focus, back.zoomed).kind).toBe('grid');
		expect(brokenInvariants(back, env)).toEqual([]);
		expect(view(back).selected).toBe(countOf(env, 'agenda') - 1);
	});
});

describe('export', () => {
	test.each(dashboardPanes)('e in %s asks for a file name, kzrs-<pane>-<today>.csv by default', (pane) => {
		const state = start(env, gridSize, paneKey(pane), key('e'));
		const name = `kzrs-${pane}-${fixedToday}.csv`;
		expect(state.overlay).toEqual({kind: 'export-name', name, cursor: name.length});
	});

	test('the name is edited like the filter: typed text (bound letters too), Backspace, Ctrl-U', () => {
		const name = (state: State) => (state.overlay.kind === 'export-name' ? state.overlay.name : undefined);
		const base = `kzrs-timeline-${fixedToday}.csv`;
		const prompt = start(env, gridSize, key('e'));
		expect(name(run(prompt, env, ...typed('x')))).toBe(`${base}x`);
		expect(name(run(prompt, env, ...typed('qejy')))).toBe(`${base}qejy`);
		expect(name(run(prompt, env, keys.backspace, keys.backspace, keys.backspace, keys.backspace))).toBe(base.slice(0, -4));
		expect(name(run(prompt, env, keys.ctrlU))).toBe('');
		expect(name(run(prompt, env, keys.ctrlU, ...typed('связи.csv')))).toBe('связи.csv');
		expect(name(run(prompt, env, keys.ctrlU, keys.backspace))).toBe('');
		for (const press of [keys.tab, keys.up, keys.down, keys.pageDown]) expect(run(prompt, env, press)).toEqual(prompt);
		expect(run(prompt, env, key('q')).command).toBeNull();
	});

	test('the name is edited as shells edit a line: ←/→, Home/End, Ctrl-A/Ctrl-E, Ctrl-W, Ctrl-U before the caret', () => {
		const line = (state: State) => (state.overlay.kind === 'export-name' ? [state.overlay.name, state.overlay.cursor] : undefined);
		const prompt = start(env, gridSize, key('e'), keys.ctrlU, ...typed('out/trade.csv'));
		expect(line(prompt)).toEqual(['out/trade.csv', 13]);
		expect(line(run(prompt, env, keys.left, keys.left, keys.left, keys.left, ...typed('-2026')))).toEqual(['out/trade-2026.csv', 14]);
		expect(line(run(prompt, env, keys.home, ...typed('~/')))).toEqual(['~/out/trade.csv', 2]);
		expect(line(run(prompt, env, keys.ctrlA, keys.right, keys.right, keys.right, keys.backspace))).toEqual(['ou/trade.csv', 2]);
		expect(line(run(prompt, env, keys.ctrlA, keys.ctrlE))).toEqual(['out/trade.csv', 13]);
		expect(line(run(prompt, env, keys.ctrlW))).toEqual(['out/', 4]);
		expect(line(run(prompt, env, keys.ctrlW, keys.ctrlW))).toEqual(['', 0]);
		expect(line(run(prompt, env, keys.left, keys.left, keys.left, keys.left, keys.ctrlU))).toEqual(['.csv', 0]);
		// The caret stops at both ends.
		expect(line(run(prompt, env, keys.right))).toEqual(['out/trade.csv', 13]);
		expect(line(run(prompt, env, keys.home, keys.left))).toEqual(['out/trade.csv', 0]);
		expect(line(run(prompt, env, keys.end))).toEqual(['out/trade.csv', 13]);
	});

	test('a name refused (n) or failed is where the next export starts; an export issued clears it', () => {
		const refused = start(env, gridSize, key('e'), keys.ctrlU, ...typed('mine.csv'), keys.enter, {type: 'export-exists', file: 'mine.csv'}, key('n'));
		expect(run(refused, env, key('e')).overlay).toEqual({kind: 'export-name', name: 'mine.csv', cursor: 8});
		const failed = start(env, gridSize, key('e'), keys.ctrlU, ...typed('/nope/x.csv'), keys.enter, {
			type: 'export-failed',
			file: '/nope/x.csv',
			reason: 'its directory does not exist',
		});
		expect(failed.status).toEqual({text: 'Export failed: its directory does not exist', tone: 'error'});
		expect(run(failed, env, key('e')).overlay).toEqual({kind: 'export-name', name: '/nope/x.csv', cursor: 11});
		const issued = run(failed, env, key('e'), keys.enter, key('e'));
		expect(issued.overlay).toEqual({kind: 'export-name', name: `kzrs-timeline-${fixedToday}.csv`, cursor: `kzrs-timeline-${fixedToday}.csv`.length});
	});

	test('Enter asks the app to export the pane with its filter and sort, without overwriting', () => {
		const state = start(env, gridSize, key('/'), ...typed('vucic'), keys.enter, key('s'), key('s'), key('S'), key('e'), keys.enter);
		expect(state.overlay).toEqual({kind: 'none'});
		expect(state.command).toEqual({
			id: 1,
			run: {
				kind: 'export',
				pane: 'timeline',
				query: {filter: 'vucic', sort: sortableOf(env, 'timeline')[1], descending: true, total: countOf(env, 'timeline', 'vucic')},
				file: `kzrs-timeline-${fixedToday}.csv`,
				force: false,
			},
		});
	});

	test('the name is trimmed; an empty name is refused with an error and the prompt stays', () => {
		const trimmed = start(env, gridSize, key('4'), key('e'), keys.ctrlU, ...typed('  out.csv '), keys.enter);
		expect(trimmed.command?.run).toEqual({
			kind: 'export',
			pane: 'companies',
			query: {filter: '', sort: undefined, descending: false, total: countOf(env, 'companies', '')},
			file: 'out.csv',
			force: false,
		});
		for (const name of ['', '   ']) {
			const refused = start(env, gridSize, key('e'), keys.ctrlU, ...typed(name), keys.enter);
			expect(refused.command).toBeNull();
			expect(refused.overlay).toEqual({kind: 'export-name', name, cursor: name.length});
			expect(refused.status).toEqual({text: 'Type a file name, or Esc to cancel', tone: 'error'});
		}
	});

	test('Esc cancels the export with a status and no command', () => {
		const state = start(env, gridSize, key('e'), keys.escape);
		expect(state.overlay).toEqual({kind: 'none'});
		expect(state.command).toBeNull();
		expect(state.status).toEqual({text: 'Export cancelled', tone: 'info'});
	});

	test('when the file exists, the app reports it and the dashboard asks before overwriting', () => {
		const asked = start(env, gridSize, key('e'), keys.enter, {type: 'export-exists', file: 'out.csv'});
		expect(asked.overlay).toEqual({kind: 'export-confirm', name: 'out.csv'});
		for (const yes of [key('y'), key('Y')]) {
			const confirmed = run(asked, env, yes);
			expect(confirmed.overlay).toEqual({kind: 'none'});
			expect(confirmed.command).toEqual({
				id: 2,
				run: {
					kind: 'export',
					pane: 'timeline',
					query: {filter: '', sort: undefined, descending: false, total: countOf(env, 'timeline', '')},
					file: 'out.csv',
					force: true,
				},
			});
		}
	});

	test('n, N and Esc keep the existing file: a status, no command', () => {
		const asked = start(env, gridSize, key('e'), keys.enter, {type: 'export-exists', file: 'out.csv'});
		for (const no of [key('n'), key('N'), keys.escape]) {
			const kept = run(asked, env, no);
			expect(kept.overlay).toEqual({kind: 'none'});
			expect(kept.command).toEqual(asked.command);
			expect(kept.status).toEqual({text: 'Kept out.csv; nothing written', tone: 'info'});
		}
	});

	test('other keys, q included, leave the question open', () => {
		const asked = start(env, gridSize, key('e'), keys.enter, {type: 'export-exists', file: 'out.csv'});
		for (const press of [key('q'), key('j'), keys.enter, keys.tab, key('x'), key('e')]) expect(run(asked, env, press)).toEqual(asked);
	});
});

describe('copy and quit', () => {
	test('y in browse copies the selected row with the pane’s query', () => {
		const state = start(env, gridSize, key('2'), key('s'), key('g'), key('j'), key('y'));
		expect(state.command).toEqual({
			id: 1,
			run: {
				kind: 'copy-row',
				pane: 'memoranda',
				query: {filter: '', sort: sortableOf(env, 'memoranda')[0], descending: false, total: countOf(env, 'memoranda', '')},
				index: 1,
			},
		});
		expect(state.overlay).toEqual({kind: 'none'});
	});

	test('y in an empty pane copies nothing', () => {
		expect(start(empty, gridSize, key('y')).command).toBeNull();
	});

	test('q in browse quits', () => {
		expect(start(env, gridSize, key('q')).command).toEqual({id: 1, run: {kind: 'quit'}});
	});

	const modes: Array<[string, Input[]]> = [
		['browse', []],
		['filter', [key('/'), ...typed('vu')]],
		['detail', [keys.enter]],
		['help', [key('?')]],
		['export-name', [key('e')]],
		['export-confirm', [key('e'), keys.enter, {type: 'export-exists', file: 'out.csv'}]],
	];
	test.each(modes)('Ctrl-C quits from %s', (mode, setup) => {
		const before = start(env, gridSize, ...setup);
		expect(before.overlay.kind).toBe(mode === 'browse' ? 'none' : mode);
		const after = run(before, env, keys.ctrlC);
		// Interrupted: the dashboard then exits with 130, as a program stopped by Ctrl-C does.
		expect(after.command).toEqual({id: (before.command?.id ?? 0) + 1, run: {kind: 'quit', interrupted: true}});
	});

	test('in the filter a plain q is text, not quit', () => {
		const state = start(env, gridSize, key('/'), key('q'));
		expect(state.command).toBeNull();
		expect(view(state).filter).toBe('q');
	});

	test('command ids go up by one per command, and other keys keep the last command', () => {
		const ids: Array<number | undefined> = [];
		let state = start(env, gridSize);
		for (const press of [key('y'), key('j'), key('y'), key('e'), keys.enter, key('?'), keys.escape, key('q')]) {
			state = run(state, env, press);
			ids.push(state.command?.id);
		}
		expect(ids).toEqual([1, 1, 2, 2, 3, 3, 3, 4]);
		expect(state.command?.run).toEqual({kind: 'quit'});
	});
});

describe('the status line', () => {
	test('a status shows until the next key', () => {
		const status = {text: 'Exported 13 rows', tone: 'info'} as const;
		const shown = start(env, gridSize, {type: 'status', status});
		expect(shown.status).toEqual(status);
		expect(run(shown, env, {type: 'resize', size: tabsSize}).status).toEqual(status);
		const next = run(shown, env, key('j'));
		expect(next.status).toBeNull();
		expect(view(next).selected).toBe(1);
		// Even a key that does nothing clears it.
		expect(run(shown, env, key('x')).status).toBeNull();
	});

	test('an error in the name prompt clears on the next key, which still edits the name', () => {
		const refused = start(env, gridSize, key('e'), keys.ctrlU, keys.enter);
		const next = run(refused, env, key('a'));
		expect(next.status).toBeNull();
		expect(next.overlay).toEqual({kind: 'export-name', name: 'a', cursor: 1});
	});
});

describe('resizing', () => {
	test('a smaller terminal keeps the selection and moves the window to show it', () => {
		const big = start(env, gridSize, key('G'));
		expect(view(big)).toMatchObject({selected: totals.timeline - 1, offset: 0});
		const small = run(big, env, {type: 'resize', size: shortTabs});
		const height = listHeightOf(env, 'timeline', shortTabs);
		expect(small.size).toEqual(shortTabs);
		expect(view(small)).toMatchObject({selected: totals.timeline - 1, offset: totals.timeline - height});
		expect(brokenInvariants(small, env)).toEqual([]);
	});

	test('a larger terminal pulls the window back so it is not left half empty', () => {
		const small = start(env, shortTabs, key('G'), keys.pageUp);
		expect(view(small).offset).toBeGreaterThan(0);
		const big = run(small, env, {type: 'resize', size: gridSize});
		expect(view(big)).toMatchObject({selected: view(small).selected, offset: 0});
	});

	test('every pane is settled, not only the focused one', () => {
		const everyPaneAtItsEnd = dashboardPanes.flatMap((pane) => [paneKey(pane), key('G')]);
		const state = start(env, gridSize, ...everyPaneAtItsEnd, {type: 'resize', size: {columns: 40, rows: 12}});
		for (const pane of dashboardPanes) expect(view(state, pane).selected).toBe(countOf(env, pane) - 1);
		expect(brokenInvariants(state, env)).toEqual([]);
	});

	test.each([
		{columns: 30, rows: 8},
		{columns: 0, rows: 0},
		{columns: 1, rows: 1},
		{columns: 39, rows: 100},
	])('below the minimum ($columns×$rows) keys wait behind the notice, but for quitting', (size) => {
		const state = start(env, gridSize, key('G'), {type: 'resize', size});
		expect(layout(size, panes).kind).toBe('too-small');
		expect(view(state)).toMatchObject({selected: totals.timeline - 1, offset: totals.timeline - 1});
		// Nothing unseen happens: no move, no pane switch, no filter, no export.
		const pressed = run(state, env, key('k'), keys.tab, key('j'), keys.pageDown, key('/'), key('e'), keys.enter);
		expect(pressed).toEqual(state);
		expect(run(pressed, env, {type: 'resize', size: gridSize}).size).toEqual(gridSize);
		expect(run(state, env, key('q')).command?.run).toEqual({kind: 'quit'});
		expect(run(state, env, keys.ctrlC).command?.run).toEqual({kind: 'quit', interrupted: true});
		// A filter open when the terminal shrank takes no text: q quits.
		const filtering = start(env, gridSize, key('/'), {type: 'resize', size});
		expect(run(filtering, env, key('q')).command?.run).toEqual({kind: 'quit'});
	});

	test('in a pane of 100,000 rows a resize keeps the bottom row in view', () => {
		const state = start(huge, gridSize, key('G'), {type: 'resize', size: tabsSize});
		const height = listHeightOf(env, 'timeline', tabsSize);
		expect(view(state)).toMatchObject({selected: 99_999, offset: 100_000 - height});
	});

	test('the first state is valid at any size', () => {
		for (const size of [gridSize, tabsSize, shortTabs, {columns: 0, rows: 0}]) {
			expect(brokenInvariants(start(env, size), env)).toEqual([]);
			expect(initialState(size, panes, fixedToday).views.timeline?.total).toBeNull();
		}
	});
});
