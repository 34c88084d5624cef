// The shipped fact base's database saved ahead (source/prebuilt.ts): it is
// the database loading builds, and it is used only for the very files it was
// built from.
import {appendFileSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {FactDatabase} from '../../source/db/database.js';
import {factTables} from '../../source/db/schema.js';
import {loadInThisThread} from '../../source/open-database.js';
import {readPrebuilt, savePrebuilt} from '../../source/prebuilt.js';
import {runCli} from '../helpers/cli.js';
import {copyFactBase, editData, factBaseArgs, makeTempDir, readData, removeTempDirs} from '../helpers/fact-base.js';

afterAll(removeTempDirs);

/** Every row of every table and of the citations view, in a fixed order. */
const everything = [
	...['sources', ...factTables, 'quotes'].map((table) => `SELECT * FROM ${table} ORDER BY rowid`),
	'SELECT * FROM citation_lists ORDER BY list_id, ordinal',
	'SELECT * FROM citations ORDER BY fact_table, fact_id, ordinal',
];
const everyRow = (database: FactDatabase) => everything.map((sql) => database.query(sql));

/** A copy of the fact base with its database saved beside it, as the build saves the shipped one. */
async function savedCopy() {
	const copy = copyFactBase();
	const file = join(makeTempDir(), 'facts.prebuilt');
	const loaded = await FactDatabase.open(loadInThisThread(copy));
	savePrebuilt(copy, loaded.serialise(), file);
	return {copy, file, loaded};
}

describe('the saved database', () => {
	test('opens to the same rows, columns and indexes as loading the files', async () => {
		const {copy, file, loaded} = await savedCopy();
		const image = readPrebuilt(copy, file);
		expect(image).toBeDefined();
		const opened = await FactDatabase.fromImage(image as Uint8Array);
		expect(everyRow(opened)).toEqual(everyRow(loaded));
		const schemaOf = (database: FactDatabase) => database.query('SELECT type, name, sql FROM sqlite_schema ORDER BY name');
		expect(schemaOf(opened)).toEqual(schemaOf(loaded));
		expect(opened.rows('trade', {filter: 'izvoz'})).toEqual(loaded.rows('trade', {filter: 'izvoz'}));
		expect(opened.query('PRAGMA foreign_keys').rows).toEqual([[1]]);
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
		expect(readPrebuilt(copy, file)).toBeUndefined();
		writeFileSync(trade, original);
		expect(readPrebuilt(copy, file)).toBeDefined();

		const seed = join(copy.seedsDir, readData('sources', copy.dataDir)[0]?.file as string);
		appendFileSync(seed, ' ');
		expect(readPrebuilt(copy, file)).toBeUndefined();
	});

	test('is not used for another fact base, a missing file, or a damaged or truncated image', async () => {
		const {copy, file} = await savedCopy();
		const other = copyFactBase();
		editData(other.dataDir, 'companies', (companies) => companies.pop());
		expect(readPrebuilt(other, file)).toBeUndefined();

		const saved = readFileSync(file);
		const damaged = Buffer.from(saved);
		damaged.writeUInt8(damaged.readUInt8(damaged.length - 100) ^ 0xff, damaged.length - 100);
		writeFileSync(file, damaged);
		expect(readPrebuilt(copy, file)).toBeUndefined();
		writeFileSync(file, saved.subarray(0, 50));
		expect(readPrebuilt(copy, file)).toBeUndefined();
		rmSync(file);
		expect(readPrebuilt(copy, file)).toBeUndefined();

		writeFileSync(file, saved);
		rmSync(join(copy.dataDir, 'people.json'));
		expect(readPrebuilt(copy, file)).toBeUndefined();
	});
});

test('the built kzrs answers from its saved database exactly as from the files', () => {
	// The shipped files as they are (the saved database), and a copy one newline longer (loaded).
	const copy = copyFactBase();
	appendFileSync(join(copy.dataDir, 'events.json'), '\n');
	for (const sql of everything) {
		const saved = runCli(['sql', sql, '--format', 'json']);
		const loaded = runCli(['sql', sql, '--format', 'json', ...factBaseArgs(copy)]);
		expect(saved.status).toBe(0);
		expect(saved.stdout).toBe(loaded.stdout);
		expect(JSON.parse(saved.stdout).length).toBeGreaterThan(0);
	}
});
