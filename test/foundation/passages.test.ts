// Passages: every quote of the fact base placed in its document once, at
// load, as `kzrs check` finds it, and `kzrs source` giving the document back
// with its passages marked.
import {afterAll, describe, expect, test} from 'vitest';
import {storedPassages} from '../../source/db/documents.js';
import {FoldedDocument, sentenceSpans} from '../../source/facts/passages.js';
import {shippedPanes} from '../../source/panes/registry.js';
import {printable} from '../../source/text/printable.js';
import {displayWidth} from '../../source/text/width.js';
import {wrapSpans} from '../../source/text/wrap-spans.js';
import {sourceDocument} from '../../source/views/documents.js';
import {footnoteMark} from '../../source/views/footnotes.js';
import {exportJson, runKzrs, userErrorLine} from '../helpers/cli.js';
import {shippedViews} from '../helpers/dashboard.js';
import {collapseWhitespace, dataFileNames, readData, readSeeds, removeTempDirs} from '../helpers/fact-base.js';

afterAll(removeTempDirs);

describe('a quote is placed where kzrs check finds it', () => {
	const document = new FoldedDocument('  Prvi red,\n\tdrugi   red.\r\nTreći red.  ');

	test('across line breaks and runs of whitespace, at the offsets of the text as written', () => {
		const span = document.locate('red, drugi red.');
		expect(span).toEqual([7, 25]);
		expect(document.text.slice(...(span as [number, number]))).toBe('red,\n\tdrugi   red.');
		expect(document.locate('red. Treći')).toEqual([21, 32]);
	});

	test('a quote the document does not hold has no place', () => {
		expect(document.locate('drugi red!')).toBeUndefined();
		expect(document.locate('Prvired')).toBeUndefined();
	});

	test('overlapping quotes are each placed whole', () => {
		expect(document.locate('Prvi red, drugi')).toEqual([2, 18]);
		expect(document.locate('drugi red. Treći')).toEqual([13, 32]);
	});

	test('sentences are cut by the language, without the whitespace around them', () => {
		const text = 'Први пасус. Друга реченица!\n\nНаслов без тачке\nКрај.';
		expect(sentenceSpans(text, 'sr-Cyrl').map(([start, end]) => text.slice(start, end))).toEqual([
			'Први пасус.',
			'Друга реченица!',
			'Наслов без тачке',
			'Крај.',
		]);
	});
});

type Quoted = {source: string; quote: string};
type Cited = Quoted & {table: string; id: string};

/** Every citation of the shipped data, read from data/*.json without kzrs's loader. */
function shippedCitations(): Cited[] {
	const cited: Cited[] = [];
	for (const file of dataFileNames) {
		if (file === 'sources') continue;
		for (const record of readData(file) as Array<{id: string; citations?: Quoted[]; spellings?: Quoted[]}>) {
			for (const {source, quote} of record.citations ?? record.spellings ?? []) cited.push({table: file, id: record.id, source, quote});
		}
	}
	return cited;
}

describe('the shipped data', async () => {
	const views = await shippedViews();
	const seeds = readSeeds();
	const citations = shippedCitations();
	const passages = new Map([...seeds.keys()].map((source) => [source, storedPassages(views.reader.db, source)]));

	test('has citations to place', () => {
		expect(citations.length).toBeGreaterThan(100);
	});

	test.each(citations.map((cited) => [`${cited.table} ${cited.id} (${cited.source})`, cited]))('%s: its quote maps to exactly one passage', (_, cited) => {
		const seed = seeds.get(cited.source) as string;
		const holding = (passages.get(cited.source) ?? []).filter(
			({span, facts}) =>
				facts.some((fact) => fact.table === cited.table && fact.id === cited.id) && collapseWhitespace(seed.slice(...span)) === collapseWhitespace(cited.quote),
		);
		expect(holding).toHaveLength(1);
	});

	test('two facts quoting overlapping text are both shown on the overlap', () => {
		const overlapping = [...passages.values()].flatMap((list) =>
			list.flatMap((passage, index) =>
				list
					.slice(index + 1)
					.filter((later) => later.span[0] < passage.span[1])
					.map((later) => [passage, later]),
			),
		);
		expect(overlapping.length).toBeGreaterThan(0);
		for (const [first, second] of overlapping) expect(first?.facts.length && second?.facts.length).toBeGreaterThan(0);
	});
});

describe('the share of each document the facts cite', () => {
	test.each([...readSeeds()])('%s: the sentences a quote touches, in percent, in the Sources pane and its export', async (id, seed) => {
		const language = readData('sources').find((source) => source.id === id)?.language ?? '';
		const document = new FoldedDocument(seed);
		const passages = shippedCitations()
			.filter((cited) => cited.source === id)
			.map(({quote}) => document.locate(quote) as [number, number]);
		const sentences = sentenceSpans(document.text, language);
		const cited = sentences.filter(([start, end]) => passages.some(([from, to]) => from < end && start < to));
		const [row] = (await exportJson<{id: string; sentences_cited: number}>('sources')).filter((source) => source.id === id);
		expect(row?.sentences_cited).toBe(Math.round((1000 * cited.length) / sentences.length) / 10);
		expect(cited.length).toBeLessThan(sentences.length);
	});
});

describe('a document wrapped for the reader', () => {
	const texts = [...readSeeds().values(), 'Ширина: 宽字符混合 text, e\u0301 and\ttabs\r\nand a veryveryverylongwordthatcannotfit here'];
	test.each([2, 7, 38, 56, 116])('at %i columns: no line is wider, and the lines hold the whole text in order, whitespace aside', (width) => {
		for (const text of texts) {
			const lines = wrapSpans(text, width);
			for (const [start, end] of lines) expect(displayWidth(printable(text.slice(start, end)))).toBeLessThanOrEqual(width);
			for (const [index, line] of lines.entries()) expect(line[0]).toBeGreaterThanOrEqual(lines[index - 1]?.[1] ?? 0);
			expect(
				lines
					.map(([start, end]) => text.slice(start, end))
					.join('')
					.replace(/\s/g, ''),
			).toBe(text.replace(/\s/g, ''));
		}
	});
});

describe('kzrs source', () => {
	const seeds = readSeeds();

	test.each([...seeds.keys()])('%s: the footnoted text with its marks removed is the seed, whitespace aside', async (id) => {
		const result = await runKzrs(['source', id]);
		expect(result.status).toBe(0);
		const [body = '', notes = ''] = result.stdout.split(/\n\n(?=\[1\] )/);
		const text = body.split('\n').slice(3).join('\n');
		expect(collapseWhitespace(text.replace(footnoteMark, ''))).toBe(collapseWhitespace(seeds.get(id) as string));
		// A footnote for every opening mark, naming pane and fact.
		const opened = [...text.matchAll(/\[(\d+)>/g)].map((match) => Number(match[1]));
		expect(opened).toEqual(opened.map((_, index) => index + 1));
		expect(notes.trimEnd().split('\n')).toHaveLength(opened.length);
		expect(notes).toMatch(/^\[1\] \d+–\d+: \w+ [\w-]+/);
	});

	test('--format json gives each passage with its offsets, its text and the facts citing it', async () => {
		const views = await shippedViews();
		const result = await runKzrs(['source', 's003', '--format', 'json']);
		expect(result.status).toBe(0);
		const shown = JSON.parse(result.stdout) as {
			id: string;
			language: string;
			passages: Array<{number: number; start: number; end: number; text: string; facts: Array<{pane: string | null; id: string}>}>;
		};
		const document = sourceDocument(views.reader.db, shippedPanes, 's003');
		expect(shown.id).toBe('s003');
		expect(shown.language).toBe('en');
		expect(shown.passages.length).toBe(document?.passages.length);
		const seed = seeds.get('s003') as string;
		for (const passage of shown.passages) expect(passage.text).toBe(seed.slice(passage.start, passage.end));
		expect(shown.passages.find((passage) => passage.text.includes('approximately 60 Serbian companies'))?.facts).toEqual([
			{pane: 'companies', row: 'serbian-companies-in-kazakhstan-approximately-60', table: 'companies', id: 'serbian-companies-in-kazakhstan-approximately-60'},
		]);
	});

	test('an honour, which only a person’s detail shows, is footnoted with the person’s row, where the reader goes for it', async () => {
		const views = await shippedViews();
		const honour = readData('honours')[0];
		const person = readData('people').find((candidate) => candidate.name === honour?.recipient);
		const source = honour?.citations[0]?.source ?? '';
		const cited = sourceDocument(views.reader.db, shippedPanes, source)
			?.passages.flatMap(({facts}) => facts)
			.find((fact) => fact.table === 'honours');
		expect(cited).toEqual({id: honour?.id, table: 'honours', pane: {id: 'people', title: 'People'}, row: person?.id});
		const result = await runKzrs(['source', source]);
		expect(result.stdout).toContain(`people ${person?.id} (honours ${honour?.id})`);
	});

	test('piped, it is plain text: no escape sequence', async () => {
		const result = await runKzrs(['source', 's000'], {env: {NO_COLOR: ''}});
		expect(result.stdout).not.toContain('\u001B');
	});

	test('an unknown id is one line and exit code 2', async () => {
		expect(userErrorLine(await runKzrs(['source', 's999']))).toBe('kzrs: unknown source "s999"; sources: s000, s001, s002, s003, s004');
		const missing = await runKzrs(['source']);
		expect(missing.status).toBe(2);
		expect(missing.stderr.split('\n')[0]).toBe('kzrs: source takes one source id: kzrs source s000');
	});
});
