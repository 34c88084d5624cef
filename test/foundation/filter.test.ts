// The filter (`/` in the dashboard, `kzrs export --filter`) finds what a user
// sees: every cell a pane shows, as it shows it, and the row's quotes, however
// a name is spelt; and a cell marks what the filter matches in it. Folding is
// tested on the names of the shipped data, and the filter through the real
// database and command line.
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {generateDataDir} from '../../scripts/trade-data.js';
import {foldFilter, foldForSearch, foldTracingSources, searchMatches} from '../../source/facts/text.js';
import {openFactBase} from '../../source/load/open.js';
import type {AnyPane} from '../../source/panes/pane.js';
import {shippedPanes} from '../../source/panes/registry.js';
import {fitColumns, fitMarked} from '../../source/text/fit.js';
import {amountParts} from '../../source/text/shown.js';
import {symbols} from '../../source/text/symbols.js';
import {FactViews} from '../../source/views/fact-views.js';
import {exportJson} from '../helpers/cli.js';
import {shippedViews} from '../helpers/dashboard.js';
import {makeTempDir, readData, removeTempDirs, shippedDataDir, shippedSeedsDir} from '../helpers/fact-base.js';

afterAll(removeTempDirs);

/** The spellings of each name in the shipped data (and the usual others), which must fold alike. */
const spellings = {
	Vučić: ['Vučić', 'Vucic', 'VUČIĆ', 'Вучић', 'Вучич', 'Вучиќ', 'Vuchich'],
	Tokayev: ['Tokayev', 'Tokajev', 'Tokaev', 'Tokaiev', 'Токаев', 'Токајев', 'Тоқаев', 'TOKAYEV'],
	Bektenov: ['Bektenov', 'Бектенов'],
	Astana: ['Astana', 'Астана'],
	Kazakhstan: ['Kazakhstan', 'Kazahstan', 'Казахстан'],
	Olzhas: ['Olzhas', 'Olžas', 'Олжас'],
	Đorđe: ['Đorđe', 'Djordje', 'Ђорђе'],
};

describe('folding', () => {
	test.each(Object.entries(spellings))('every spelling of %s folds alike', (_, names) => {
		const [first, ...others] = names.map(foldForSearch);
		for (const other of others) expect(other).toBe(first);
	});

	test('the names stay apart', () => {
		const folds = Object.values(spellings).map(([name]) => foldForSearch(name as string));
		expect(new Set(folds).size).toBe(folds.length);
	});

	test('declined forms are found by the name: Tokajeva, Токаева, Вучића', () => {
		expect(foldForSearch('predsednika Tokajeva')).toContain(foldFilter('tokayev'));
		expect(foldForSearch('с Токаева')).toContain(foldFilter('Tokayev'));
		expect(foldForSearch('predsednika Vučića')).toContain(foldFilter('vucic'));
		expect(foldForSearch('Казахстана')).toContain(foldFilter('kazakh'));
	});

	test('a name typed letter by letter keeps finding it', () => {
		const typed = ['Tokayev', 'Tokajev', 'Tokaev', 'Kazakhstan', 'Kazahstan', 'Vučić', 'Vucic', 'Bektenov', 'Astana', 'exports', 'Olzhas'];
		for (const word of typed) {
			const whole = foldForSearch(word);
			for (let length = 1; length <= word.length; length++) expect(whole, word.slice(0, length)).toContain(foldFilter(word.slice(0, length)));
		}
		// Every spelling of a name is found by the others' beginnings too.
		for (const names of Object.values(spellings)) {
			for (const name of names) for (const other of names) expect(foldForSearch(name)).toContain(foldFilter(other.slice(0, 4)));
		}
	});

	test('whitespace folds to single spaces; what is not a letter stays', () => {
		expect(foldForSearch('A \t\n B')).toBe('a b');
		expect(foldForSearch('903.7 million USD')).toBe('903.7 million usd');
		expect(foldForSearch('−752.3 ≈60 >90 % 2026-02-26–27')).toBe('−752.3 ≈60 >90 % 2026-02-26–27');
	});

	test("an amount's figure folds to itself, which loading counts on: it stores figures unfolded", () => {
		const values = [0, -0, 0.005, 1.005, -752.3, 903.7, 1234.5678, -1e6, 1e21, Number.MAX_SAFE_INTEGER, 1e-7];
		for (const value of values) {
			for (const qualifier of ['exact', 'approximately', 'more-than', 'at-least']) {
				const {figure} = amountParts(value, 'million', 'USD', qualifier);
				expect(foldForSearch(figure), figure).toBe(figure);
			}
		}
	});

	test('a figure is written as Intl writes it (en-GB, two decimals at most), whatever the value', () => {
		const intl = new Intl.NumberFormat('en-GB', {maximumFractionDigits: 2});
		const edges = [0, -0, 0.005, 0.015, 1.005, 999.995, 999.99, 1000, -1000, 0.1 + 0.2, 1e21, 1e-7, -5e-7, 123.456, -999.9];
		let seed = 1;
		const random = () => {
			seed = (seed * 16807) % 2147483647;
			return seed / 2147483647;
		};
		const sampled = Array.from({length: 20000}, (_, index) => {
			const magnitude = 10 ** Math.floor(random() * 8 - 3);
			const value = (random() - 0.3) * magnitude;
			return index % 2 === 0 ? value : Math.round(value * 10 ** (index % 4)) / 10 ** (index % 4);
		});
		for (const value of [...edges, ...sampled]) {
			expect(amountParts(value, 'percent', null).figure, String(value)).toBe(intl.format(value).replace('-', '−'));
		}
	});

	test('traced folding gives the same text as folding, for every text of the shipped data', () => {
		const texts = [...new Set(Object.values(allRecords()).flatMap((records) => records.flatMap(stringsOf)))];
		expect(texts.length).toBeGreaterThan(100);
		for (const text of texts) {
			const traced = foldTracingSources(text);
			expect(traced.text).toBe(foldForSearch(text));
			expect(traced.starts).toHaveLength(traced.text.length);
			expect(traced.ends).toHaveLength(traced.text.length);
		}
	});

	test('a match in the folded text is the range of the original that shows it', () => {
		const shown = (text: string, filter: string) => searchMatches(text, foldFilter(filter)).map(([start, end]) => text.slice(start, end));
		expect(shown('Talks between Presidents Tokayev and Vučić', 'tokajev')).toEqual(['Tokayev']);
		expect(shown('Talks between Presidents Tokayev and Vučić', 'VUCIC')).toEqual(['Vučić']);
		expect(shown('Вучић и Вучич', 'vucic')).toEqual(['Вучић', 'Вучич']);
		expect(shown('Kazahstan, Kazakhstan', 'kazakh')).toEqual(['Kazah', 'Kazakh']);
		expect(shown('Токаев', 'kaje')).toEqual(['кае']);
		// A decomposed diacritic belongs to its letter.
		expect(shown('Vuc\u030Cic\u0301 arrives', 'vucic')).toEqual(['Vuc\u030Cic\u0301']);
		expect(shown('nothing here', 'vucic')).toEqual([]);
		expect(shown('anything', '')).toEqual([]);
	});
});

type AnyRecord = Record<string, unknown>;

function allRecords(): Record<string, AnyRecord[]> {
	const names = ['sources', 'events', 'memoranda', 'trade', 'companies', 'people', 'honours'] as const;
	return Object.fromEntries(names.map((name) => [name, readData(name) as unknown as AnyRecord[]]));
}

/** Every string in a value, however deep. */
function stringsOf(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(stringsOf);
	if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
	return [];
}

const ids = (rows: ReadonlyArray<{id?: unknown}>) => rows.map((row) => String(row.id));

describe('kzrs export --filter, on the shipped data', () => {
	test('Trade finds its figures as shown: "million", "%", "903.7 million USD"', async () => {
		const trade = readData('trade');
		expect(ids(await exportJson('trade', ['--filter', 'million']))).toEqual(ids(trade.filter((figure) => figure.unit === 'million')));
		expect(ids(await exportJson('trade', ['--filter', '%']))).toEqual(ids(trade.filter((figure) => figure.unit === 'percent')));
		expect(ids(await exportJson('trade', ['--filter', '903.7 million USD']))).toEqual(['turnover-2025']);
	});

	test('Memoranda and Trade find their quotes: the memoranda quoting "Vučića", a trade figure "izvoz"', async () => {
		const quoting = readData('memoranda').filter((memorandum) => memorandum.citations.some(({quote}) => quote.includes('Vučića')));
		expect(quoting.length).toBeGreaterThan(1);
		expect(ids(await exportJson('memoranda', ['--filter', 'vucic']))).toEqual(ids(quoting));
		expect(ids(await exportJson('trade', ['--filter', 'izvoz']))).toContain('exports-2025');
	});

	/** Each spelling of a name finds the same rows in every pane: those whose text, in any field or quote, spells it in any way. */
	const names: Array<[string, RegExp]> = [
		['Tokayev', /tokayev|tokajev|tokaev|токаев|токајев|тоқаев/i],
		['Vučić', /vučić|vucic|вучић|вучич/i],
		['Bektenov', /bektenov|бектенов/i],
		['Astana', /astana|астана/i],
	];
	test.each(names)('every spelling of %s finds the rows that name him or it, in every pane', async (name, spelt) => {
		for (const pane of ['timeline', 'memoranda', 'trade', 'companies', 'sources']) {
			const all = await exportJson(pane);
			const naming = ids(all.filter((row) => spelt.test(stringsOf(row).join(' '))));
			for (const spelling of spellings[name as keyof typeof spellings]) {
				expect(ids(await exportJson(pane, ['--filter', spelling])), `${pane} --filter ${spelling}`).toEqual(naming);
			}
		}
	});

	test('folding merges no unrelated words: a few filters count what they should', async () => {
		const count = async (pane: string, filter: string) => (await exportJson(pane, ['--filter', filter])).length;
		expect(await count('memoranda', 'health')).toBe(1);
		expect(await count('memoranda', 'justice')).toBe(1);
		expect(await count('timeline', 'held')).toBe(readData('events').filter((event) => event.status === 'held').length);
		// An announced event, or one whose title says what another source announced.
		expect(await count('timeline', 'announced')).toBe(
			readData('events').filter((event) => event.status === 'announced' || event.title.includes('announced')).length,
		);
		expect(await count('companies', '≈60')).toBe(1);
		expect(await count('trade', 'derived')).toBe(readData('trade').filter((figure) => figure.derived !== null).length);
		expect(await count('timeline', 'xqz')).toBe(0);
	});
});

/** Text pieces a cell shows: its text without the marks (◆, *, ⚠…) the legend explains, which are not words. */
const marks = new RegExp(`[${Object.values(symbols).join('')}]`, 'u');
const piecesOf = (cell: string) =>
	cell
		.split(marks)
		.map((piece) => piece.trim())
		.filter((piece) => /[\p{L}\p{N}]/u.test(piece));

/** Each row of each pane is found by each piece of text its cells show. */
async function expectEveryCellFound(views: FactViews, panes: readonly AnyPane[]): Promise<number> {
	let checked = 0;
	for (const pane of panes) {
		const total = views.count(pane, '');
		const summary = views.summary(pane, '');
		for (const row of views.window(pane, {}, 0, total)) {
			for (const column of pane.list) {
				if (column.searched === false) continue;
				for (const piece of piecesOf(column.text(row, {width: 40, summary}))) {
					const found = views.window(pane, {filter: piece}, 0, total);
					expect(ids(found), `${pane.id} row ${row.id}, ${column.header}: "${piece}"`).toContain(row.id);
					checked++;
				}
			}
		}
	}
	return checked;
}

describe('every pane searches what it shows', () => {
	test('on the shipped data, each row is found by every text its cells show', async () => {
		expect(await expectEveryCellFound(await shippedViews(), shippedPanes)).toBeGreaterThan(50);
	});

	describe('on a generated series', () => {
		let views: FactViews;
		beforeAll(async () => {
			const dataDir = join(makeTempDir(), 'data');
			generateDataDir({rows: 120, out: dataDir, dataDir: shippedDataDir, seedsDir: shippedSeedsDir});
			views = new FactViews(await openFactBase({dataDir, seedsDir: shippedSeedsDir}));
		});

		test('each trade row is found by its label, product, period and figure as shown', async () => {
			const trade = shippedPanes.filter((pane) => pane.id === 'trade');
			expect(await expectEveryCellFound(views, trade)).toBeGreaterThan(300);
		});
	});
});

describe('marking a fitted cell', () => {
	const matchesOf = (filter: string) => (text: string) => searchMatches(text, foldFilter(filter));
	const marked = (text: string, filter: string, width: number, align?: 'left' | 'right') =>
		fitMarked(text, matchesOf(filter), width, align)
			.filter((piece) => piece.marked)
			.map((piece) => piece.text);

	test('its pieces are the fitted cell, to the column, whatever the text, width and alignment', () => {
		const texts = ['Talks between Presidents Tokayev and Vučić', 'Вучић и Токаев', '漢字 wide 漢字', 'Vuc\u030Cic\u0301', 'a\u0000b\u200Bc', ''];
		for (const text of texts) {
			for (let width = 0; width <= 45; width++) {
				for (const align of ['left', 'right'] as const) {
					const pieces = fitMarked(text, matchesOf('vucic'), width, align);
					expect(pieces.map((piece) => piece.text).join(''), `${text} in ${width}, ${align}`).toBe(fitColumns(text, width, align));
				}
			}
		}
	});

	test('what the filter matches is marked, as far as the cell shows it', () => {
		const text = 'Talks between Presidents Tokayev and Vučić';
		expect(marked(text, 'vucic', 60)).toEqual(['Vučić']);
		expect(marked(text, 'VUCIC', 60, 'right')).toEqual(['Vučić']);
		expect(marked(text, 'tokajev', 60)).toEqual(['Tokayev']);
		// Cut short, the part of a match left before the ellipsis.
		expect(marked(text, 'vucic', 40)).toEqual(['Vu']);
		expect(marked(text, 'vucic', 30)).toEqual([]);
		expect(marked('Вучић, Vučić', 'vucic', 20)).toEqual(['Вучић', 'Vučić']);
		expect(marked(text, '', 60)).toEqual([]);
	});
});
