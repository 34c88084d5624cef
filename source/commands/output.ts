import type {Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import type {Output} from '../cli/io.js';
import {writeFileAtomically} from '../export/write-file.js';
import {printable} from '../text/printable.js';

/** A file to write: where, and its name as the user typed it. */
export type Target = {file: string; shown: string};

/**
 * What each text becomes on its way out: on a terminal, the screen's gate,
 * so that an escape sequence or a bidirectional override in the data cannot
 * act on it; a file or a pipe gets the data as it is.
 */
export const outputText = (out: Target | undefined, stdout: Output): ((text: string) => string) | undefined =>
	out === undefined && stdout.isTTY === true ? printable : undefined;

/**
 * Sends a text stream to a file (atomically, never clobbering without force)
 * or to standard output, whose failures the command line reports.
 */
export async function deliver(content: Readable, out: Target | undefined, force: boolean, stdout: Output): Promise<void> {
	if (out !== undefined) await writeFileAtomically(out.file, content, {force, shown: out.shown});
	else await pipeline(content, stdout, {end: false});
}
