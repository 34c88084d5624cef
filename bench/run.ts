// `npm run bench`: measures kzrs's startup, key-to-frame latency, load and
// export against its targets, prints one table, and flags regressions against
// the baseline kept in BENCHMARKS.md. Timings never make it fail: it exits 1
// only when something could not be run or measured at all.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync} from 'node:fs';
import {availableParallelism, loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {countText} from '../source/text/shown.js';
import {type Baseline, baselineBlock, compare, type Figures, readBaseline, recordBlocks, regressionFloorMs, regressionShare} from './baseline.js';
import {dataDirectory, filterCounts, type Inputs, savedDatabase} from './data.js';
import {rssMethod, type Timed, timeAndMemory, timeCommand} from './processes.js';
import {type KeyTiming, type Plan, runPty, type SessionPlan, type SessionResult, type Step} from './pty.js';
import {ratioOf, type Summary, summarize} from './stats.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const cli = join(root, 'dist/cli.cjs');
/** The program the command runs; built with it. */
const program = join(root, 'dist/kzrs.cjs');
const driver = join(root, 'bench/pty_driver.py');
const documentFile = join(root, 'BENCHMARKS.md');
const sizes = [100, 10_000, 100_000] as const;
type Size = (typeof sizes)[number];
const largest: Size = 100_000;
/** Keys are also measured at a million rows, where a filter's cost shows most (generated and saved once, as the others). */
const keySizes = [...sizes, 1_000_000] as const;
type KeySize = (typeof keySizes)[number];
const paneTitles = ['Timeline', 'Memoranda', 'Trade', 'Companies'];
const filterText = 'expo';
const sections = ['startup', 'rows', 'keys', 'reader', 'load', 'export'] as const;
type Section = (typeof sections)[number];

const usage = `Usage: npm run bench [-- --quick] [-- --only startup,rows,keys,reader,load,export] [-- --record] [-- --compare CLI]

  --quick        fewer repetitions (a rough look, not for the baseline)
  --only S       run only these sections, comma-separated: ${sections.join(', ')}
  --record       write this run's machine, table and baseline into BENCHMARKS.md
  --compare CLI  also time the first rows and the filter's keys of another build's dist/cli.cjs, alternated with this one's
`;

const {values: options} = parseArgs({
	options: {
		quick: {type: 'boolean', default: false},
		only: {type: 'string'},
		record: {type: 'boolean', default: false},
		compare: {type: 'string'},
		help: {type: 'boolean', default: false},
	},
});
if (options.help) {
	process.stdout.write(usage);
	process.exit(0);
}
const chosen = new Set((options.only?.split(',') ?? sections).map((section) => section.trim()));
const unknownSection = [...chosen].find((section) => !sections.includes(section as Section));
if (unknownSection) {
	process.stderr.write(`bench: unknown section "${unknownSection}"\n${usage}`);
	process.exit(2);
}
const rounds = options.quick ? {startup: 3, rows: 1, keys: 1, reader: 1, load: 2, export: 2} : {startup: 10, rows: 4, keys: 4, reader: 4, load: 5, export: 5};
const keysPerSession = {j: 10, jumps: 6};

// ---- set-up ---------------------------------------------------------------

const problems: string[] = [];
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

function newestUnder(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestUnder(join(path, entry))));
}

/** Rebuilds dist/ when the program is missing or older than its sources (npm run bench builds first anyway). */
function ensureBuilt(): void {
	const sourcesChanged = Math.max(newestUnder(join(root, 'source')), newestUnder(join(root, 'build.mjs')), newestUnder(join(root, 'package-lock.json')));
	if (existsSync(program) && statSync(program).mtimeMs >= sourcesChanged) return;
	log('building dist/');
	const built = spawnSync(process.execPath, ['build.mjs'], {cwd: root, stdio: 'inherit'});
	if (built.status !== 0) throw new Error('node build.mjs failed');
}

function requireTool(command: string, args: string[]): void {
	const result = spawnSync(command, args, {stdio: 'ignore'});
	if (result.error || result.status !== 0) throw new Error(`${command} is needed and could not be run`);
}

type Machine = {nproc: number; cpu: string; node: string; python: string; sqlite3: string; kernel: string};

function machine(): Machine {
	const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
	const version = (command: string, args: string[]) => spawnSync(command, args, {encoding: 'utf8'}).stdout?.trim().split(/\s/)[0] ?? 'unknown';
	return {
		nproc: availableParallelism(),
		cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown',
		node: process.version,
		python:
			spawnSync('python3', ['--version'], {encoding: 'utf8'})
				.stdout?.trim()
				.replace(/^Python /, '') ?? 'unknown',
		sqlite3: version('sqlite3', ['--version']),
		kernel: spawnSync('uname', ['-r'], {encoding: 'utf8'}).stdout?.trim() ?? 'unknown',
	};
}

/** Order of the compared commands in round `round`: rotated so none always goes first. */
const rotate = <T>(items: readonly T[], round: number): T[] => items.map((_, index) => items[(index + round) % items.length] as T);

// ---- the table ------------------------------------------------------------

type Row = {
	measurement: string;
	summary?: Summary;
	unit: 'ms' | 'MB' | '×';
	target: string;
	ratio?: number;
	verdict: 'pass' | 'FAIL' | 'info' | 'not measured';
	note?: string;
};
const rows: Row[] = [];
const figures: Figures = {};

const fixed = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const verdictOf = (...checks: Array<boolean | undefined>): Row['verdict'] =>
	checks.some((check) => check === undefined) ? 'not measured' : checks.every(Boolean) ? 'pass' : 'FAIL';

function renderTable(): string {
	const header = ['measurement', 'median', 'min–max', 'target', 'ratio', 'verdict'];
	const lines = rows.map((row) => [
		row.measurement + (row.note ? ` (${row.note})` : ''),
		row.summary ? `${fixed(row.summary.median)} ${row.unit}` : '—',
		row.summary ? `${fixed(row.summary.min)}–${fixed(row.summary.max)} ${row.unit} (n=${row.summary.count})` : '—',
		row.target,
		row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`,
		row.verdict,
	]);
	const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] as string).length)));
	const format = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] as number)).join(' | ')} |`;
	return [format(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...lines.map(format)].join('\n');
}

// ---- a. startup -----------------------------------------------------------

async function measureStartup(inputs: Inputs): Promise<void> {
	const helloBundle = join(inputs.cacheDir, 'hello-ink.bundle.mjs');
	// Ink bundled by esbuild in production mode, as build.mjs bundles kzrs (but without its code cache): the floor for any bundled Ink program.
	const bundling = spawnSync(process.execPath, [join(root, 'build.mjs'), '--ink-program', join(root, 'bench/fixtures/hello-ink.mjs'), helloBundle], {
		cwd: root,
		stdio: 'inherit',
	});
	if (bundling.status !== 0) throw new Error('could not bundle bench/fixtures/hello-ink.mjs');
	// React's production build for the unbundled program too, as the bundle defines it.
	const production = {NODE_ENV: 'production'};
	const programs: SessionPlan[] = [
		{name: 'kzrs', argv: [process.execPath, cli], cwd: root, frame: paneTitles},
		{name: 'hello-ink', argv: [process.execPath, join(root, 'bench/fixtures/hello-ink.mjs')], cwd: root, env: production, frame: ['hello']},
		{name: 'hello-ink-bundled', argv: [process.execPath, helloBundle], cwd: root, env: production, frame: ['hello']},
	];
	const sessions = Array.from({length: rounds.startup}, (_, round) => rotate(programs, round)).flat();
	log(`startup: ${sessions.length} sessions in a 120×40 pty`);
	const results = await runPty(driver, plan(sessions));
	const frames = (name: string) => summarize(results.filter((result) => result.name === name).map((result) => result.frame_ms));
	reportFailures(results);
	const kzrs = frames('kzrs');
	const hello = frames('hello-ink');
	const bundled = frames('hello-ink-bundled');
	const ratio = ratioOf(kzrs, hello);
	rows.push({
		measurement: 'a. kzrs first full frame (4 panes), 120×40 pty',
		summary: kzrs,
		unit: 'ms',
		target: '≤ 0.5× hello-ink',
		ratio,
		verdict: verdictOf(ratio === undefined ? undefined : ratio <= 0.5),
	});
	rows.push({measurement: 'a. hello-ink first frame, unbundled Ink', summary: hello, unit: 'ms', target: 'reference', verdict: 'info'});
	rows.push({
		measurement: 'a. hello-ink first frame, bundled (floor)',
		summary: bundled,
		unit: 'ms',
		target: 'reference',
		ratio: ratioOf(kzrs, bundled),
		verdict: 'info',
		note: 'ratio: kzrs/floor',
	});
	if (kzrs) figures['startup.kzrs_first_frame_ms'] = kzrs.median;
	if (ratio !== undefined) figures['startup.ratio_vs_hello_ink'] = ratio;
}

function plan(sessions: SessionPlan[]): Plan {
	// A million rows take seconds to load, and the key that follows the first frame may wait for work done after it.
	return {cols: 120, rows: 40, term: 'xterm-256color', quiet_ms: 150, gap_ms: 100, key_timeout: 20, sessions};
}

function reportFailures(results: SessionResult[]): void {
	const failed = results.filter((result) => !result.ok);
	if (failed.length === 0) return;
	const first = failed[0] as SessionResult;
	const message = `${failed.length} of ${results.length} pty sessions failed; first, ${first.name}: ${first.error}`;
	problems.push(message);
	log(message);
	if (first.tail) log(`its screen ended with: ${JSON.stringify(first.tail.slice(-400))}`);
}

// ---- a. first rows of a large fact base ------------------------------------

/** The label of the first trade row, the first of trade.json: on screen once the first trade batch is in. */
const firstTradeRow = 'Total trade in';
/** The sizes the first rows are timed at. */
const firstRowsSizes = [100_000, 1_000_000] as const;

/** The name of a session: its size (or the shipped data), and whether it runs the build given to --compare. */
const sessionName = (size: number | 'shipped', compared = false) => `${size}${compared ? ' compared' : ''}`;

/** How long after loading a program's peak memory is read: kzrs reads its filters' search texts meanwhile. */
const peakAfterMs = 3000;
/** The first row of the trade table as VisiData shows it (its id, the first column). */
const firstPeerRow = 'turnover-2025';

/** A saved database's trade rows as CSV, made once: the file VisiData reads. */
function peerCsv(database: string, scratch: string): string {
	const file = join(scratch, `${database.split('/').at(-1)}.trade.csv`);
	if (existsSync(file)) return file;
	// Named only once whole: a run stopped midway leaves no short file to reuse.
	timeCommand(['sqlite3', '-csv', '-header', database, 'select * from trade'], {cwd: root, stdoutFile: `${file}.partial`});
	renameSync(`${file}.partial`, file);
	return file;
}

/**
 * The first frame with trade rows, from --data, against the shipped data's
 * and VisiData's first rows on the same rows; then, at each size, the time
 * until every row is in (the trade count final) and the peak memory after.
 */
async function measureFirstRows(inputs: Inputs, directories: Map<KeySize, string>, scratch: string): Promise<void> {
	const builds = options.compare ? [cli, options.compare] : [cli];
	const name = (size: number | 'shipped', build: string) => sessionName(size, build !== cli);
	const visidata = visidataVersion();
	const kzrsSession = (size: number | 'shipped', build: string): SessionPlan => ({
		name: name(size, build),
		argv: [process.execPath, build, ...(size === 'shipped' ? [] : ['--data', directories.get(size as KeySize) as string])],
		cwd: root,
		frame: [...paneTitles, firstTradeRow],
		frame_timeout: 120,
		// Loaded and weighed for this build only.
		...(build === cli ? {peak_rss_after_ms: peakAfterMs, ...(size === 'shipped' ? {} : {loaded: `(?<![\\d,])1/${countText(size)}(?![\\d,+])`})} : {}),
		quit: ['q'],
	});
	const peerSession = (size: number): SessionPlan => ({
		name: `${size} vd`,
		argv: ['vd', peerCsv(savedDatabase(inputs, size, directories.get(size as KeySize) as string), scratch)],
		cwd: root,
		frame: [firstPeerRow],
		frame_timeout: 120,
		loaded: `(?<!\\d)${size} rows`,
		peak_rss_after_ms: peakAfterMs,
		quit: ['q', 'q'],
	});
	const programs: SessionPlan[] = [
		...builds.flatMap((build) => [kzrsSession('shipped', build), ...firstRowsSizes.map((size) => kzrsSession(size, build))]),
		...(visidata === undefined ? [] : firstRowsSizes.map(peerSession)),
	];
	const sessions = Array.from({length: rounds.rows}, (_, round) => rotate(programs, round)).flat();
	log(
		`rows: ${sessions.length} sessions, the first frame with trade rows, then loaded${visidata ? `, beside ${visidata}` : ''}${options.compare ? `, and ${options.compare}'s first frames` : ''}`,
	);
	const results = await runPty(driver, plan(sessions));
	reportFailures(results);
	const of = (session: string, value: (result: SessionResult) => number | null) =>
		summarize(results.filter((result) => result.name === session && value(result) !== null).map((result) => value(result) as number));
	const frames = (session: string) => of(session, (result) => result.frame_ms);
	const loaded = (session: string) => of(session, (result) => result.loaded_ms);
	const peak = (session: string) => of(session, (result) => result.peak_rss_mb);
	const shipped = frames(name('shipped', cli));
	for (const size of firstRowsSizes) {
		const at = `@ ${size.toLocaleString('en')} rows`;
		const summary = frames(name(size, cli));
		const ratio = ratioOf(summary, shipped);
		rows.push({
			measurement: `a. first frame with trade rows ${at}, --data`,
			summary,
			unit: 'ms',
			target: '≤ 1.5× shipped',
			ratio,
			verdict: verdictOf(ratio === undefined ? undefined : ratio <= 1.5),
			note: 'ratio: /shipped',
		});
		if (summary) figures[`rows.first_frame_${size / 1000}k_ms`] = summary.median;
		if (visidata !== undefined) {
			const peer = frames(`${size} vd`);
			const ahead = ratioOf(summary, peer);
			rows.push({
				measurement: `a. ${visidata} first rows ${at}, the same rows as CSV`,
				summary: peer,
				unit: 'ms',
				target: 'kzrs ahead',
				ratio: ahead,
				verdict: verdictOf(ahead === undefined ? undefined : ahead < 1),
				note: 'ratio: kzrs/vd',
			});
		}
		if (!options.compare) continue;
		const compared = frames(name(size, options.compare));
		rows.push({
			measurement: `a. first frame with trade rows ${at}, --compare build`,
			summary: compared,
			unit: 'ms',
			target: 'reference',
			ratio: ratioOf(summary, compared),
			verdict: 'info',
			note: 'ratio: this build/compared',
		});
	}
	rows.push({measurement: 'a. first frame with trade rows, shipped data', summary: shipped, unit: 'ms', target: 'reference', verdict: 'info'});
	const million = firstRowsSizes.at(-1) as number;
	for (const size of firstRowsSizes) {
		const at = `@ ${size.toLocaleString('en')} rows`;
		const largestSize = size === million;
		const whole = loaded(name(size, cli));
		const memory = peak(name(size, cli));
		const peerWhole = visidata === undefined ? undefined : loaded(`${size} vd`);
		const peerMemory = visidata === undefined ? undefined : peak(`${size} vd`);
		const wholeRatio = ratioOf(whole, peerWhole);
		const memoryRatio = ratioOf(memory, peerMemory);
		rows.push({
			measurement: `a. every row in (the count final) ${at}, --data`,
			summary: whole,
			unit: 'ms',
			target: largestSize && visidata ? 'ahead of vd' : 'reference',
			ratio: wholeRatio,
			verdict: largestSize && visidata ? verdictOf(wholeRatio === undefined ? undefined : wholeRatio < 1) : 'info',
			note: visidata ? 'ratio: kzrs/vd' : undefined,
		});
		rows.push({
			measurement: `a. peak RSS ${peakAfterMs / 1000} s after every row is in ${at}`,
			summary: memory,
			unit: 'MB',
			target: largestSize && visidata ? '≤ 0.6× vd' : 'reference',
			ratio: memoryRatio,
			verdict: largestSize && visidata ? verdictOf(memoryRatio === undefined ? undefined : memoryRatio <= 0.6) : 'info',
			note: visidata ? 'ratio: kzrs/vd' : undefined,
		});
		if (visidata !== undefined) {
			rows.push({measurement: `a. ${visidata} every row in ${at}`, summary: peerWhole, unit: 'ms', target: 'reference', verdict: 'info'});
			rows.push({
				measurement: `a. ${visidata} peak RSS ${peakAfterMs / 1000} s after ${at}`,
				summary: peerMemory,
				unit: 'MB',
				target: 'reference',
				verdict: 'info',
			});
		}
		if (whole) figures[`rows.loaded_${size / 1000}k_ms`] = whole.median;
		if (memory) figures[`rows.peak_rss_${size / 1000}k_mb`] = memory.median;
		if (largestSize && wholeRatio !== undefined) figures['rows.loaded_ratio_vs_vd'] = wholeRatio;
		if (largestSize && memoryRatio !== undefined) figures['rows.peak_rss_ratio_vs_vd'] = memoryRatio;
	}
	// Linear growth: what each further row costs, beyond the shipped fact base, at a million rows against 100,000.
	const shippedMemory = peak(name('shipped', cli));
	const perRow = (total: Summary | undefined, base: Summary | undefined, size: number) => (total && base ? (total.median - base.median) / size : undefined);
	const growth = (value: (size: number) => number | undefined) => {
		const [small, large] = firstRowsSizes.map(value);
		return small && large ? large / small : undefined;
	};
	const timeGrowth = growth((size) => perRow(loaded(name(size, cli)), shipped, size));
	const memoryGrowth = growth((size) => perRow(peak(name(size, cli)), shippedMemory, size));
	for (const [what, ratio, figure] of [
		['time', timeGrowth, 'rows.per_row_time_growth'],
		['memory', memoryGrowth, 'rows.per_row_memory_growth'],
	] as const) {
		rows.push({
			measurement: `a. ${what} per row beyond the shipped data, 1,000,000 rows against 100,000`,
			unit: '×',
			target: '≤ 1.2×',
			ratio,
			verdict: verdictOf(ratio === undefined ? undefined : ratio <= 1.2),
		});
		if (ratio !== undefined) figures[figure] = ratio;
	}
}

// ---- b. key-to-frame latency ----------------------------------------------

/** The pattern of a pane's position as its title shows it, "2/100,000": not part of a longer number. */
const position = (at: number | string, of: number) => `(?<![\\d,])${typeof at === 'number' ? countText(at) : at}/${countText(of)}(?!,?\\d|\\+)`;

function keySteps(size: number, counts: Map<string, number>): Step[] {
	const steps: Step[] = [{key: '3', label: 'focus', settle: true}];
	for (let press = 1; press <= keysPerSession.j; press++) steps.push({key: 'j', label: 'j', expect: position(press + 1, size)});
	for (let press = 0; press < keysPerSession.jumps; press++) {
		steps.push(press % 2 === 0 ? {key: 'G', label: 'G/g', expect: position(size, size)} : {key: 'g', label: 'G/g', expect: position(1, size)});
	}
	steps.push({key: '/', label: '/'});
	for (let typed = 1; typed <= filterText.length; typed++) {
		const text = filterText.slice(0, typed);
		const label = typed === 1 ? 'filter-first' : 'filter';
		steps.push({key: filterText[typed - 1] as string, label, expect: position('[\\d,]+', counts.get(text) ?? 0)});
	}
	return steps;
}

async function measureKeys(inputs: Inputs, directories: Map<KeySize, string>): Promise<void> {
	const perSize: SessionPlan[] = [];
	for (const size of keySizes) {
		const directory = directories.get(size) as string;
		const prefixes = Array.from({length: filterText.length}, (_, index) => filterText.slice(0, index + 1));
		const counts = filterCounts(savedDatabase(inputs, size, directory), prefixes);
		const session = (program: string, compared: boolean): SessionPlan => ({
			name: sessionName(size, compared),
			argv: [process.execPath, program, '--data', directory],
			cwd: root,
			// The keys are timed on the whole fact base: the trade pane counts every row.
			frame: [...paneTitles, `1/${countText(size)}`],
			// Keys are timed once every row is in: not while the count still reads "+ loading".
			loaded: position(1, size),
			frame_timeout: 90,
			steps: keySteps(size, counts),
			quit: ['\u001b', 'q'],
		});
		perSize.push(session(cli, false));
		if (options.compare) perSize.push(session(options.compare, true));
	}
	const sessions = Array.from({length: rounds.keys}, (_, round) => rotate(perSize, round)).flat();
	log(
		`keys: ${sessions.length} sessions, ${keysPerSession.j} j, ${keysPerSession.jumps} G/g and "/${filterText}" each${options.compare ? `, half of them of ${options.compare}` : ''}`,
	);
	const results = await runPty(driver, plan(sessions));
	reportFailures(results);
	const quitFailures = results.filter((result) => result.ok && result.quit_ok === false).length;
	if (quitFailures > 0) log(`${quitFailures} sessions did not exit after Esc, q (killed)`);

	const timings = (size: KeySize, label: string, compared = false): KeyTiming[] =>
		results.filter((result) => result.name === sessionName(size, compared)).flatMap((result) => result.keys.filter((key) => key.label === label));
	// At a million rows a filter's key is within 100 ms, and a move as fast as at 100 rows (1.5× at most).
	const millionFilterLimit = 100;
	const kinds = [
		{label: 'j', title: 'j (next row)', limit: 16, key: 'j'},
		{label: 'G/g', title: 'G/g (last/first row)', limit: 16, key: 'Gg'},
		{label: 'filter-first', title: `typing "/${filterText}", first character`, limit: 33, key: 'filter_first'},
		{label: 'filter', title: `typing "/${filterText}", each later character`, limit: 33, key: 'filter'},
	];
	for (const kind of kinds) {
		const base = summarize(timings(100, kind.label).map((key) => key.first_byte_ms));
		for (const size of keySizes) {
			const keys = timings(size, kind.label);
			const summary = summarize(keys.map((key) => key.first_byte_ms));
			const verified = keys.filter((key) => key.verified).length;
			const silent = keys.filter((key) => key.first_byte_ms == null).length;
			const note = [`${verified}/${keys.length} frames verified`, silent ? `${silent} without output` : ''].filter(Boolean).join(', ');
			if (keys.length > 0 && verified < keys.length)
				log(`keys: ${kind.label} at ${size} rows: only ${verified} of ${keys.length} frames showed the expected position`);
			const ratio = size === 100 ? undefined : ratioOf(summary, base);
			const measurement = `b. ${kind.title} @ ${size.toLocaleString('en')} rows`;
			const scaling = !kind.label.startsWith('filter');
			if (size === 1_000_000) {
				const target = scaling ? '≤ 1.5× @100' : `≤ ${millionFilterLimit} ms`;
				const check = scaling ? (ratio === undefined ? undefined : ratio <= 1.5) : summary ? summary.median <= millionFilterLimit : undefined;
				rows.push({measurement, summary, unit: 'ms', target, ratio, verdict: verdictOf(check), note});
				if (summary) figures[`keys.${kind.key}_1000k_ms`] = summary.median;
				if (ratio !== undefined) figures[`keys.${kind.key}_ratio_1000k_vs_100`] = ratio;
				continue;
			}
			if (size !== largest) {
				rows.push({measurement, summary, unit: 'ms', target: 'reference', ratio, verdict: 'info', note});
				continue;
			}
			const target = scaling ? `≤ ${kind.limit} ms, ≤ 1.5× @100` : `≤ ${kind.limit} ms`;
			const checks = [summary ? summary.median <= kind.limit : undefined, ...(scaling ? [ratio === undefined ? undefined : ratio <= 1.5] : [])];
			rows.push({measurement, summary, unit: 'ms', target, ratio, verdict: verdictOf(...checks), note});
			if (summary) figures[`keys.${kind.key}_100k_ms`] = summary.median;
			if (ratio !== undefined) figures[`keys.${kind.key}_ratio_100k_vs_100`] = ratio;
		}
	}
	const opening = summarize(keySizes.flatMap((size) => timings(size, '/').map((key) => key.first_byte_ms)));
	rows.push({measurement: 'b. opening the filter (/), all sizes', summary: opening, unit: 'ms', target: 'reference', verdict: 'info'});
	if (!options.compare) return;
	// The other build's filter keys, to set beside this build's measured in the same sessions' turns.
	for (const kind of kinds.filter(({label}) => label.startsWith('filter'))) {
		for (const size of [largest, 1_000_000] as const) {
			const summary = summarize(timings(size, kind.label, true).map((key) => key.first_byte_ms));
			const ratio = ratioOf(summarize(timings(size, kind.label).map((key) => key.first_byte_ms)), summary);
			const measurement = `b. ${kind.title} @ ${size.toLocaleString('en')} rows, --compare build`;
			rows.push({measurement, summary, unit: 'ms', target: 'reference', ratio, verdict: 'info', note: 'ratio: this build/compared'});
		}
	}
}

// ---- b. the reader --------------------------------------------------------

/** The shipped source with the longest seed, and its row in the Sources pane (the order of sources.json). */
function longestSource(inputs: Inputs): {id: string; row: number; bytes: number} {
	const sources = JSON.parse(readFileSync(join(inputs.dataDir, 'sources.json'), 'utf8')) as Array<{id: string; file: string}>;
	const sized = sources.map(({id, file}, row) => ({id, row, bytes: statSync(join(inputs.seedsDir, file)).size}));
	return sized.reduce((longest, source) => (source.bytes > longest.bytes ? source : longest));
}

/**
 * Opening the reader on the longest seed from the Sources pane (8, then its
 * row), and n through its passages: each open is checked by the reader's
 * header, each n by a selected passage's margin mark.
 */
async function measureReader(inputs: Inputs): Promise<void> {
	const {id, row, bytes} = longestSource(inputs);
	// For reference, in the same sessions: j in the Timeline's list, the dashboard's cheapest frame.
	const events = (JSON.parse(readFileSync(join(inputs.dataDir, 'events.json'), 'utf8')) as unknown[]).length;
	const steps: Step[] = [];
	for (let press = 1; press < Math.min(events, keysPerSession.j + 1); press++) steps.push({key: 'j', label: 'j', expect: position(press + 1, events)});
	steps.push({key: '8', label: 'focus', settle: true});
	for (let step = 0; step < row; step++) steps.push({key: 'j', label: 'select', settle: true});
	for (let open = 0; open < 5; open++) {
		steps.push({key: 'o', label: 'open', expect: `${id} · `});
		for (let press = 0; press < 6; press++) steps.push({key: 'n', label: 'n', expect: '▶ '});
		steps.push({key: '\u001b', label: 'close', settle: true});
	}
	const session: SessionPlan = {name: 'reader', argv: [process.execPath, cli], cwd: root, frame: paneTitles, steps, quit: ['q']};
	log(`reader: ${rounds.reader} sessions, 5 opens of ${id} (${bytes} bytes) and 6 n each`);
	const results = await runPty(driver, plan(Array.from({length: rounds.reader}, () => session)));
	reportFailures(results);
	const reference = results.flatMap((result) => result.keys.filter((key) => key.label === 'j'));
	rows.push({
		measurement: 'b. j in the Timeline (shipped data), same sessions',
		summary: summarize(reference.map((key) => key.first_byte_ms)),
		unit: 'ms',
		target: 'reference',
		verdict: 'info',
		note: `${reference.filter((key) => key.verified).length}/${reference.length} frames verified`,
	});
	for (const [label, title, figure] of [
		['open', `b. opening the reader on the longest seed (${id}, ${bytes.toLocaleString('en')} bytes)`, 'reader.open_ms'],
		['n', 'b. n (next cited passage) in the reader', 'reader.n_ms'],
	] as const) {
		const keys = results.flatMap((result) => result.keys.filter((key) => key.label === label));
		const summary = summarize(keys.map((key) => key.first_byte_ms));
		const verified = keys.filter((key) => key.verified).length;
		if (keys.length > 0 && verified < keys.length) log(`reader: ${label}: only ${verified} of ${keys.length} frames showed what was expected`);
		rows.push({
			measurement: title,
			summary,
			unit: 'ms',
			target: '≤ 16 ms',
			verdict: verdictOf(summary ? summary.median <= 16 : undefined),
			note: `${verified}/${keys.length} frames verified`,
		});
		if (summary) figures[figure] = summary.median;
	}
}

// ---- c. load --------------------------------------------------------------

function measureLoad(directories: Map<Size, string>, scratch: string): void {
	const runs = new Map<Size, Timed[]>(sizes.map((size) => [size, []]));
	log(`load: kzrs check, ${rounds.load} rounds over ${sizes.join(', ')} rows (peak RSS by ${rssMethod})`);
	for (let round = 0; round < rounds.load; round++) {
		for (const size of rotate(sizes, round)) {
			runs.get(size)?.push(timeAndMemory([process.execPath, cli, 'check', '--data', directories.get(size) as string], {cwd: root, scratch}));
		}
	}
	const wall = (size: Size) => summarize((runs.get(size) ?? []).map((run) => run.ms));
	const memory = (size: Size) => summarize((runs.get(size) ?? []).map((run) => run.rssMb));
	const small = wall(100);
	for (const size of sizes) {
		const summary = wall(size);
		const measurement = `c. kzrs check --data (${size.toLocaleString('en')} rows): wall`;
		if (size === largest) {
			rows.push({
				measurement,
				summary,
				unit: 'ms',
				target: '≤ 1000 ms',
				ratio: ratioOf(summary, small),
				verdict: verdictOf(summary ? summary.median <= 1000 : undefined),
				note: 'ratio: vs 100 rows',
			});
		} else {
			rows.push({measurement, summary, unit: 'ms', target: 'reference', ratio: size === 100 ? undefined : ratioOf(summary, small), verdict: 'info'});
		}
	}
	const peak = memory(largest);
	rows.push({
		measurement: 'c. kzrs check --data (100,000 rows): peak RSS',
		summary: peak,
		unit: 'MB',
		target: '≤ 150 MB',
		verdict: verdictOf(peak ? peak.median <= 150 : undefined),
	});
	rows.push({measurement: 'c. kzrs check --data (100 rows): peak RSS', summary: memory(100), unit: 'MB', target: 'reference', verdict: 'info'});
	const big = wall(largest);
	if (big) figures['load.check_100k_ms'] = big.median;
	// Scaling as the cost of each further 1,000 rows: a ratio to 100 rows would
	// count a faster start against the large case.
	if (big && small) figures['load.check_ms_per_1k_rows'] = (big.median - small.median) / ((largest - 100) / 1000);
	if (peak) figures['memory.check_100k_peak_rss_mb'] = peak.median;
}

// ---- d. export ------------------------------------------------------------

/** VisiData's version, where `vd` is installed: the peer a user would reach for to convert rows. */
function visidataVersion(): string | undefined {
	const found = spawnSync('vd', ['--version'], {encoding: 'utf8'});
	return found.status === 0 ? (/VisiData v[\d.]+/.exec(found.stdout)?.[0] ?? 'VisiData') : undefined;
}

function measureExport(inputs: Inputs, directory: string, scratch: string): void {
	const database = savedDatabase(inputs, largest, directory);
	const visidata = visidataVersion();
	// The same rows as CSV, for VisiData to read and write back (vd -b), where it is installed.
	const peerInput = visidata === undefined ? '' : peerCsv(database, scratch);
	const commands = {
		kzrs: () => timeCommand([process.execPath, cli, 'export', 'trade', '--data', directory, '--out', join(scratch, 'trade.csv'), '--force'], {cwd: root}),
		kzrsDb: () => timeCommand([process.execPath, cli, 'export', 'trade', '--db', database, '--out', join(scratch, 'trade-db.csv'), '--force'], {cwd: root}),
		sqlite3: () => timeCommand(['sqlite3', '-csv', database, 'select * from trade'], {cwd: root, stdoutFile: join(scratch, 'trade-sqlite3.csv')}),
		vd: () => timeCommand(['vd', '-b', '-y', peerInput, '-o', join(scratch, 'trade-vd.csv')], {cwd: root}),
	};
	const names = visidata === undefined ? (['kzrs', 'kzrsDb', 'sqlite3'] as const) : (['kzrs', 'kzrsDb', 'sqlite3', 'vd'] as const);
	const times = {kzrs: [] as number[], kzrsDb: [] as number[], sqlite3: [] as number[], vd: [] as number[]};
	log(`export: ${rounds.export} rounds of kzrs export trade (--data, --db), sqlite3 -csv${visidata ? ` and ${visidata} -b` : ''}, 100,000 rows`);
	for (let round = 0; round < rounds.export; round++) {
		for (const name of rotate(names, round)) times[name].push(commands[name]().ms);
	}
	const kzrs = summarize(times.kzrs);
	const fromDb = summarize(times.kzrsDb);
	const sqlite3 = summarize(times.sqlite3);
	const ratio = ratioOf(kzrs, sqlite3);
	const dbRatio = ratioOf(fromDb, sqlite3);
	rows.push({
		measurement: 'd. kzrs export trade --out (100,000 rows)',
		summary: kzrs,
		unit: 'ms',
		target: '≤ 2× sqlite3 -csv',
		ratio,
		verdict: verdictOf(ratio === undefined ? undefined : ratio <= 2),
	});
	rows.push({
		measurement: 'd. kzrs export trade --db (saved db, 100,000 rows)',
		summary: fromDb,
		unit: 'ms',
		target: '≤ 2.5× sqlite3 -csv',
		ratio: dbRatio,
		verdict: verdictOf(dbRatio === undefined ? undefined : dbRatio <= 2.5),
	});
	rows.push({measurement: 'd. sqlite3 -csv "select * from trade" (saved db)', summary: sqlite3, unit: 'ms', target: 'reference', verdict: 'info'});
	if (visidata !== undefined) {
		const vd = summarize(times.vd);
		const vdRatio = ratioOf(kzrs, vd);
		rows.push({
			measurement: `d. ${visidata} -b, the same rows, CSV to CSV (ratio: kzrs --data / vd)`,
			summary: vd,
			unit: 'ms',
			target: 'kzrs ≤ 0.5× vd -b',
			ratio: vdRatio,
			verdict: verdictOf(vdRatio === undefined ? undefined : vdRatio <= 0.5),
		});
		if (vdRatio !== undefined) figures['export.ratio_vs_vd'] = vdRatio;
	}
	if (kzrs) figures['export.trade_100k_ms'] = kzrs.median;
	if (ratio !== undefined) figures['export.ratio_vs_sqlite3'] = ratio;
	if (fromDb) figures['export.trade_db_100k_ms'] = fromDb.median;
	if (dbRatio !== undefined) figures['export.db_ratio_vs_sqlite3'] = dbRatio;
}

// ---- the run --------------------------------------------------------------

async function main(): Promise<number> {
	ensureBuilt();
	requireTool('python3', ['--version']);
	requireTool('sqlite3', ['--version']);
	const inputs: Inputs = {root, dataDir: join(root, 'data'), seedsDir: join(root, 'seeds'), cli, program, cacheDir: join(tmpdir(), 'kzrs-bench')};
	const scratch = join(inputs.cacheDir, 'scratch');
	mkdirSync(scratch, {recursive: true});
	// The million rows only for the keys and the first rows, which alone measure them.
	const directories = new Map<KeySize, string>(
		keySizes.filter((size) => size !== 1_000_000 || chosen.has('keys') || chosen.has('rows')).map((size) => [size, dataDirectory(inputs, size)]),
	);
	const about = machine();
	const loadAtStart = loadavg()[0] as number;
	if (loadAtStart > about.nproc / 2)
		log(`warning: the machine is busy (load average ${loadAtStart.toFixed(1)} on ${about.nproc} cores); timings will be slower and noisier`);
	log(`${about.nproc} cores, ${about.cpu}, Node ${about.node}${options.quick ? '; --quick: fewer rounds' : ''}`);

	const attempt = async (section: Section, measure: () => void | Promise<void>) => {
		if (!chosen.has(section)) return;
		try {
			await measure();
		} catch (error) {
			problems.push(`${section}: ${(error as Error).message}`);
			log(`${section} could not be measured: ${(error as Error).message}`);
		}
	};
	await attempt('startup', () => measureStartup(inputs));
	await attempt('rows', () => measureFirstRows(inputs, directories, scratch));
	await attempt('keys', () => measureKeys(inputs, directories));
	await attempt('reader', () => measureReader(inputs));
	await attempt('load', () => measureLoad(directories as Map<Size, string>, scratch));
	await attempt('export', () => measureExport(inputs, directories.get(largest) as string, scratch));

	const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: root, encoding: 'utf8'}).stdout?.trim() || 'unknown';
	const load = `commit ${commit}; load average (1 min): ${loadAtStart.toFixed(2)} at the start, ${(loadavg()[0] as number).toFixed(2)} at the end, on ${about.nproc} cores`;
	const table = renderTable();
	process.stdout.write(`\n${table}\n${load}\n\n`);
	const document = existsSync(documentFile) ? readFileSync(documentFile, 'utf8') : '';
	const baseline = readBaseline(document);
	const comparisons = baseline ? compare(figures, baseline) : [];
	if (!baseline) process.stdout.write('no baseline in BENCHMARKS.md to compare with\n');
	for (const {figure, baseline: before, current, change, regression} of comparisons) {
		const show = (value: number) => (figure.includes('ratio') ? `${value.toFixed(2)}×` : fixed(value));
		const line = `${figure}: ${show(before)} → ${show(current)} (${change >= 0 ? '+' : ''}${(change * 100).toFixed(0)}%)`;
		process.stdout.write(regression ? `REGRESSION >${regressionShare * 100}%: ${line}\n` : `  vs baseline ${line}\n`);
	}
	if (baseline && comparisons.length > 0 && !comparisons.some((comparison) => comparison.regression)) {
		process.stdout.write(`no regression beyond ${regressionShare * 100}% (and ${regressionFloorMs} ms) against the baseline of ${baseline.recorded}\n`);
	}
	if (baseline && (baseline.machine.cpu !== about.cpu || baseline.machine.nproc !== about.nproc)) {
		process.stdout.write(`note: the baseline was recorded on ${baseline.machine.nproc} × ${baseline.machine.cpu}; this machine differs\n`);
	}

	const run = {when: new Date().toISOString(), machine: about, load, quick: options.quick, rows, figures, problems};
	writeFileSync(join(inputs.cacheDir, 'last-run.json'), `${JSON.stringify(run, null, 2)}\n`);
	if (options.record) {
		const rounded = Object.fromEntries(Object.entries(figures).map(([figure, value]) => [figure, Math.round(value * 1000) / 1000]));
		const next: Baseline = {recorded: run.when.slice(0, 10), machine: about, figures: {...baseline?.figures, ...rounded}};
		const machineText = Object.entries(about)
			.map(([key, value]) => `- ${key}: ${value}`)
			.join('\n');
		const recorded = recordBlocks(documentFile, {
			machine: machineText,
			results: `Recorded ${run.when.slice(0, 16).replace('T', ' ')} UTC; ${load}.\n\n\`\`\`text\n${table}\n\`\`\``,
			baseline: baselineBlock(next),
		});
		log(recorded ? 'recorded this run in BENCHMARKS.md' : 'BENCHMARKS.md lacks the bench:machine, bench:results or bench:baseline markers; nothing recorded');
	}
	for (const problem of problems) process.stdout.write(`could not measure: ${problem}\n`);
	return problems.length > 0 ? 1 : 0;
}

main().then(
	(status) => process.exit(status),
	(error: unknown) => {
		process.stderr.write(`bench: cannot run: ${(error as Error).message}\n`);
		process.exit(1);
	},
);
