import {FactDatabase, initialiseSqlJs} from './db/database.js';
import {type FactPaths, loadFactBase} from './facts/load.js';

/** Loads and checks the fact base and opens it in sql.js; the WebAssembly compiles while the files are read. */
export async function openDatabase(paths: FactPaths): Promise<FactDatabase> {
	const ready = initialiseSqlJs();
	const facts = loadFactBase(paths);
	await ready;
	return FactDatabase.open(facts);
}
