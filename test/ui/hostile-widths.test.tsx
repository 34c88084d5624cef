// Any text a fact base may hold, in any pane's rows, the detail view and the
// snapshot, leaves every border where it belongs: either kzrs lays it out in
// the columns it counts, or `kzrs check` refuses it.
import fc from 'fast-check';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import {afterAll, afterEach, describe, expect, test} from 'vitest';
import type {FactDatabase} from '../../source/db/database.js';
import {UserError} from '../../source/errors.js';
import {openFactBase} from '../../source/load/open.js';
import {screenPanes, shippedPanes} from '../../source/panes/registry.js';
import {snapshot} from '../../source/ui/snapshot.js';
import {themeFor} from '../../source/ui/theme.js';
import {FactViews} from '../../source/views/fact-views.js';
import {shippedViews} from '../helpers/dashboard.js';
import {copyFactBase, editData, removeTempDirs} from '../helpers/fact-base.js';
import {finishDashboards, frameProblems, inkColumns, renderDashboard, sequences} from '../helpers/screen.js';

afterAll(removeTempDirs);
afterEach(() => {
	expect(finishDashboards()).toEqual([]);
});

// Any code point, and what is known to trouble terminals: zero-width and
// format characters, fillers, marks, joiners, emoji, wide and halfwidth forms.
const hostileText = fc.string({
	unit: fc.oneof(
		fc.string({unit: 'binary', minLength: 1, maxLength: 1}),
		fc.constantFrom('\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\uFEFF', '\u00AD', '\u115F', '\uFFF9', '\uFFFA', '\uFFFB', '\u3164'),
		fc.constantFrom('\u0301', '\uFE0F', '\u20E3', '\u{E0041}', '😀', '🇰🇿', '👩‍💻', '中', 'ｱ', '\u1100\u1161', '#\uFE0F\u20E3'),
	),
	minLength: 1,
	maxLength: 30,
});

const segmenter = new Intl.Segmenter();

/** For each line of a frame, the columns where a pane's side border stands. */
function borderColumns(frame: string): number[][] {
	return stripAnsi(frame)
		.split('\n')
		.map((line) => {
			const columns: number[] = [];
			let column = 0;
			for (const {segment} of segmenter.segment(line)) {
				if (segment === '│' || segment === '║') columns.push(column);
				column += stringWidth(segment);
			}
			return columns;
		});
}

/** What each view of the shipped fact base looks like: the borders any text must leave in place. */
async function framesOf(views: FactViews): Promise<string[]> {
	const panes = screenPanes(shippedPanes);
	const shots = [200, 120, 80, 60, 40].map((columns) => snapshot(views, panes, columns, themeFor({NO_COLOR: '1'})));
	// The grid, as wide as ink-testing-library's screen.
	const dashboard = await renderDashboard({columns: inkColumns, rows: 40}, {views, panes});
	await dashboard.shows('Timeline');
	const grid = dashboard.frame();
	// The first row's detail view.
	dashboard.press(sequences.enter);
	await dashboard.shows('Quotes');
	const detail = dashboard.frame();
	dashboard.unmount();
	return [...shots, grid, detail];
}

describe('hostile text in every pane', () => {
	test('is laid out within its borders, or refused by the check', async () => {
		const shipped = await framesOf(await shippedViews());
		let laidOut = 0;
		await fc.assert(
			fc.asyncProperty(hostileText, async (text) => {
				/** The fact base with `text` in a text field of the first row of each pane on the screen, or undefined where the check refuses it. */
				const opened = async (text: string): Promise<FactDatabase | undefined> => {
					const copy = copyFactBase();
					editData(copy.dataDir, 'events', (records) => Object.assign(records[0] as object, {title: `${text} event`}));
					editData(copy.dataDir, 'trade', (records) => Object.assign(records[0] as object, {label: `${text} figure`}));
					editData(copy.dataDir, 'companies', (records) => Object.assign(records[0] as object, {label: `${text} firms`}));
					try {
						return await openFactBase({dataDir: copy.dataDir, seedsDir: copy.seedsDir}, {image: false});
					} catch (error) {
						expect(error).toBeInstanceOf(UserError);
						return undefined;
					}
				};
				// The check refuses characters that draw nothing: the rest of the text is laid out all the same.
				const database = (await opened(text)) ?? (await opened(text.replace(/\p{Default_Ignorable_Code_Point}/gu, '')));
				if (database === undefined) return;
				laidOut++;
				const frames = await framesOf(new FactViews(database));
				database.close();
				for (const [index, frame] of frames.entries()) {
					expect(frameProblems(frame, 200)).toEqual([]);
					expect(borderColumns(frame), frame).toEqual(borderColumns(shipped[index] ?? ''));
				}
			}),
			{numRuns: 12},
		);
		// Most texts are accepted: the property is about layout, not refusal.
		expect(laidOut).toBeGreaterThan(3);
	});
});
