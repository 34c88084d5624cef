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
	const stop = (signal: NodeJS.Signals) => {
		process.exitCode = signal === 'SIGTERM' ? 143 : 129;
		instance.unmount();
	};
	process.once('SIGTERM', stop);
	process.once('SIGHUP', stop);
	try {
		await instance.waitUntilExit();
	} finally {
		leave();
	}
}
