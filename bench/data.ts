// The bench's inputs, made once and kept in the temporary directory: data
// directories of N trade rows, and each saved as a SQLite file. Names carry a
// hash of what they are made from, so a changed generator, data file, seed or
// bundle makes new ones instead of reusing stale ones.
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {generateDataDir, generatorVersion} from '../scripts/trade-data.js';
import {foldFilter} from '../source/facts/text.js';

export type Inputs = {root: string; dataDir: string; seedsDir: string; cli: string; program: string; cacheDir: string};

function hashFiles(hash: ReturnType<typeof createHash>, directory: string, keep: (file: string) => boolean): void {
	for (const file of readdirSync(directory).filter(keep).sort()) {
		hash.update(`${file}\0`);
		hash.update(readFileSync(join(directory, file)));
	}
}

/** What generated data depends on: the generator and the shipped data and seeds. */
export function dataKey({dataDir, seedsDir}: Inputs): string {
	const hash = createHash('sha256').update(`generator ${generatorVersion}\0`);
	hashFiles(hash, dataDir, (file) => file.endsWith('.json'));
	hashFiles(hash, seedsDir, () => true);
	return hash.digest('hex').slice(0, 12);
}

/** Removes cached entries for `prefix` other than `keep`. */
function dropStale(cacheDir: string, prefix: string, keep: string): void {
	for (const entry of readdirSync(cacheDir)) {
		if (entry.startsWith(prefix) && entry !== keep) rmSync(join(cacheDir, entry), {recursive: true, force: true});
	}
}

/** A data directory of `rows` trade rows, generated unless cached. */
export function dataDirectory(inputs: Inputs, rows: number): string {
	mkdirSync(inputs.cacheDir, {recursive: true});
	const name = `data-${rows}-${dataKey(inputs)}`;
	const out = join(inputs.cacheDir, name);
	if (!existsSync(out)) {
		dropStale(inputs.cacheDir, `data-${rows}-`, name);
		generateDataDir({rows, out, dataDir: inputs.dataDir, seedsDir: inputs.seedsDir});
		process.stderr.write(`bench: generated ${out}\n`);
	}
	return out;
}

/** The data directory saved by `kzrs --save-db` (the bundle's schema is part of the key). */
export function savedDatabase(inputs: Inputs, rows: number, directory: string): string {
	const bundle = createHash('sha256').update(readFileSync(inputs.program)).digest('hex').slice(0, 8);
	const name = `db-${rows}-${dataKey(inputs)}-${bundle}.sqlite`;
	const file = join(inputs.cacheDir, name);
	if (!existsSync(file)) {
		dropStale(inputs.cacheDir, `db-${rows}-`, name);
		execFileSync(process.execPath, [inputs.cli, '--save-db', file, '--data', directory], {cwd: inputs.root, stdio: ['ignore', 'ignore', 'inherit']});
		process.stderr.write(`bench: saved ${file}\n`);
	}
	return file;
}

/**
 * How many trade rows match each filter text, asked of the saved database the
 * way the dashboard's filter matches (the folded filter in the row's folded
 * search column or in one of its quotes'), so the bench can check that a typed
 * character produced the filtered frame.
 */
export function filterCounts(database: string, texts: string[]): Map<string, number> {
	const matching = (text: string) => {
		const literal = `'${foldFilter(text).replaceAll("'", "''")}'`;
		const quoting = `SELECT l.list_id FROM citation_lists l JOIN quotes q ON q.id = l.quote_id WHERE instr(q.search, ${literal}) > 0`;
		return `sum(instr(search, ${literal}) > 0 OR citation_list IN (${quoting}))`;
	};
	const columns = texts.map(matching).join(', ');
	const output = execFileSync('sqlite3', ['-csv', database, `SELECT ${columns} FROM trade`], {encoding: 'utf8'}).trim();
	const counts = output.split(',').map(Number);
	return new Map(texts.map((text, index) => [text, counts[index] ?? 0]));
}
