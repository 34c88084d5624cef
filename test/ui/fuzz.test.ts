// Random sessions through the reducer: every bound key, typed text in Latin
// and Cyrillic, resizes down to nothing, and the app's own reports, against
// the shipped database and hand-made environments of 0 and 100,000 rows.
// Whatever the order, no state may break the promises in brokenInvariants.
import fc from 'fast-check';
import {beforeAll, describe, expect, test} from 'vitest';
import type {Size} from '../../source/ui/layout.js';
import {settle, step} from '../../source/ui/runtime.js';
import {type Action, initialState, type PaneView, type State} from '../../source/ui/state.js';
import {brokenInvariants, type Environment, gridSize, remembering, run, shippedEnvironment, start, syntheticEnvironment} from '../helpers/dashboard.js';
import {everyBoundKey, key, keys} from '../helpers/keys.js';

const settings = {numRuns: 200, seed: 20_261_128};

const latin = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZčćžšđ0123456789 -.,'];
const cyrillic = [...'абвгдђежзијклљмнњопрстћуфхцчџшАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШщъьюяЩЪЬЮЯ'];

const text = (alphabet: string[]) => fc.string({unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 3});

const size: fc.Arbitrary<Size> = fc.oneof(
	// Anything from nothing up to a large terminal, tiny ones included.
	fc.record({columns: fc.integer({min: 0, max: 260}), rows: fc.integer({min: 0, max: 90})}),
	fc.constantFrom<Size>({columns: 0, rows: 0}, {columns: 39, rows: 11}, {columns: 40, rows: 12}, {columns: 99, rows: 25}, {columns: 100, rows: 26}),
);

const action: fc.Arbitrary<Action> = fc.oneof(
	{weight: 12, arbitrary: fc.constantFrom(...everyBoundKey).map((press): Action => ({type: 'key', key: press}))},
	{weight: 3, arbitrary: fc.oneof(text(latin), text(cyrillic)).map((typed): Action => ({type: 'key', key: key(typed)}))},
	{weight: 2, arbitrary: size.map((next): Action => ({type: 'resize', size: next}))},
	{weight: 1, arbitrary: fc.constantFrom('out.csv', 'kzrs.csv').map((file): Action => ({type: 'export-exists', file}))},
	{weight: 1, arbitrary: fc.constantFrom<Action>({type: 'status', status: {text: 'Exported 3 rows', tone: 'info'}})},
);

const session = fc.record({start: size, actions: fc.array(action, {maxLength: 200})});

/** Runs every session, checking each state on the way; the first broken promise fails with the actions that led to it. */
function check(environment: Environment): void {
	const remembered = remembering(environment);
	const {panes, answers} = remembered;
	fc.assert(
		fc.property(session, ({start: size, actions}) => {
			let state: State = settle(initialState(size, panes, remembered.today), panes, answers);
			expect(brokenInvariants(state, remembered)).toEqual([]);
			for (const next of actions) {
				const before = state.command?.id ?? 0;
				state = step(state, next, panes, answers);
				expect(brokenInvariants(state, remembered)).toEqual([]);
				// A command is issued once per action at most, numbered in turn.
				expect((state.command?.id ?? 0) - before).toBeGreaterThanOrEqual(0);
				expect((state.command?.id ?? 0) - before).toBeLessThanOrEqual(1);
			}
		}),
		settings,
	);
}

describe('random sessions keep every promise', () => {
	let shipped: Environment;
	beforeAll(async () => {
		shipped = await shippedEnvironment();
	});

	test('over the shipped database', () => {
		check(shipped);
	});

	test('over an environment without rows', () => {
		check(syntheticEnvironment(0));
	});

	test('over an environment of 100,000 rows in every pane', () => {
		check(syntheticEnvironment(100_000));
	});

	test('over 100,000 rows with no sortable columns and up to 9 quotes a row', () => {
		check(syntheticEnvironment(100_000, {sortable: [], quotes: (index) => (index * 7) % 10}));
	});
});

test('the sessions reach every overlay and both ends of a long list', () => {
	// The property means little if random keys never leave the first screen.
	const environment = syntheticEnvironment(100_000);
	const seen = new Set<string>();
	let reachedBottom = false;
	fc.assert(
		fc.property(session, ({actions}) => {
			let state = start(environment, gridSize);
			for (const next of actions) {
				state = step(state, next, environment.panes, environment.answers);
				seen.add(state.overlay.kind);
				const view = state.views[state.focus] as PaneView;
				if (view.selected === (view.total ?? 0) - 1) reachedBottom = true;
			}
		}),
		settings,
	);
	expect([...seen].sort()).toEqual(['detail', 'export-confirm', 'export-name', 'filter', 'help', 'none', 'reader']);
	expect(reachedBottom).toBe(true);
});

test('the checker itself notices each kind of broken state', () => {
	const environment = syntheticEnvironment(50);
	const good = start(environment, gridSize);
	const broken = (change: Partial<PaneView>): State => ({...good, views: {...good.views, timeline: {...(good.views.timeline as PaneView), ...change}}});
	expect(brokenInvariants(good, environment)).toEqual([]);
	expect(brokenInvariants(broken({selected: 50}), environment).join()).toContain('selection outside the rows');
	expect(brokenInvariants(broken({selected: -1}), environment).join()).toContain('selection outside the rows');
	expect(brokenInvariants(broken({selected: 3, offset: 4}), environment).join()).toContain('offset outside');
	expect(brokenInvariants(broken({selected: 40, offset: 0}), environment).join()).toContain('below the visible window');
	expect(brokenInvariants(broken({total: 49}), environment).join()).toContain('total is not count');
	expect(brokenInvariants(broken({total: null}), environment).join()).toContain('total is not count');
	expect(brokenInvariants({...good, focus: 'weather'}, environment).join()).toContain('which is no pane');
	const detail = run(good, environment, key('j'), keys.enter);
	expect(brokenInvariants(detail, environment)).toEqual([]);
	const overlay = detail.overlay as Extract<State['overlay'], {kind: 'detail'}>;
	// Row 1 has one quote (index % 4): the cursor can only be 0.
	expect(brokenInvariants({...detail, overlay: {...overlay, cursor: 1}}, environment).join()).toContain('detail cursor 1 outside 0…0');
	expect(brokenInvariants({...detail, overlay: {...overlay, shape: null}}, environment).join()).toContain('detail shaped null');
	expect(brokenInvariants({...detail, overlay: {...overlay, top: 1}}, environment).join()).toContain('detail scrolled to line 1 of 0…0');
});
