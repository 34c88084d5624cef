// The relations' standing (standing.json) and the goods traded (goods.json):
// every quote verbatim in its seed, every term in its quotes, checked by kzrs
// check as strictly as the other files; exported, read back by Python's csv
// module, and reached by kzrs sql.
import {join} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {fitColumns, fitMarked} from '../../source/text/fit.js';
import {exportJson, runKzrs, userErrorLine} from '../helpers/cli.js';
import {type Cell, expectedCsvRows, parseWithPython} from '../helpers/csv.js';
import {
	byId,
	collapseWhitespace,
	copyFactBase,
	editData,
	type FactBaseCopy,
	factBaseArgs,
	makeTempDir,
	readData,
	readSeeds,
	removeTempDirs,
} from '../helpers/fact-base.js';

afterAll(removeTempDirs);

const seeds = readSeeds();
const standing = readData('standing');
const goods = readData('goods');

describe.each([
	['standing', standing],
	['goods', goods],
] as const)('%s.json', (_, records) => {
	test.each(records.flatMap((record) => record.citations.map((citation, index) => [record.id, index, citation] as const)))(
		'%s: quote %i is verbatim in its seed',
		(__, ___, {source, quote}) => {
			expect(collapseWhitespace(seeds.get(source) ?? '')).toContain(collapseWhitespace(quote));
		},
	);

	test.each(records.map((record) => [record.id, record] as const))('%s: its term stands in one of its quotes', (__, record) => {
		expect(record.citations.some(({quote}) => quote.includes(record.term))).toBe(true);
	});
});

test('the standing holds each claim the sources make, with its speaker, and the partnership in each source’s words', () => {
	const said = (id: string) => {
		const claim = byId(standing, id);
		return [claim.kind, claim.speaker, claim.citations.map(({source}) => source).join(' ')];
	};
	expect(said('top-level-visits')).toEqual(['record', null, 's000 s000']);
	expect(said('pragmatic-partnership')).toEqual(['characterisation', null, 's000']);
	expect(said('strategic-partnership')).toEqual(['characterisation', 'Vučić', 's001']);
	expect(said('thirtieth-anniversary')).toEqual(['record', 'Tokayev', 's002']);
	expect(said('territorial-integrity')).toEqual(['gratitude', 'Vučić', 's001']);
	expect(said('international-initiatives')).toEqual(['gratitude', 'Tokayev', 's002']);
	expect(said('concrete-agreements')).toEqual(['outcome', 'Tokayev', 's003']);
	expect(said('important-agreements-expected')).toEqual(['expectation', 'Vučić', 's000']);
	expect(said('free-trade-agreement')).toEqual(['record', null, 's000']);
	expect(standing.filter((claim) => claim.subject === 'partnership').map((claim) => claim.term)).toEqual([
		'pragmatičnog partnerstva sa stabilnim političkim poverenjem',
		'стратешком партнерству',
		'важным партнером в Европе',
	]);
	expect(goods.map((good) => [good.flow, good.rank, good.term])).toEqual([
		['Serbia → Kazakhstan', 'leading', 'hartija i karton'],
		['Serbia → Kazakhstan', 'leading', 'proizvodi od aluminijuma'],
		['Serbia → Kazakhstan', 'leading', 'motorna, kompresorska i turbinska ulja za podmazivanje'],
		['Serbia → Kazakhstan', 'leading', 'seme suncokreta'],
		['Kazakhstan → Serbia', 'most', 'naftni derivati'],
	]);
});

describe('kzrs check', () => {
	test('counts the claims and the goods, every quote found', async () => {
		const result = await runKzrs(['check']);
		expect(result.stderr).toBe('');
		expect(result.stdout).toContain(`${standing.length} standing, ${goods.length} goods;`);
	});

	const broken = async (damage: (copy: FactBaseCopy) => void) => {
		const copy = copyFactBase();
		damage(copy);
		return userErrorLine(await runKzrs(['check', ...factBaseArgs(copy)], {cwd: copy.root}));
	};

	test('refuses a quote that is not in its seed, naming the file, the record and the citation', async () => {
		const line = await broken((copy) =>
			editData(copy.dataDir, 'standing', (records) => {
				const claim = byId(records, 'strategic-partnership');
				if (claim.citations[0]) claim.citations[0].quote = 'Србија придаје велики значај стратешком савезништву';
			}),
		);
		expect(line).toMatch(/standing\.json.*strategic-partnership.*citations\[0\].*quote not found verbatim in the seed of source "s001"/);
	});

	test('refuses a term that none of its quotes holds', async () => {
		const line = await broken((copy) =>
			editData(copy.dataDir, 'goods', (records) => {
				byId(records, 'imports-petroleum-products').term = 'nafta';
			}),
		);
		expect(line).toMatch(/goods\.json.*imports-petroleum-products.*the term does not occur in any of its quotes/);
	});

	test('refuses a flow without its direction, and a kind it does not know', async () => {
		const flow = await broken((copy) =>
			editData(copy.dataDir, 'goods', (records) => {
				(byId(records, 'exports-sunflower-seed') as {flow: string}).flow = 'exports';
			}),
		);
		expect(flow).toMatch(/goods\.json.*exports-sunflower-seed.*flow/);
		const kind = await broken((copy) =>
			editData(copy.dataDir, 'standing', (records) => {
				(byId(records, 'concrete-agreements') as {kind: string}).kind = 'agreement';
			}),
		);
		expect(kind).toMatch(/standing\.json.*concrete-agreements.*kind/);
	});
});

describe.each(['standing', 'goods'])('kzrs export %s', (pane) => {
	test('as CSV, read back by Python’s csv module, holds what the JSON export holds', async () => {
		const json = await exportJson<Record<string, Cell>>(pane);
		expect(json.map((row) => row.id)).toEqual(readData(pane as 'standing' | 'goods').map((record) => record.id));
		const file = join(makeTempDir(), `${pane}.csv`);
		const result = await runKzrs(['export', pane, '--out', file]);
		expect(result.status).toBe(0);
		expect(result.stderr).toContain(`wrote ${json.length} rows`);
		expect(parseWithPython(file)).toEqual(expectedCsvRows(Object.keys(json[0] ?? {}), json));
	});
});

test('kzrs export standing carries each claim’s speaker, original words, readings and quotes', async () => {
	const strategic = byId(await exportJson<{id: string; quotes: string}>('standing'), 'strategic-partnership');
	expect(strategic).toMatchObject({
		kind: 'characterisation',
		speaker: 'Vučić',
		term: 'стратешком партнерству',
		subject: 'partnership',
		readings: 3,
		sources: 's001',
		languages: 'sr-Cyrl',
	});
	expect(strategic.quotes).toContain('стратешком партнерству са Казахстаном');
});

test('kzrs sql reaches the claims, the goods and their quotes', async () => {
	const result = await runKzrs([
		'sql',
		"SELECT g.product, c.quote FROM goods g JOIN citations c ON c.fact_table = 'goods' AND c.fact_id = g.id WHERE g.flow = 'Kazakhstan → Serbia'",
		'--format',
		'json',
	]);
	expect(result.stderr).toBe('');
	expect(JSON.parse(result.stdout)).toEqual([{product: 'Petroleum products', quote: 'dok su se najviše uvozili naftni derivati.'}]);
	const speakers = await runKzrs([
		'sql',
		'SELECT speaker, count(*) AS claims FROM standing WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY speaker',
		'--format',
		'csv',
	]);
	const claimsBy = new Map<string, number>();
	for (const {speaker} of readData('standing')) if (speaker !== null) claimsBy.set(speaker, (claimsBy.get(speaker) ?? 0) + 1);
	const expected = [...claimsBy].sort(([a], [b]) => (a < b ? -1 : 1)).map(([speaker, claims]) => `${speaker},${claims}\r\n`);
	expect(speakers.stdout).toBe(`speaker,claims\r\n${expected.join('')}`);
});

describe('a label cut before its last words', () => {
	test('keeps the words that tell rows apart, and is exactly as wide as its column', () => {
		expect(fitColumns('Serbian companies operating in Kazakhstan', 24, 'left', 'words')).toBe('Serbian comp… Kazakhstan');
		expect(fitColumns('Companies with majority Kazakh capital operating in Serbia', 24, 'left', 'words')).toBe('Companies wit… in Serbia');
		expect(fitColumns('Investment from Kazakhstan in Serbia', 29, 'left', 'words')).toBe('Investment from Ka… in Serbia');
		// Text that fits is padded, not cut; a last word longer than half the column leaves the cut at the end.
		expect(fitColumns('Serbian exports to Kazakhstan', 31, 'left', 'words')).toBe('Serbian exports to Kazakhstan  ');
		expect(fitColumns('Share of products exempt from customs', 12, 'left', 'words')).toBe('Share of pr…');
	});

	test('marks a filter’s matches in the words kept at its end', () => {
		const pieces = fitMarked(
			'Companies with majority Kazakh capital operating in Serbia',
			(clean) => [[clean.indexOf('Serbia'), clean.indexOf('Serbia') + 6]],
			24,
			'left',
			'words',
		);
		expect(pieces).toEqual([
			{text: 'Companies wit', marked: false},
			{text: '…', marked: false},
			{text: ' in ', marked: false},
			{text: 'Serbia', marked: true},
		]);
	});
});
