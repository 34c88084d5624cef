// The programs some tests need besides Node (the README's Start names them): a
// test that needs a missing one fails, naming it, rather than being skipped.
import {spawnSync} from 'node:child_process';

const found = new Map<string, boolean>();

/** Throws, naming the program and what needs it, when `command` cannot be run. */
export function requireTool(command: 'tmux' | 'python3' | 'sqlite3', neededFor: string): void {
	if (!found.has(command)) {
		const run = spawnSync(command, [command === 'tmux' ? '-V' : '--version'], {stdio: 'ignore'});
		found.set(command, run.error === undefined && run.status === 0);
	}
	if (!found.get(command)) throw new Error(`${command} is needed for ${neededFor} and cannot be run here: install it (see the README's Start)`);
}
