import {tallyOf} from '../db/facts.js';
import type {FactPaths} from '../facts/check.js';
import {imageSaver} from '../load/image.js';
import {openFactBase} from '../load/open.js';

/** `kzrs check`: loading is the check; a problem throws a UserError naming it. */
export async function runCheck(paths: FactPaths, env: NodeJS.ProcessEnv): Promise<string> {
	// The build checks the shipped fact base this way and keeps its database.
	const save = env.KZRS_SAVE_PREBUILT === '1' ? imageSaver(paths) : undefined;
	const database = await openFactBase(paths, {image: false});
	try {
		save?.(database.serialise());
		const tally = tallyOf(database);
		const facts = Object.entries(tally)
			.filter(([table]) => table !== 'sources' && table !== 'citations')
			.map(([table, count]) => `${count} ${table}`)
			.join(', ');
		return `ok: ${tally.sources} sources; ${facts}; ${tally.citations} citations, every quote found in its seed`;
	} finally {
		database.close();
	}
}
