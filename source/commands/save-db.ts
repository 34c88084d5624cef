import {Readable} from 'node:stream';
import {tallyOf} from '../db/facts.js';
import {writeFileAtomically} from '../export/write-file.js';
import type {FactPaths} from '../facts/check.js';
import {openFactBase} from '../load/open.js';
import type {Target} from './output.js';

/** `kzrs --save-db FILE`: the loaded database as a file the sqlite3 command opens; gives how many rows each table holds. */
export async function runSaveDatabase(paths: FactPaths, {file, shown}: Target, force: boolean): Promise<Record<string, number>> {
	const database = await openFactBase(paths);
	let image: Uint8Array;
	let tally: Record<string, number>;
	try {
		image = database.serialise();
		tally = tallyOf(database);
	} finally {
		database.close();
	}
	await writeFileAtomically(file, Readable.from([Buffer.from(image)]), {force, shown});
	return tally;
}
