// Replacing a file the build makes beside the program (the code cache, the
// saved database) so that a start reading it meanwhile finds the old file or
// the new one, never half of one.
import {renameSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import {temporaryFileIn} from './temporary-file.js';

export function replaceFile(file: string, bytes: Uint8Array): void {
	const temporary = temporaryFileIn(dirname(file));
	try {
		writeFileSync(temporary.path, bytes);
		renameSync(temporary.path, file);
	} finally {
		temporary.remove();
	}
}
