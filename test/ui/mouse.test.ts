// The mouse as the reducer takes it: a click focuses the pane under it and
// selects the row under it, the wheel moves the pane under it (focused or
// not) and scrolls the detail; prompts and the too-small notice take none.
// Reports are read from what Ink passes on. (The terminal's side, its mouse
// mode set and reset, is in test/e2e/mouse.test.ts.)
import {beforeAll, describe, expect, test} from 'vitest';
import {layout, paneAt} from '../../source/ui/layout.js';
import type {MouseEvent, State} from '../../source/ui/state.js';
import {readMouse} from '../../source/ui/terminal.js';
import {type Environment, gridSize, panes, run, shippedEnvironment, start, tabsSize} from '../helpers/dashboard.js';
import {key, keys} from '../helpers/keys.js';

let env: Environment;
beforeAll(async () => {
	env = await shippedEnvironment();
});

const mouse = (kind: MouseEvent['kind'], column: number, row: number) => ({type: 'mouse', event: {kind, column, row}}) as const;
const view = (state: State, pane: string) => state.views[pane];

describe('reading mouse reports', () => {
	test('SGR reports become clicks and wheel notches, at 0-based points; releases, other buttons and motion are no event', () => {
		expect(readMouse('[<0;70;25M')).toEqual({kind: 'click', column: 69, row: 24});
		expect(readMouse('[<64;1;1M')).toEqual({kind: 'wheel-up', column: 0, row: 0});
		expect(readMouse('[<65;3;4M')).toEqual({kind: 'wheel-down', column: 2, row: 3});
		// With Ctrl held: still the wheel.
		expect(readMouse('[<81;3;4M')).toEqual({kind: 'wheel-down', column: 2, row: 3});
		for (const other of ['[<0;70;25m', '[<2;1;1M', '[<32;5;5M', '[<35;5;5M']) expect(readMouse(other)).toBe('other');
		for (const notMouse of ['j', '[A', '[<0;1M', '0;1;1M']) expect(readMouse(notMouse)).toBeUndefined();
	});
});

describe('at 120×40, the grid', () => {
	test('the grid lays out as the clicks below assume', () => {
		const grid = layout(gridSize, panes, 'timeline');
		expect(grid).toMatchObject({
			kind: 'grid',
			pane: {width: 60, height: 18},
			rows: [
				['timeline', 'memoranda'],
				['trade', 'companies'],
			],
		});
	});

	test('a click on a row of another pane focuses that pane and selects the row', () => {
		// Companies: the bottom right pane, from line 19; its border, title and headers, then its rows.
		const state = run(start(env, gridSize), env, mouse('click', 70, 19 + 3 + 2));
		expect(state.focus).toBe('companies');
		expect(view(state, 'companies')?.selected).toBe(2);
		expect(view(state, 'timeline')?.selected).toBe(0);
	});

	test('a click on a title, a header or a border focuses the pane and leaves its selection', () => {
		for (const row of [19, 20, 21]) {
			const state = run(start(env, gridSize, key('4'), key('j')), env, mouse('click', 10, row));
			expect(state.focus).toBe('trade');
			expect(view(state, 'trade')?.selected).toBe(0);
			expect(view(state, 'companies')?.selected).toBe(1);
		}
	});

	test('a click below the last row focuses the pane and selects nothing else', () => {
		const companies = run(start(env, gridSize), env, mouse('click', 70, 19 + 3 + 2));
		const below = run(companies, env, mouse('click', 70, 19 + 3 + 15));
		expect(below.focus).toBe('companies');
		expect(view(below, 'companies')?.selected).toBe(2);
	});

	test('the header line and a click outside every pane change nothing', () => {
		const state = start(env, gridSize, key('j'));
		expect(run(state, env, mouse('click', 5, 0))).toEqual(state);
		expect(run(state, env, mouse('click', 119, 38))).toEqual(state);
	});

	test('the wheel moves the selection of the pane under the pointer, three rows a notch, without focusing it', () => {
		const state = run(start(env, gridSize), env, mouse('wheel-down', 70, 2));
		expect(state.focus).toBe('timeline');
		expect(view(state, 'memoranda')?.selected).toBe(3);
		const back = run(state, env, mouse('wheel-up', 70, 2), mouse('wheel-up', 70, 2));
		expect(view(back, 'memoranda')?.selected).toBe(0);
	});
});

describe('in the other modes', () => {
	test('at 60×20 (tabs) a click selects a row of the one pane', () => {
		// The header, the tab bar, the border, the title and the headers, then the rows.
		expect(paneAt(tabsSize, panes, 'timeline', false, 10, 5)).toEqual({pane: 'timeline', listRow: 0});
		const state = run(start(env, tabsSize), env, mouse('click', 10, 5 + 4));
		expect(view(state, 'timeline')?.selected).toBe(4);
	});

	test('in the detail the wheel scrolls and a click does nothing; the prompts and the too-small notice take no mouse', () => {
		const detail = start(env, tabsSize, key('j'), keys.enter);
		expect(detail.overlay.kind).toBe('detail');
		const scrolled = run(detail, env, mouse('wheel-down', 10, 10));
		expect(scrolled.overlay).toMatchObject({kind: 'detail'});
		expect(scrolled.overlay.kind === 'detail' && scrolled.overlay.top).toBeGreaterThan(0);
		expect(run(detail, env, mouse('click', 10, 10))).toEqual({...detail, status: null});
		for (const prompt of [start(env, gridSize, key('/')), start(env, gridSize, key('e'))]) {
			expect(run(prompt, env, mouse('click', 70, 24))).toEqual({...prompt, status: null});
		}
		const tiny = start(env, {columns: 30, rows: 8});
		expect(run(tiny, env, mouse('click', 3, 3), mouse('wheel-down', 3, 3))).toEqual({...tiny, status: null});
	});
});

describe('while a new order is being made', () => {
	test('a click or the wheel changes nothing: the rows under the pointer are about to move', () => {
		// A first sort that takes long waits for the screen to say so: the order stays asked for.
		const slow: Environment = {...env, answers: Object.assign(Object.create(env.answers), {slowOrder: () => true})};
		const sorting = start(slow, gridSize, key('4'), key('s'));
		expect(sorting.sorting).not.toBeNull();
		for (const event of [mouse('click', 70, 19 + 3 + 2), mouse('click', 10, 5), mouse('wheel-down', 70, 25)]) {
			expect(run(sorting, slow, event)).toEqual(sorting);
		}
	});
});
