// A fact base large enough to be loaded by the worker thread (see
// source/load/open.ts): the same database as loading it in one thread, and
// the same one-line errors, whichever thread finds them.
import {spawnSync} from 'node:child_process';
import {readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {serialize} from 'node:v8';
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import {generateDataDir} from '../../scripts/trade-data.js';
import {FactDatabase} from '../../source/db/database.js';
import {tallyOf} from '../../source/db/facts.js';
import {PaneReader} from '../../source/db/pane-reads.js';
import {exportStream} from '../../source/export/export-pane.js';
import {checkFactBase} from '../../source/facts/check.js';
import {namesFactFolder, startLoaderThreadAhead, stopLoaderThreadAhead} from '../../source/load/loader-thread.js';
import {openFactBase, workerThreshold} from '../../source/load/open.js';
import {insertBatches} from '../../source/load/rows.js';
import {query as tradeQuery} from '../../source/panes/trade/queries.js';
import {loaderFile, shippedDataDir, shippedSeedsDir} from '../../source/paths.js';
import {cliPath, runKzrs, userErrorLine} from '../helpers/cli.js';
import {makeTempDir, removeTempDirs} from '../helpers/fact-base.js';
import {runUserQuery} from '../helpers/query.js';

afterAll(removeTempDirs);
// A test that fails between starting a loader thread ahead and loading leaves none behind.
afterEach(stopLoaderThreadAhead);

const rows = 15_000;
let dataDir: string;
const paths = () => ({dataDir, seedsDir: shippedSeedsDir});
/** Loading in this thread, whatever the size. */
const loadedHere = () => FactDatabase.open(insertBatches(checkFactBase(paths())));

beforeAll(() => {
	dataDir = join(makeTempDir(), 'data');
	generateDataDir({rows, out: dataDir, dataDir: shippedDataDir, seedsDir: shippedSeedsDir});
	// Over the threshold, or this file tests the single thread twice.
	expect(statSync(join(dataDir, 'trade.json')).size).toBeGreaterThan(workerThreshold);
});

describe('loading in a worker thread', () => {
	test('gives the database that loading in one thread gives', async () => {
		const threaded = await openFactBase(paths());
		const single = await loadedHere();
		const everything = (database: FactDatabase) =>
			['sources', 'events', 'memoranda', 'trade', 'companies', 'people', 'honours', 'agenda', 'quotes', 'citation_lists', 'citations'].map(
				(table) => runUserQuery(database, `SELECT * FROM ${table} ORDER BY 1, 2, 3`).rows,
			);
		const tables = everything(threaded);
		expect(tables[3]).toHaveLength(rows);
		expect(tables).toEqual(everything(single));
		expect(tallyOf(threaded)).toEqual(tallyOf(single));
		threaded.close();
		single.close();
	});

	test('posts rows as dense arrays, which serialise in one piece rather than key by key', () => {
		let checked = 0;
		for (const batch of insertBatches(checkFactBase(paths()))) {
			const {rows} = batch;
			// A spread copy is dense: an array that ever had holes serialises larger.
			expect(serialize(rows).length).toBe(serialize([...rows.map((row) => [...row])]).length);
			checked += rows.length;
		}
		expect(checked).toBeGreaterThan(rows);
	});

	test('without search texts, as an export without a filter loads: the same rows, and a filter refused', async () => {
		const bare = await openFactBase(paths(), {searchable: false});
		const single = await loadedHere();
		const searched = (database: FactDatabase) => runUserQuery(database, "SELECT count(*) FROM trade WHERE search <> ''").rows;
		expect(searched(bare)).toEqual([[0]]);
		expect(searched(single)).toEqual([[rows]]);
		const exported = (database: FactDatabase) => [...new PaneReader(database).values(tradeQuery)];
		expect(exported(bare)).toEqual(exported(single));
		// Rather than match nothing, silently.
		expect(() => new PaneReader(bare).count(tradeQuery, 'turnover')).toThrow('a filter on a database loaded without search texts');
		expect(() => new PaneReader(bare).prepareFilter(tradeQuery, 100)).toThrow('a filter on a database loaded without search texts');
		expect(() => bare.serialise()).toThrow('a database loaded without search texts is not saved');
		bare.close();
		single.close();
	});

	test('kzrs export without a filter writes what a database with search texts gives; with a filter, only its matches', async () => {
		const [unfiltered, filtered] = await Promise.all([
			runKzrs(['export', 'trade', '--data', dataDir]),
			runKzrs(['export', 'trade', '--data', dataDir, '--filter', 'turnover']),
		]);
		expect(unfiltered.status).toBe(0);
		const single = await loadedHere();
		const chunks: string[] = [];
		for await (const chunk of exportStream(new PaneReader(single), tradeQuery, {}, 'csv')) chunks.push(String(chunk));
		single.close();
		expect(unfiltered.stdout).toBe(chunks.join(''));
		const lines = filtered.stdout.split('\r\n');
		expect(lines.length).toBeGreaterThan(2);
		expect(lines.length).toBeLessThan(unfiltered.stdout.split('\r\n').length);
		for (const line of lines.slice(1, -1)) expect(line.toLowerCase()).toContain('turnover');
	});

	test('a loader thread started ahead, as the kzrs command starts it for --data, is the one that loads', async () => {
		const ahead = startLoaderThreadAhead(loaderFile);
		let posted = 0;
		ahead.on('message', () => posted++);
		const ended = new Promise((resolve) => ahead.once('exit', resolve));
		const threaded = await openFactBase(paths());
		expect(runUserQuery(threaded, 'SELECT count(*) FROM trade').rows).toEqual([[rows]]);
		expect(posted).toBeGreaterThan(rows / 250);
		await ended;
		threaded.close();
	});

	test('a loader thread started ahead that failed to start is not taken: loading starts one of its own', async () => {
		const ahead = startLoaderThreadAhead(join(dataDir, 'no-such-loader.js'));
		await new Promise((resolve) => ahead.once('exit', resolve));
		const threaded = await openFactBase(paths());
		expect(runUserQuery(threaded, 'SELECT count(*) FROM trade').rows).toEqual([[rows]]);
		threaded.close();
	});

	test('a loader thread started ahead for a fact base too small for it is stopped', async () => {
		const ahead = startLoaderThreadAhead(loaderFile);
		const ended = new Promise((resolve) => ahead.once('exit', resolve));
		const small = await openFactBase({dataDir: shippedDataDir, seedsDir: shippedSeedsDir});
		await ended;
		small.close();
	});

	test('the kzrs command starts the loader thread before the program, given --data, and loading takes that one', () => {
		// Node's own account of the worker threads a process creates.
		const workersCreated = (args: string[]) => {
			const result = spawnSync(process.execPath, [cliPath, ...args], {env: {...process.env, NODE_DEBUG: 'worker'}, encoding: 'utf8', timeout: 30_000});
			expect(result.status).toBe(0);
			return result.stderr.split('\n').filter((line) => /created Worker with ID/.test(line)).length;
		};
		// The program never loads for --version: a thread there is the command's.
		expect(workersCreated(['--version', '--data', dataDir])).toBe(1);
		expect(workersCreated(['--version'])).toBe(0);
		// One thread, not the command's and then one of loading's own.
		expect(workersCreated(['export', 'trade', '--data', dataDir, '--out', '/dev/null'])).toBe(1);
	});

	test.each([
		[['--data', 'big'], true],
		[['export', 'trade', '--data=big'], true],
		[['export', 'trade'], false],
		[['--db', 'saved.db'], false],
		[['--database', 'x'], false],
	])('the kzrs command starts the loader thread ahead for %j: %s', (argv, ahead) => {
		expect(namesFactFolder(argv)).toBe(ahead);
	});

	test('kzrs check reports every row', async () => {
		const result = await runKzrs(['check', '--data', dataDir]);
		expect(result.stderr).toBe('');
		expect(result.stdout).toContain(`${rows} trade`);
		expect(result.status).toBe(0);
	});

	test('a broken record near the end is reported as one line, as in one thread', async () => {
		const file = join(dataDir, 'trade.json');
		const original = readFileSync(file, 'utf8');
		const records = original.split('\n');
		const at = records.length - 3;
		try {
			writeFileSync(file, records.map((line, index) => (index === at ? line.replace('"unit":"million"', '"unit":"billion"') : line)).join('\n'));
			const line = userErrorLine(await runKzrs(['check', '--data', dataDir]));
			// Line 1 is the opening bracket: record N is on line N + 1.
			expect(line).toMatch(new RegExp(`^kzrs: .*trade\\.json: record ${at} \\(id "[^"]+"\\), field unit: expected one of million, percent, found "billion"$`));
			// The single thread finds the same problem, in the same words.
			await expect(loadedHere()).rejects.toThrow(line.replace(/^kzrs: /, ''));
		} finally {
			writeFileSync(file, original);
		}
	});
});
