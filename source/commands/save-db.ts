import {Readable} from 'node:stream';
import type {FactPaths} from '../facts/load.js';
import {writeFileAtomically} from '../export/write-file.js';
import {openDatabase} from '../open-database.js';

/** `kzrs --save-db FILE`: the loaded database as a file the sqlite3 command opens. */
export async function runSaveDatabase(paths: FactPaths, file: string, force: boolean): Promise<void> {
	const database = await openDatabase(paths);
	const image = database.serialise();
	database.close();
	await writeFileAtomically(file, Readable.from([Buffer.from(image)]), {force});
}
