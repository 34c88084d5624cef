import type {FactPaths} from '../facts/load.js';
import {openDatabase} from '../open-database.js';
import {prebuiltSaver} from '../prebuilt.js';

/** `kzrs check`: loading is the check; a problem throws a UserError naming it. */
export async function runCheck(paths: FactPaths): Promise<string> {
	// The build checks the shipped fact base this way and keeps its database.
	const save = process.env.KZRS_SAVE_PREBUILT === '1' ? prebuiltSaver(paths) : undefined;
	const database = await openDatabase(paths, {prebuilt: false});
	save?.(database.serialise());
	const tally = database.tally();
	database.close();
	const facts = Object.entries(tally)
		.filter(([table]) => table !== 'sources' && table !== 'citations')
		.map(([table, count]) => `${count} ${table}`)
		.join(', ');
	return `ok: ${tally.sources} sources; ${facts}; ${tally.citations} citations, every quote found in its seed`;
}
