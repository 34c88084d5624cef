import type {Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import {writeFileAtomically} from '../export/write-file.js';

/** Sends a text stream to a file (atomically, never clobbering without force) or to stdout. */
export async function deliver(content: Readable, out: string | undefined, force: boolean): Promise<void> {
	if (out !== undefined) {
		await writeFileAtomically(out, content, {force});
		return;
	}
	try {
		await pipeline(content, process.stdout);
	} catch (error) {
		// The reader went away (`kzrs export trade | head`): that is not a failure.
		if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
	}
}
