// `kzrs` with no command: the full-screen dashboard on a terminal, and a
// plain-text snapshot anywhere else (pipes, files, CI), never Ink's raw-mode error.
import {render} from 'ink';
import {App} from './app.js';
import type {FactPaths} from './facts/load.js';
import {openDatabase} from './open-database.js';
import {snapshot} from './snapshot.js';
import {databaseEnvironment} from './ui/environment.js';
import {enterFullScreen} from './ui/terminal.js';

export async function runInteractiveOrSnapshot(paths: FactPaths): Promise<void> {
	const database = await openDatabase(paths);
	const environment = databaseEnvironment(database);
	const {stdin, stdout} = process;
	if (!stdin.isTTY || !stdout.isTTY) {
		stdout.write(snapshot(database, environment, stdout.columns || 100));
		return;
	}
	const leave = enterFullScreen(stdout);
	const instance = render(<App database={database} environment={environment} initialSize={{columns: stdout.columns, rows: stdout.rows}} />, {
		exitOnCtrlC: false,
	});
	// Stopped from outside, kzrs still leaves the terminal as it found it, with the shell's exit status.
	const statuses: Partial<Record<NodeJS.Signals, number>> = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129};
	const stop = (signal: NodeJS.Signals) => {
		process.exitCode = statuses[signal];
		instance.unmount();
	};
	for (const signal of Object.keys(statuses) as NodeJS.Signals[]) process.once(signal, stop);
	try {
		await instance.waitUntilExit();
	} finally {
		leave();
	}
}
