// Generates a data directory with many trade rows, for benchmarks: the shipped
// data/*.json copied as they are, and a trade.json holding the shipped trade
// records first and then a deterministic series of exports and imports by
// product and year. Every generated row cites a real quote of the shipped data
// (source s000), so `kzrs check --data DIR` accepts the directory.
import {randomBytes} from 'node:crypto';
import {closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync} from 'node:fs';
import {basename, dirname, join, resolve} from 'node:path';
import type {Citation, Source, TradeFigure} from '../source/facts/records.js';
import {foldWhitespace} from '../source/facts/text.js';

/** Bump when the generated rows change, so that cached directories are rebuilt. */
export const generatorVersion = 1;

export type GenerateOptions = {
	/** Trade rows in the result, the shipped ones included. */
	rows: number;
	out: string;
	/** Replace a non-empty `out`. */
	force?: boolean;
	seed?: number;
	/** Where the shipped data/*.json and seeds/ are. */
	dataDir: string;
	seedsDir: string;
};

export class GenerateError extends Error {
	override name = 'GenerateError';
}

/** mulberry32: a small, fast PRNG whose output depends only on its seed. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const productGroups = [
	'Live animals',
	'Meat and edible offal',
	'Dairy produce',
	'Edible vegetables',
	'Fresh fruit',
	'Coffee and tea',
	'Cereals',
	'Milling products',
	'Oil seeds',
	'Vegetable oils',
	'Sugar and confectionery',
	'Cocoa preparations',
	'Bakery products',
	'Fruit juices',
	'Beverages and spirits',
	'Tobacco products',
	'Salt and cement',
	'Ores and concentrates',
	'Mineral fuels',
	'Inorganic chemicals',
	'Organic chemicals',
	'Pharmaceutical products',
	'Fertilisers',
	'Paints and varnishes',
	'Essential oils and cosmetics',
	'Soaps and detergents',
	'Plastics',
	'Rubber products',
	'Leather goods',
	'Wood products',
	'Paper and paperboard',
	'Printed matter',
	'Textile yarn',
	'Knitted apparel',
	'Woven apparel',
	'Footwear',
	'Ceramic products',
	'Glassware',
	'Iron and steel',
	'Steel structures',
	'Copper products',
	'Aluminium products',
	'Zinc products',
	'Hand tools',
	'Boilers and machinery',
	'Electrical machinery',
	'Railway equipment',
	'Motor vehicles',
	'Vehicle parts',
	'Aircraft parts',
	'Optical instruments',
	'Medical instruments',
	'Clocks and watches',
	'Furniture',
	'Toys and games',
	'Agricultural machinery',
	'Pumps and compressors',
	'Cables and wire',
	'Batteries',
	'Seeds for sowing',
];
const productGrades = [
	'unprocessed',
	'processed',
	'semi-finished',
	'finished',
	'bulk',
	'packaged',
	'fresh',
	'frozen',
	'dried',
	'refined',
	'industrial',
	'consumer',
	'spare parts',
	'components',
	'assembled',
	'used',
	'new',
	'mixed',
	'specialised',
	'other',
	'for food industry',
	'for construction',
	'for agriculture',
	'for mining',
	'for energy',
	'for transport',
	'for healthcare',
	'for retail',
	'for export processing',
	'of high value',
	'of low value',
	'in sets',
	'in bulk containers',
	'samples',
];

/** The n-th product name: every group with every grade, then numbered series of them. */
export function productName(index: number): string {
	const group = productGroups[index % productGroups.length] as string;
	const combined = Math.floor(index / productGroups.length);
	const grade = productGrades[combined % productGrades.length] as string;
	const series = Math.floor(combined / productGrades.length);
	return `${group}, ${grade}${series === 0 ? '' : `, series ${series + 1}`}`;
}

const firstYear = 2000;
const lastYear = 2025;
const flows = {
	exports: {flow: 'Serbia → Kazakhstan', label: 'Serbian exports to Kazakhstan'},
	imports: {flow: 'Kazakhstan → Serbia', label: 'Serbian imports from Kazakhstan'},
} as const;
type Indicator = keyof typeof flows;

function readJson<T>(file: string): T {
	return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/**
 * The citations generated rows reuse: the shipped turnover, exports and imports
 * figures' quotes from source s000, each checked against its seed here so a
 * changed seed fails now rather than in `kzrs check`.
 */
function citationsFor(dataDir: string, seedsDir: string, shipped: TradeFigure[]): Record<Indicator, Citation> {
	const sources = readJson<Source[]>(join(dataDir, 'sources.json'));
	const s000 = sources.find((source) => source.id === 's000');
	if (!s000) throw new GenerateError(`${join(dataDir, 'sources.json')} has no source s000`);
	const seedText = foldWhitespace(readFileSync(join(seedsDir, s000.file), 'utf8'));
	const cited = (indicator: string) =>
		shipped
			.filter((figure) => figure.indicator === indicator && figure.derived === null)
			.flatMap((figure) => figure.citations)
			.find((citation) => citation.source === 's000' && seedText.includes(foldWhitespace(citation.quote)));
	const turnover = cited('turnover');
	const exports = cited('exports') ?? turnover;
	const imports = cited('imports') ?? turnover;
	if (!exports || !imports) throw new GenerateError('the shipped trade.json has no turnover or exports figure citing s000 with a quote found in its seed');
	return {exports, imports};
}

function* generatedFigures(count: number, seed: number, citations: Record<Indicator, Citation>): Generator<TradeFigure> {
	const random = seededRandom(seed);
	const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
	const years = lastYear - firstYear + 1;
	let made = 0;
	for (let product = 0; made < count; product++) {
		const name = productName(product);
		// A product's series: a level and a trend for each direction, and noise by year.
		const level = {exports: Math.exp(0.5 + 1.2 * normal()), imports: Math.exp(1 + 1.4 * normal())};
		const trend = {exports: 0.04 * normal() + 0.03, imports: 0.05 * normal() + 0.04};
		for (let year = 0; year < years && made < count; year++) {
			for (const indicator of ['exports', 'imports'] as const) {
				if (made >= count) break;
				const value = level[indicator] * (1 + trend[indicator]) ** year * Math.exp(0.15 * normal());
				const period = String(firstYear + year);
				yield {
					id: `p${String(product).padStart(4, '0')}-${indicator}-${period}`,
					indicator,
					label: `${flows[indicator].label}: ${name}`,
					period,
					flow: flows[indicator].flow,
					product: name,
					value: Math.max(0.1, Math.round(value * 10) / 10),
					unit: 'million',
					currency: 'USD',
					qualifier: 'exact',
					reporter: 'Statistical Office of the Republic of Serbia',
					derived: null,
					citations: [citations[indicator]],
				};
				made++;
			}
		}
	}
}

/** Writes records as a JSON list, one record a line, in chunks of about a megabyte. */
function writeJsonList(file: string, records: Iterable<unknown>): void {
	const descriptor = openSync(file, 'wx', 0o644);
	try {
		let chunk = '[';
		let first = true;
		for (const record of records) {
			chunk += `${first ? '\n' : ',\n'}${JSON.stringify(record)}`;
			first = false;
			if (chunk.length >= 1 << 20) {
				writeSync(descriptor, chunk);
				chunk = '';
			}
		}
		writeSync(descriptor, `${chunk}${first ? ']\n' : '\n]\n'}`);
	} finally {
		closeSync(descriptor);
	}
}

function isNonEmptyDirectory(path: string): boolean {
	if (!existsSync(path)) return false;
	if (!statSync(path).isDirectory()) throw new GenerateError(`${path} exists and is not a directory`);
	return readdirSync(path).length > 0;
}

/**
 * Writes the directory. Everything goes into a hidden sibling first and takes
 * the name `out` only once complete, so `out` never holds a partial data set.
 */
export function generateDataDir(options: GenerateOptions): {rows: number; generated: number; out: string} {
	const out = resolve(options.out);
	if (!Number.isSafeInteger(options.rows) || options.rows < 0) throw new GenerateError(`--rows must be a whole number, found ${options.rows}`);
	if (isNonEmptyDirectory(out) && !options.force) throw new GenerateError(`${options.out} exists and is not empty (use --force to replace it)`);

	const shipped = readJson<TradeFigure[]>(join(options.dataDir, 'trade.json'));
	if (options.rows < shipped.length) throw new GenerateError(`--rows must be at least ${shipped.length}, the shipped trade records`);
	const citations = citationsFor(options.dataDir, options.seedsDir, shipped);
	const generated = options.rows - shipped.length;

	mkdirSync(dirname(out), {recursive: true});
	const temporary = join(dirname(out), `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	mkdirSync(temporary);
	try {
		for (const file of readdirSync(options.dataDir)) {
			if (file.endsWith('.json') && file !== 'trade.json') copyFileSync(join(options.dataDir, file), join(temporary, file));
		}
		writeJsonList(
			join(temporary, 'trade.json'),
			(function* () {
				yield* shipped;
				yield* generatedFigures(generated, options.seed ?? 1, citations);
			})(),
		);
		if (existsSync(out)) {
			// rename(2) replaces an empty directory; move a full one aside first.
			const old = `${temporary}.old`;
			renameSync(out, old);
			renameSync(temporary, out);
			rmSync(old, {recursive: true, force: true});
		} else {
			renameSync(temporary, out);
		}
	} catch (error) {
		rmSync(temporary, {recursive: true, force: true});
		throw error;
	}
	return {rows: options.rows, generated, out};
}
