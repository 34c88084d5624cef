// The reader in the reducer, without a terminal: where it opens, how n/N, a
// resize, the facts' list and Esc change it, over the shipped fact base.
import {beforeAll, describe, expect, test} from 'vitest';
import {type ReaderOverlay, selectedPassage} from '../../source/ui/reader-state.js';
import type {State} from '../../source/ui/state.js';
import {brokenInvariants, type Environment, gridSize, shippedEnvironment, shippedViews, start, tabsSize} from '../helpers/dashboard.js';
import {key, keys} from '../helpers/keys.js';

let env: Environment;
beforeAll(async () => {
	env = await shippedEnvironment();
});

function reader(state: State): ReaderOverlay {
	if (state.overlay.kind !== 'reader') throw new Error(`not in the reader: ${state.overlay.kind}`);
	return state.overlay;
}

describe('the reader in the reducer', () => {
	test('opens laid out, its selection a passage in view', () => {
		const opened = reader(start(env, gridSize, key('o')));
		const shape = opened.shape;
		expect(shape).not.toBeNull();
		expect(shape?.passages).toContainEqual(opened.selection);
		const [start0] = opened.selection ?? [0];
		const line = shape?.lines.findIndex(([from, to]) => from <= start0 && start0 <= to) ?? -1;
		expect(line).toBeGreaterThanOrEqual(opened.top);
	});

	test('n and N step through the passages in order, and stop at either end', () => {
		const opened = reader(start(env, gridSize, key('o')));
		const passages = opened.shape?.passages ?? [];
		const at = passages.findIndex((span) => span === opened.selection || (span[0] === opened.selection?.[0] && span[1] === opened.selection?.[1]));
		const forward = Array.from({length: passages.length + 2}, (_, steps) => reader(start(env, gridSize, key('o'), ...Array(steps).fill(key('n')))).selection);
		expect(forward.slice(0, passages.length - at)).toEqual(passages.slice(at));
		expect(forward.at(-1)).toEqual(passages.at(-1));
		const back = reader(start(env, gridSize, key('o'), key('n'), key('N'))).selection;
		expect(back).toEqual(opened.selection);
	});

	test('a resize lays the document out again and keeps the selection in view', () => {
		const before = reader(start(env, gridSize, key('o'), key('n'), key('n')));
		const after = reader(start(env, gridSize, key('o'), key('n'), key('n'), {type: 'resize', size: tabsSize}));
		expect(after.selection).toEqual(before.selection);
		expect(after.shape?.lines.length).toBeGreaterThan(before.shape?.lines.length ?? 0);
		expect(brokenInvariants(start(env, gridSize, key('o'), {type: 'resize', size: {columns: 40, rows: 12}}), env)).toEqual([]);
	});

	test('Enter lists the passage’s facts; Esc closes the list, then the reader, back to where it was opened', () => {
		const listed = reader(start(env, gridSize, key('o'), keys.enter));
		expect(listed.facts).toBe(0);
		expect(reader(start(env, gridSize, key('o'), keys.enter, keys.escape)).facts).toBeNull();
		expect(start(env, gridSize, key('o'), keys.enter, keys.escape, keys.escape).overlay).toEqual({kind: 'none'});
		const fromDetail = start(env, gridSize, keys.enter, key('o'), keys.escape).overlay;
		expect(fromDetail.kind).toBe('detail');
	});

	test('choosing a fact focuses its pane, unfiltered, with its row selected', async () => {
		const views = await shippedViews();
		const paneOf = (id: string | undefined) => env.panes.find((candidate) => candidate.id === id);
		// From a filtered Timeline: the first passage, from where the first row opens, with a fact that is not its pane's first row.
		const filtered = [key('/'), key('v'), keys.enter];
		const opened = reader(start(env, gridSize, ...filtered, key('o')));
		const passages = opened.shape?.passages ?? [];
		const from = selectedPassage(opened);
		let steps = -1;
		let listedAt = -1;
		for (let passage = from; passage < passages.length && listedAt === -1; passage++) {
			steps = passage - from;
			listedAt = (opened.shape?.facts[passage] ?? []).findIndex((fact) => {
				const pane = paneOf(fact.pane?.id);
				return pane !== undefined && (views.positionOfId(pane, fact.id) ?? 0) > 0;
			});
		}
		expect(listedAt).toBeGreaterThanOrEqual(0);
		const fact = opened.shape?.facts[from + steps]?.[listedAt];
		const chosen = start(env, gridSize, ...filtered, key('o'), ...Array(steps).fill(key('n')), keys.enter, ...Array(listedAt).fill(key('j')), keys.enter);
		expect(chosen.overlay).toEqual({kind: 'none'});
		expect(chosen.focus).toBe(fact?.pane?.id);
		const view = chosen.views[chosen.focus];
		expect(view?.filter).toBe('');
		expect(view?.selected).toBeGreaterThan(0);
		const pane = paneOf(chosen.focus);
		expect(pane && views.window(pane, {}, view?.selected ?? 0, 1)[0]?.id).toBe(fact?.id);
		expect(chosen.jump).toBeNull();
		expect(brokenInvariants(chosen, env)).toEqual([]);
	});
});
