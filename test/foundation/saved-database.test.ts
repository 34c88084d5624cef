// `--db FILE`: the dashboard, export and sql open a database saved with
// --save-db as it is, reading no data file, and refuse in one line anything
// that is not one of this schema's databases. The shipped prebuilt database
// opens through the same check.
import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import initSqlJs from 'sql.js';
import {afterAll, describe, expect, test} from 'vitest';
import {FactDatabase} from '../../source/db/database.js';
import {schemaVersion} from '../../source/db/schema.js';
import {runKzrs, userErrorLine} from '../helpers/cli.js';
import {copyFactBase, factBaseArgs, makeTempDir, removeTempDirs} from '../helpers/fact-base.js';

afterAll(removeTempDirs);

/** A copy of the fact base saved with --save-db, then removed: whatever opens the file reads no data or seed. */
async function savedWithoutFiles(): Promise<string> {
	const copy = copyFactBase();
	const file = join(makeTempDir(), 'facts.sqlite');
	const saved = await runKzrs(['--save-db', file, ...factBaseArgs(copy)]);
	// --save-db says what it wrote, in one line.
	expect(saved.status).toBe(0);
	expect(saved.stderr).toMatch(/^kzrs: wrote \d+ rows .*\n$/);
	rmSync(copy.root, {recursive: true});
	return file;
}

/** A SQLite database made by sql.js, its user_version set: SQLite, but not one kzrs saved unless the version says so. */
async function sqliteFile(userVersion: number): Promise<string> {
	const SQL = await initSqlJs();
	const db = new SQL.Database();
	db.exec(`CREATE TABLE trade (id TEXT); PRAGMA user_version = ${userVersion}`);
	const file = join(makeTempDir(), 'other.sqlite');
	writeFileSync(file, db.export());
	db.close();
	return file;
}

/** A copy of a saved database with another schema version written into its header. */
function withVersion(file: string, version: number): string {
	const bytes = readFileSync(file);
	bytes.writeUInt32BE(version, 60);
	const copy = join(makeTempDir(), 'versioned.sqlite');
	writeFileSync(copy, bytes);
	return copy;
}

describe('kzrs --db FILE', () => {
	test('refuses a SQLite file with this schema version but other tables, or one of its tables gone', async () => {
		const refusal = (file: string) => `kzrs: --db ${file}: is a SQLite database, but not one kzrs saved (its tables are not this kzrs's)`;
		// Made by sqlite3, not sql.js: kzrs starts sql.js itself, before anything else in this process does.
		const foreign = join(makeTempDir(), 'foreign.sqlite');
		execFileSync('sqlite3', [foreign, `CREATE TABLE trade (id TEXT); PRAGMA user_version = ${schemaVersion};`]);
		for (const args of [['export', 'trade'], ['sql', 'SELECT 1'], ['source', 's000'], []]) {
			expect(userErrorLine(await runKzrs([...args, '--db', foreign]))).toBe(refusal(foreign));
		}
		const saved = await savedWithoutFiles();
		execFileSync('sqlite3', [saved, 'DROP TABLE goods']);
		expect(userErrorLine(await runKzrs(['export', 'trade', '--db', saved]))).toBe(refusal(saved));
	});

	test('export, sql and the snapshot give what loading the files gives', async () => {
		const file = await savedWithoutFiles();
		for (const pane of ['timeline', 'trade', 'sources']) {
			const fromFiles = await runKzrs(['export', pane, '--format', 'json']);
			const fromDatabase = await runKzrs(['export', pane, '--format', 'json', '--db', file]);
			expect(fromDatabase).toEqual({status: 0, stdout: fromFiles.stdout, stderr: ''});
			expect(JSON.parse(fromDatabase.stdout).length).toBeGreaterThan(0);
		}
		const query = 'SELECT id, value FROM trade ORDER BY value DESC LIMIT 3';
		const sql = await runKzrs(['sql', query, '--format', 'csv', '--db', file]);
		expect(sql).toEqual({status: 0, stdout: (await runKzrs(['sql', query, '--format', 'csv'])).stdout, stderr: ''});
		expect(sql.stdout.split('\r\n')[0]).toBe('id,value');
		const snapshot = await runKzrs(['--db', file], {env: {COLUMNS: '100'}});
		expect(snapshot).toEqual({status: 0, stdout: (await runKzrs([], {env: {COLUMNS: '100'}})).stdout, stderr: ''});
		expect(snapshot.stdout).toContain('Trade');
	});

	test('filters and sorts the opened database as the loaded one', async () => {
		const file = await savedWithoutFiles();
		const args = ['export', 'trade', '--format', 'json', '--filter', 'serbia', '--sort', 'value', '--reverse'];
		const fromDatabase = await runKzrs([...args, '--db', file]);
		expect(fromDatabase.status).toBe(0);
		expect(JSON.parse(fromDatabase.stdout).length).toBeGreaterThan(1);
		expect(fromDatabase.stdout).toBe((await runKzrs(args)).stdout);
	});

	test('refuses a missing file, a directory, a file that is not SQLite, and SQLite that kzrs did not save, in one line', async () => {
		const dir = makeTempDir();
		const notSqlite = join(dir, 'trade.json');
		writeFileSync(notSqlite, '[{"id": "x"}]\n');
		const empty = join(dir, 'empty.sqlite');
		writeFileSync(empty, '');
		mkdirSync(join(dir, 'folder.sqlite'));
		const refusals: Array<[args: string[], message: string]> = [
			[['--db', join(dir, 'missing.sqlite')], `kzrs: --db ${join(dir, 'missing.sqlite')}: file is missing`],
			[['export', 'trade', '--db', 'folder.sqlite'], 'kzrs: --db folder.sqlite: is a directory, not a database file'],
			[['sql', 'SELECT 1', '--db', 'trade.json'], 'kzrs: --db trade.json: is not a SQLite database'],
			[['export', 'trade', '--db', 'empty.sqlite'], 'kzrs: --db empty.sqlite: is not a SQLite database'],
			[['--db', await sqliteFile(0)], 'is a SQLite database, but not one kzrs saved (it has no schema version)'],
		];
		for (const [args, message] of refusals) expect(userErrorLine(await runKzrs(args, {cwd: dir}))).toContain(message);
	});

	test('refuses a database of another schema version, and a damaged one', async () => {
		const file = await savedWithoutFiles();
		for (const version of [schemaVersion - 1, schemaVersion + 1]) {
			const other = withVersion(file, version);
			expect(userErrorLine(await runKzrs(['export', 'trade', '--db', other]))).toBe(
				`kzrs: --db ${other}: has schema version ${version}, and this kzrs opens version ${schemaVersion}: save it again with this kzrs's --save-db`,
			);
		}
		expect(userErrorLine(await runKzrs(['--db', await sqliteFile(schemaVersion + 7)]))).toMatch(
			new RegExp(`has schema version ${schemaVersion + 7}, and this kzrs opens`),
		);
		// The header intact, the pages after it gone.
		const truncated = join(makeTempDir(), 'truncated.sqlite');
		writeFileSync(truncated, readFileSync(file).subarray(0, 1000));
		expect(userErrorLine(await runKzrs(['sql', 'SELECT count(*) FROM trade', '--db', truncated]))).toMatch(
			/^kzrs: --db .*truncated\.sqlite: is a damaged SQLite database \(.+\)$/,
		);
	});

	test('is a usage error with --data or --seeds, with check or --save-db, or without a file', async () => {
		const file = await savedWithoutFiles();
		const mistakes: Array<[args: string[], message: string]> = [
			[['--db', file, '--data', 'data'], 'kzrs: --db and --data cannot be given together: the database holds the facts'],
			[['export', 'trade', '--seeds', 'seeds', '--db', file], 'kzrs: --db and --seeds cannot be given together: the database holds the facts'],
			[['check', '--db', file], 'kzrs: --db does not apply to kzrs check'],
			[['--save-db', join(makeTempDir(), 'again.sqlite'), '--db', file], 'kzrs: --db does not apply to --save-db'],
			[['export', 'trade', '--db'], 'kzrs: --db needs a file name'],
		];
		for (const [args, message] of mistakes) {
			const result = await runKzrs(args);
			expect(result.status).toBe(2);
			expect(result.stdout).toBe('');
			expect(result.stderr.split('\n')[0]).toBe(message);
			expect(result.stderr).toContain('Usage');
		}
	});
});

describe('opening a database image', () => {
	test('the shipped prebuilt database and a saved one pass the same check', async () => {
		const file = await savedWithoutFiles();
		const opened = await FactDatabase.fromImage(readFileSync(file));
		expect(opened).toBeInstanceOf(FactDatabase);
		(opened as FactDatabase).close();
		// What --db refuses, loading refuses as a stand-in for the files, and then loads them.
		expect(await FactDatabase.fromImage(readFileSync(withVersion(file, schemaVersion + 1)))).toEqual({
			refused: `has schema version ${schemaVersion + 1}, and this kzrs opens version ${schemaVersion}: save it again with this kzrs's --save-db`,
		});
		expect(await FactDatabase.fromImage(new Uint8Array(50))).toEqual({refused: 'is not a SQLite database'});
	});
});
