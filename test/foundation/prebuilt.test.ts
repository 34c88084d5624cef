// The shipped fact base's database saved ahead (source/load/image.ts): it is
// the database loading builds, and it is used only by the program that saved
// it, for the very files it was loaded from.
import {spawnSync} from 'node:child_process';
import {appendFileSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {loadProgram} from '../../source/code-cache.js';
import {FactDatabase} from '../../source/db/database.js';
import {PaneReader} from '../../source/db/pane-reads.js';
import {factTables} from '../../source/db/tables.js';
import {UserError} from '../../source/errors.js';
import {checkFactBase, type FactPaths} from '../../source/facts/check.js';
import {imageSaver, readImage} from '../../source/load/image.js';
import {insertBatches} from '../../source/load/rows.js';
import {trade as tradePane} from '../../source/panes/trade/index.js';
import {cliPath} from '../helpers/cli.js';
import {
	copyFactBase,
	editData,
	factBaseArgs,
	listDir,
	makeTempDir,
	readData,
	removeTempDirs,
	repoRoot,
	shippedDataDir,
	shippedSeedsDir,
} from '../helpers/fact-base.js';
import {runUserQuery} from '../helpers/query.js';

afterAll(removeTempDirs);

/** Every row of every table and of the citations view, in a fixed order. */
const everything = [
	...['sources', ...factTables, 'quotes'].map((table) => `SELECT * FROM ${table} ORDER BY rowid`),
	'SELECT * FROM citation_lists ORDER BY list_id, ordinal',
	'SELECT * FROM citations ORDER BY fact_table, fact_id, ordinal',
];
const everyRow = (database: FactDatabase) => everything.map((sql) => runUserQuery(database, sql));
const loadHere = (paths: FactPaths) => FactDatabase.open(insertBatches(checkFactBase(paths)));

const program = Buffer.from('a build of kzrs on a Node');

/** A copy of the fact base with its database saved beside it, as the build saves the shipped one. */
async function savedCopy() {
	const copy = copyFactBase();
	const file = join(makeTempDir(), 'facts.prebuilt');
	const save = imageSaver(copy, {file, program});
	const loaded = await loadHere(copy);
	save(loaded.serialise());
	return {copy, file, loaded};
}

describe('the saved database', () => {
	test('opens to the same rows, schema, filters and sorts as loading the files', async () => {
		const {copy, file, loaded} = await savedCopy();
		const image = readImage(copy, {file, program});
		expect(image).toBeDefined();
		const opened = (await FactDatabase.fromImage(image as Uint8Array)) as FactDatabase;
		expect(everyRow(opened)).toEqual(everyRow(loaded));
		const schemaOf = (database: FactDatabase) => runUserQuery(database, 'SELECT type, name, sql FROM sqlite_schema ORDER BY name');
		expect(schemaOf(opened)).toEqual(schemaOf(loaded));
		// Filtering and sorting build their indexes in the opened database too.
		const [fromImage, fromFiles] = [new PaneReader(opened), new PaneReader(loaded)];
		expect(fromImage.count(tradePane.query, 'export')).toBeGreaterThan(0);
		expect(fromImage.count(tradePane.query, 'export')).toBe(fromFiles.count(tradePane.query, 'export'));
		const sorted = {filter: 'serbian', sort: 'value', descending: true};
		expect([...fromImage.rows(tradePane.query, sorted)].length).toBeGreaterThan(1);
		expect([...fromImage.rows(tradePane.query, sorted)]).toEqual([...fromFiles.rows(tradePane.query, sorted)]);
		expect(runUserQuery(opened, 'PRAGMA foreign_keys').rows).toEqual([[1]]);
		opened.close();
		loaded.close();
	});

	test('is not used once a byte of a data file or a seed changes, even at the same size', async () => {
		const {copy, file} = await savedCopy();
		const trade = join(copy.dataDir, 'trade.json');
		const original = readFileSync(trade, 'utf8');
		// The same length: the digest, not the size, must tell.
		writeFileSync(trade, original.replace('"value": 903.7', '"value": 903.8'));
		expect(readFileSync(trade).length).toBe(Buffer.byteLength(original));
		expect(readImage(copy, {file, program})).toBeUndefined();
		writeFileSync(trade, original);
		expect(readImage(copy, {file, program})).toBeDefined();

		const seed = join(copy.seedsDir, readData('sources', copy.dataDir)[0]?.file as string);
		const seedText = readFileSync(seed, 'utf8');
		writeFileSync(seed, seedText.replace('a', 'b'));
		expect(readImage(copy, {file, program})).toBeUndefined();
	});

	test('is used only by the program that saved it', async () => {
		const {copy, file} = await savedCopy();
		expect(readImage(copy, {file, program: Buffer.from('another build')})).toBeUndefined();
		expect(readImage(copy, {file, program: undefined})).toBeUndefined();
		expect(readImage(copy, {file, program})).toBeDefined();
	});

	test('is not used for another fact base, a missing file, or a damaged or truncated image', async () => {
		const {copy, file} = await savedCopy();
		const other = copyFactBase();
		editData(other.dataDir, 'companies', (companies) => companies.pop());
		expect(readImage(other, {file, program})).toBeUndefined();

		const saved = readFileSync(file);
		const damaged = Buffer.from(saved);
		damaged.writeUInt8(damaged.readUInt8(damaged.length - 100) ^ 0xff, damaged.length - 100);
		writeFileSync(file, damaged);
		expect(readImage(copy, {file, program})).toBeUndefined();
		for (const length of [50, 72]) {
			writeFileSync(file, saved.subarray(0, length));
			expect(readImage(copy, {file, program})).toBeUndefined();
		}
		rmSync(file);
		expect(readImage(copy, {file, program})).toBeUndefined();

		writeFileSync(file, saved);
		expect(readImage(copy, {file, program})).toBeDefined();
		rmSync(join(copy.dataDir, 'people.json'));
		expect(readImage(copy, {file, program})).toBeUndefined();
	});

	test('is not saved when a file changes while it is checked, and no partial file is left', async () => {
		const copy = copyFactBase();
		const dir = makeTempDir();
		const file = join(dir, 'facts.prebuilt');
		const save = imageSaver(copy, {file, program});
		const loaded = await loadHere(copy);
		editData(copy.dataDir, 'companies', (companies) => companies.pop());
		expect(() => save(loaded.serialise())).toThrow(UserError);
		expect(() => save(loaded.serialise())).toThrow(/changed while it was checked/);
		expect(listDir(dir)).toEqual([]);
		loaded.close();
	});

	test('is saved and used with a byte-order mark before sources.json, which loading accepts', async () => {
		const copy = copyFactBase();
		const sources = join(copy.dataDir, 'sources.json');
		writeFileSync(sources, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(sources)]));
		const dir = makeTempDir();
		const file = join(dir, 'facts.prebuilt');
		const save = imageSaver(copy, {file, program});
		const loaded = await loadHere(copy);
		save(loaded.serialise());
		expect(listDir(dir)).toEqual(['facts.prebuilt']);
		expect(readImage(copy, {file, program})).toBeDefined();
		loaded.close();
	});
});

test('the built kzrs opens the database its build saved, and answers from it exactly as from the files', async () => {
	const shipped = {dataDir: shippedDataDir, seedsDir: shippedSeedsDir};
	const bundle = loadProgram(join(repoRoot, 'dist/kzrs.cjs'), join(repoRoot, 'dist/kzrs.cjs.cache'));
	expect(readImage(shipped, {file: join(repoRoot, 'dist/facts.prebuilt'), program: bundle.digest})).toBeDefined();
	// A copy one newline longer is loaded from its files.
	const copy = copyFactBase();
	appendFileSync(join(copy.dataDir, 'events.json'), '\n');
	const kzrs = (args: string[]) => {
		const result = spawnSync(process.execPath, [cliPath, ...args], {encoding: 'utf8', cwd: repoRoot, timeout: 60_000});
		// --save-db says what it wrote, and nothing else is said.
		expect(result.stderr).toMatch(args[0] === '--save-db' ? /^kzrs: wrote \d+ rows .*\n$/ : /^$/);
		expect(result.status).toBe(0);
		return result.stdout;
	};
	// SQLite counts the schema changes that made a database: a loaded one went
	// through every CREATE, a copied image through none since it was opened.
	const schemaVersion = (args: string[] = []) => JSON.parse(kzrs(['sql', 'PRAGMA schema_version', '--format', 'json', ...args]))[0].schema_version;
	expect(schemaVersion()).toBe(1);
	expect(schemaVersion(factBaseArgs(copy))).toBeGreaterThan(1);
	// Every row of both, saved and read back.
	const dir = makeTempDir();
	kzrs(['--save-db', join(dir, 'saved.sqlite')]);
	kzrs(['--save-db', join(dir, 'loaded.sqlite'), ...factBaseArgs(copy)]);
	const [saved, loaded] = await Promise.all(
		['saved', 'loaded'].map(async (name) => (await FactDatabase.fromImage(readFileSync(join(dir, `${name}.sqlite`)))) as FactDatabase),
	);
	expect(everyRow(saved as FactDatabase)).toEqual(everyRow(loaded as FactDatabase));
	expect(everyRow(saved as FactDatabase).every((result) => result.rows.length > 0)).toBe(true);
});
