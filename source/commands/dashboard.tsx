// `kzrs` with no command: the full-screen dashboard on a terminal, and a
// plain-text snapshot anywhere else (pipes, files, CI), never Ink's raw-mode error.
import {render} from 'ink';
import type {ComponentProps} from 'react';
import type {Io} from '../cli/io.js';
import {type FactSource, openFactBase, openGrowing} from '../load/open.js';
import {type Panes, screenPanes} from '../panes/registry.js';
import {App} from '../ui/app.js';
import {snapshot} from '../ui/snapshot.js';
import {enterFullScreen, type TerminalModes, terminalModes, useSuspension} from '../ui/terminal.js';
import {themeFor} from '../ui/theme.js';
import {FactViews} from '../views/fact-views.js';

function localDate(now: Date): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function snapshotColumns(env: NodeJS.ProcessEnv): number {
	const columns = Number.parseInt(env.COLUMNS ?? '', 10);
	return Number.isInteger(columns) && columns >= 20 && columns <= 1000 ? columns : 100;
}

/** The dashboard, which Ctrl-Z and SIGTSTP suspend. */
function Dashboard({modes, ...props}: ComponentProps<typeof App> & {modes: TerminalModes}) {
	useSuspension(modes);
	return <App {...props} />;
}

/** `mouse`: whether the dashboard takes the mouse (clicks and the wheel), leaving the terminal's own selection of text to Shift. */
export async function runDashboard(source: FactSource, io: Io, panes: Panes, {mouse}: {mouse: boolean}): Promise<number> {
	const onScreen = screenPanes(panes);
	const theme = themeFor(io.env);
	const {stdin, stdout, stderr} = io;
	if (!stdin.isTTY || !stdout.isTTY) {
		// A snapshot is of the whole fact base. A pipe has no width: COLUMNS, as shells set it, or 100.
		const views = new FactViews(await openFactBase(source));
		stdout.write(snapshot(views, onScreen, stdout.columns || snapshotColumns(io.env), theme));
		return 0;
	}
	// On a terminal, the first rows are on screen while the rest load.
	const loading = await openGrowing(source);
	const views = new FactViews(loading.database, loading.progress);
	let exitCode = 0;
	const setExitCode = (code: number) => {
		exitCode = code;
	};
	// Read aloud, the screen is no grid of panes to point at.
	const modes = terminalModes(mouse && io.env.INK_SCREEN_READER !== 'true');
	const leave = enterFullScreen(stdout, modes);
	const instance = render(
		<Dashboard
			modes={modes}
			mouse={modes.mouse}
			views={views}
			panes={onScreen}
			initialSize={{columns: stdout.columns ?? 80, rows: stdout.rows ?? 24}}
			today={localDate(new Date())}
			theme={theme}
			env={io.env}
			cwd={io.cwd}
			setExitCode={setExitCode}
		/>,
		{stdin: stdin as NodeJS.ReadStream, stdout: stdout as NodeJS.WriteStream, stderr: stderr as NodeJS.WriteStream, exitOnCtrlC: false},
	);
	// A data error found late ends the dashboard, and is reported as one found at the start is, once the screen is restored.
	let failure: {error: unknown} | undefined;
	loading.whole.catch((error: unknown) => {
		failure = {error};
		instance.unmount();
	});
	// Stopped from outside, kzrs still leaves the terminal as it found it, with the shell's exit status.
	const statuses: Partial<Record<NodeJS.Signals, number>> = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129};
	const stop = (signal: NodeJS.Signals) => {
		exitCode = statuses[signal] ?? 1;
		instance.unmount();
	};
	for (const signal of Object.keys(statuses) as NodeJS.Signals[]) process.once(signal, stop);
	try {
		await instance.waitUntilExit();
	} finally {
		for (const signal of Object.keys(statuses) as NodeJS.Signals[]) process.off(signal, stop);
		// Quitting needs no more rows.
		loading.stop();
		leave();
	}
	if (failure !== undefined) throw failure.error;
	return exitCode;
}
