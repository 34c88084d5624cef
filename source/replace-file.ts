// Replacing a file the build makes beside the program (the code cache, the
// saved database) so that a start reading it meanwhile finds the old file or
// the new one, never half of one.
import {renameSync, rmSync, writeFileSync} from 'node:fs';

export function replaceFile(file: string, bytes: Uint8Array): void {
	const partial = `${file}.${process.pid}.partial`;
	try {
		writeFileSync(partial, bytes);
		renameSync(partial, file);
	} finally {
		rmSync(partial, {force: true});
	}
}
