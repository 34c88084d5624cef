import {Readable} from 'node:stream';
import {writeFileAtomically} from '../export/write-file.js';
import type {FactPaths} from '../facts/check.js';
import {openFactBase} from '../load/open.js';
import type {Target} from './output.js';

/** `kzrs --save-db FILE`: the loaded database as a file the sqlite3 command opens. */
export async function runSaveDatabase(paths: FactPaths, {file, shown}: Target, force: boolean): Promise<void> {
	const database = await openFactBase(paths);
	let image: Uint8Array;
	try {
		image = database.serialise();
	} finally {
		database.close();
	}
	await writeFileAtomically(file, Readable.from([Buffer.from(image)]), {force, shown});
}
