// The reader: `o` opens a row's source document at the row's first quote (or
// a detail's quote), the passage selected and in view; n/N go from passage to
// passage; Enter lists the facts citing one and goes to the chosen one's row;
// / searches the document; y copies the passage; Esc returns.
import {afterEach, describe, expect, test} from 'vitest';
import {paneIds, panes, shippedViews} from '../helpers/dashboard.js';
import {collapseWhitespace} from '../helpers/fact-base.js';
import {type Dashboard, finishDashboards, inkColumns, renderDashboard, sequences} from '../helpers/screen.js';

afterEach(() => {
	expect(finishDashboards()).toEqual([]);
});

const size = {columns: inkColumns, rows: 40};

/** The text of the document lines the margin marks as the selected passage's, joined. */
function selectedText(dashboard: Dashboard): string {
	const lines = dashboard
		.frame()
		.split('\n')
		.filter((line) => line.startsWith('║▶ '))
		.map((line) => line.slice(3, -1).trim());
	return collapseWhitespace(lines.join(' '));
}

/** The first quote of a pane's first row, as the detail lists it. */
async function firstQuote(paneId: string): Promise<{source: string; quote: string}> {
	const views = await shippedViews();
	const pane = panes.find((candidate) => candidate.id === paneId);
	if (pane === undefined) throw new Error(`no pane ${paneId}`);
	const quote = views.detail(pane, {}, 0)?.quotes[0];
	if (quote === undefined) throw new Error(`the first row of ${paneId} has no quote`);
	return quote;
}

describe('o opens the source at the quote', () => {
	test.each(paneIds.filter((id) => panes.find((pane) => pane.id === id)?.documents !== true))(
		'from the first row of %s, the reader lands on its first quote',
		async (paneId) => {
			const {source, quote} = await firstQuote(paneId);
			const pane = panes.find((candidate) => candidate.id === paneId);
			const dashboard = await renderDashboard(size);
			dashboard.press(pane?.key ?? '', 'o');
			await dashboard.shows(`${source} · `, '· published ');
			// The passage is selected, and the lines marked as its hold the quote's words.
			expect(selectedText(dashboard)).toContain(collapseWhitespace(quote).slice(0, 40));
		},
	);

	test('from the detail view, at the quote under the cursor; Esc returns to the detail', async () => {
		const views = await shippedViews();
		const timeline = panes[0];
		const quotes = timeline ? (views.detail(timeline, {}, 0)?.quotes ?? []) : [];
		expect(quotes.length).toBeGreaterThan(1);
		const dashboard = await renderDashboard(size);
		dashboard.press(sequences.enter);
		await dashboard.shows('Quotes (');
		dashboard.press('j', 'o');
		const second = quotes[1] as {source: string; quote: string};
		await dashboard.shows(`${second.source} · `, '· published ');
		expect(selectedText(dashboard)).toContain(collapseWhitespace(second.quote).slice(0, 40));
		dashboard.press(sequences.escape);
		await dashboard.shows('Quotes (');
	});
});

describe('the Sources pane', () => {
	test('o reads the document from the top; n opens it at the first sentence nothing cites', async () => {
		const views = await shippedViews();
		const sourcesPane = panes.find((pane) => pane.documents === true);
		expect(sourcesPane?.key).toBe('8');
		const found = views.readerDocument(panes, sourcesPane as (typeof panes)[number], {}, 0, 'uncited');
		const uncited = found?.selection ?? [0, 0];
		const dashboard = await renderDashboard(size);
		dashboard.press('8');
		await dashboard.shows('▶ 8 Sources', 'Cited*');
		dashboard.press('o');
		await dashboard.shows('s000 · ', '· published ');
		// From the top: the document's first words are in view, nothing selected.
		const firstWords = collapseWhitespace(found?.document.text ?? '').slice(0, 20);
		expect(collapseWhitespace(dashboard.frame().replace(/║/g, ' '))).toContain(firstWords);
		expect(selectedText(dashboard)).toBe('');
		dashboard.press(sequences.escape);
		await dashboard.shows('8 Sources');
		dashboard.press('n');
		await dashboard.shows('· published ', '║▶ ');
		expect(selectedText(dashboard)).toContain(collapseWhitespace(found?.document.text.slice(...uncited) ?? '').slice(0, 30));
	});
});

describe('in the reader', () => {
	test('the header says what the document is; cited lines carry a margin mark; Esc returns to the panes', async () => {
		const dashboard = await renderDashboard(size, {env: {NO_COLOR: '1'}});
		dashboard.press('o');
		await dashboard.shows('s000 · Serbian President', 'no outlet named · sr-Latn · published 2026-02-26 (date header)');
		expect(dashboard.frame()).toMatch(/║▌ /);
		dashboard.press(sequences.escape);
		await dashboard.shows('1 Timeline');
		expect(dashboard.frame()).not.toContain('published 2026-02-26');
	});

	test('n and N go to the next and the previous cited passage', async () => {
		const views = await shippedViews();
		const dashboard = await renderDashboard(size);
		dashboard.press('o');
		await dashboard.shows('s000 · ');
		const first = selectedText(dashboard);
		expect(first).not.toBe('');
		dashboard.press('n');
		await expect.poll(() => selectedText(dashboard)).not.toBe(first);
		const second = selectedText(dashboard);
		const document = views.readerDocument(panes, panes[0] as (typeof panes)[number], {}, 0, {quote: 0});
		const passages = document?.document.passages ?? [];
		const at = passages.findIndex(({span}) => span[0] === document?.selection?.[0] && span[1] === document?.selection?.[1]);
		const next = passages[at + 1]?.span ?? [0, 0];
		expect(second).toContain(collapseWhitespace(document?.document.text.slice(...next) ?? '').slice(0, 30));
		dashboard.press('N');
		await expect.poll(() => selectedText(dashboard)).toBe(first);
	});

	test('Enter lists the facts citing the passage, each with its pane; choosing one selects its row there', async () => {
		const views = await shippedViews();
		const dashboard = await renderDashboard(size);
		// The Companies pane's first row: its quote is cited by that fact alone.
		dashboard.press('4', 'o');
		await dashboard.shows('· published ');
		dashboard.press(sequences.enter);
		await dashboard.shows('Facts citing this passage (');
		const listed = dashboard
			.frame()
			.split('\n')
			.filter((line) => /^║[› ] \w+ · /.test(line));
		expect(listed.length).toBeGreaterThan(0);
		// Go to the last one listed: its pane, its row selected.
		const [, title = '', id = ''] = /^║[› ] (\w+) · ([\w-]+)/.exec(listed.at(-1) ?? '') ?? [];
		for (let step = 1; step < listed.length; step++) dashboard.press('j');
		dashboard.press(sequences.enter);
		const pane = panes.find((candidate) => candidate.title === title);
		expect(pane).toBeDefined();
		const position = views.positionOfId(pane as (typeof panes)[number], id);
		const total = pane ? views.count(pane, '') : 0;
		await dashboard.shows(`${title}`, `${(position ?? 0) + 1}/${total}`);
		expect(dashboard.frame()).not.toContain('Facts citing this passage');
	});

	test('/ searches the document with the filter’s folding, and y copies the passage', async () => {
		const dashboard = await renderDashboard(size);
		dashboard.press('o', '/');
		await dashboard.shows('Search the document: /');
		// Latin letters find the Serbian Latin text's diacritics: "vucic" is Vučić.
		dashboard.type('vucicem');
		await dashboard.shows('/vucicem');
		expect(selectedText(dashboard)).toContain('Vučićem');
		dashboard.press(sequences.enter, 'y');
		await expect.poll(() => dashboard.clipboard()).toEqual(['Vučićem']);
	});

	test('at 40×12 the reader fits, header and passage', async () => {
		const dashboard = await renderDashboard({columns: 40, rows: 12});
		dashboard.press('o');
		await dashboard.shows('s000 · ', '║▶ ');
		expect(dashboard.frame().split('\n').length).toBeLessThanOrEqual(11);
	});
});
