// The shipped fact base (data/*.json, seeds/), read directly from disk, and
// temporary copies of it that a test may damage or decorate.
import {cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {AgendaArea, CompanyCount, Event, Honour, Memorandum, Person, Source, StandingClaim, TradedGood, TradeFigure} from '../../source/facts/records.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const shippedDataDir = join(repoRoot, 'data');
export const shippedSeedsDir = join(repoRoot, 'seeds');

export type DataFiles = {
	sources: Source;
	events: Event;
	memoranda: Memorandum;
	trade: TradeFigure;
	companies: CompanyCount;
	people: Person;
	honours: Honour;
	agenda: AgendaArea;
	standing: StandingClaim;
	goods: TradedGood;
};
export type DataFileName = keyof DataFiles;
export const dataFileNames: readonly DataFileName[] = [
	'sources',
	'events',
	'memoranda',
	'trade',
	'companies',
	'people',
	'honours',
	'agenda',
	'standing',
	'goods',
];

/** The records of one data file, from `dir` (the shipped data/ unless given). */
export function readData<Name extends DataFileName>(name: Name, dir = shippedDataDir): Array<DataFiles[Name]> {
	return JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Array<DataFiles[Name]>;
}

export function writeData<Name extends DataFileName>(dir: string, name: Name, records: ReadonlyArray<DataFiles[Name]> | unknown): void {
	writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(records, null, 2)}\n`);
}

/** Reads a data file of `dir`, lets `change` edit its records in place, and writes it back. */
export function editData<Name extends DataFileName>(dir: string, name: Name, change: (records: Array<DataFiles[Name]>) => void): void {
	const records = readData(name, dir);
	change(records);
	writeData(dir, name, records);
}

/** A record by id; throws (failing the test) when the shipped data no longer has it. */
export function byId<Record extends {id: string}>(records: readonly Record[], id: string): Record {
	const found = records.find((record) => record.id === id);
	if (!found) throw new Error(`no record "${id}" in the data`);
	return found;
}

/** Runs of whitespace become one space: the only difference data/README.md allows between a quote and its seed. */
export function collapseWhitespace(value: string): string {
	return value.replace(/\s+/g, ' ').trim();
}

/** Seed texts by source id, read from seeds/ through sources.json. */
export function readSeeds(seedsDir = shippedSeedsDir, dataDir = shippedDataDir): Map<string, string> {
	return new Map(readData('sources', dataDir).map((source) => [source.id, readFileSync(join(seedsDir, source.file), 'utf8')]));
}

const temporaryDirs: string[] = [];

export function makeTempDir(prefix = 'kzrs-test-'): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	temporaryDirs.push(dir);
	return dir;
}

/** Removes every directory makeTempDir made; call from afterAll or afterEach. */
export function removeTempDirs(): void {
	for (const dir of temporaryDirs.splice(0)) rmSync(dir, {recursive: true, force: true});
}

export type FactBaseCopy = {root: string; dataDir: string; seedsDir: string};

/** A temporary directory holding copies of data/ and seeds/, to pass as --data and --seeds. */
export function copyFactBase(): FactBaseCopy {
	const root = makeTempDir('kzrs-facts-');
	const dataDir = join(root, 'data');
	const seedsDir = join(root, 'seeds');
	cpSync(shippedDataDir, dataDir, {recursive: true});
	cpSync(shippedSeedsDir, seedsDir, {recursive: true});
	return {root, dataDir, seedsDir};
}

/** The arguments that point kzrs at a copy of the fact base. */
export const factBaseArgs = ({dataDir, seedsDir}: FactBaseCopy): string[] => ['--data', dataDir, '--seeds', seedsDir];

/** Names in a directory, for checking that nothing (such as a temporary file) was left behind. */
export const listDir = (dir: string): string[] => readdirSync(dir).sort();
