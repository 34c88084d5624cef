// The temporary file a write goes to before it takes its target's name. Its
// name is kzrs's own and short, `.kzrs-PID-RANDOM.tmp` beside the target, so
// it fits wherever the target's name fits.
import {randomBytes} from 'node:crypto';
import {rmSync} from 'node:fs';
import {join} from 'node:path';

export type TemporaryFile = {
	path: string;
	/** Removes the file if it is still there. */
	remove(): void;
};

function removeFile(path: string): void {
	try {
		rmSync(path, {force: true});
	} catch {
		// Never created: its directory is missing, or the path runs through a file.
	}
}

/** A new temporary file's name beside the target in `dir`; call `remove` when done. */
export function temporaryFileIn(dir: string): TemporaryFile {
	const path = join(dir, `.kzrs-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
	return {path, remove: () => removeFile(path)};
}
