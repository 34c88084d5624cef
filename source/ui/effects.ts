// Carries out what the reducer asks for (files, clipboard) and reports back
// as actions, so the reducer itself never touches the outside world.
import {execFileSync} from 'node:child_process';
import {statSync} from 'node:fs';
import {homedir} from 'node:os';
import {extname, join, resolve} from 'node:path';
import {UserError} from '../errors.js';
import {checkReader, wouldOverwrite, writeFileAtomically} from '../export/write-file.js';
import type {Panes} from '../panes/registry.js';
import type {FactViews} from '../views/fact-views.js';
import {type Action, type Command, paneOf} from './state.js';
import {clipboardSequence} from './terminal.js';

export type EffectContext = {
	views: FactViews;
	panes: Panes;
	dispatch: (action: Action) => void;
	stdout: NodeJS.WriteStream;
	env: NodeJS.ProcessEnv;
	cwd: string;
	exit: () => void;
	/** Sets the exit status kzrs ends with. */
	setExitCode: (code: number) => void;
};

/** How often a long action on the screen reports its progress. */
const progressMs = 100;

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The file a typed name means: relative to the working directory, `~` the home directory, as shells read it. */
function targetOf(name: string, {cwd, env}: EffectContext): string {
	const home = env.HOME ?? homedir();
	if (name === '~') return home;
	return name.startsWith('~/') ? join(home, name.slice(2)) : resolve(cwd, name);
}

const isDirectory = (file: string) => {
	try {
		return statSync(file, {throwIfNoEntry: false})?.isDirectory() === true;
	} catch {
		// A part of the path that is not a directory: writing says so.
		return false;
	}
};

async function exportPane(command: Extract<Command, {kind: 'export'}>, context: EffectContext): Promise<void> {
	const {views, panes, dispatch} = context;
	const file = targetOf(command.file, context);
	const failed = (reason: string) => dispatch({type: 'export-failed', file: command.file, reason});
	if (isDirectory(file)) return failed(`${file} is a directory`);
	if (!command.force && wouldOverwrite(file)) {
		dispatch({type: 'export-exists', file: command.file});
		return;
	}
	// The name says the format: JSON for .json, CSV for anything else.
	const format = extname(file).toLowerCase() === '.json' ? 'json' : 'csv';
	const counter = {rows: 0};
	// A long export says how far it is, at once and then every tenth of a second.
	const progress = () => dispatch({type: 'status', status: {text: `Exporting to ${file}: ${plural(counter.rows, 'row')} so far…`, tone: 'info'}});
	progress();
	const ticking = setInterval(progress, progressMs);
	try {
		checkReader(file);
		await writeFileAtomically(file, views.export(paneOf(panes, command.pane), command.query, format, counter), {force: command.force});
		dispatch({type: 'status', status: {text: `Exported ${plural(counter.rows, 'row')} as ${format.toUpperCase()} to ${file}`, tone: 'info'}});
	} catch (error) {
		failed(error instanceof UserError ? error.message : String(error));
	} finally {
		clearInterval(ticking);
	}
}

/** A tmux option of the server kzrs runs in; undefined when tmux cannot be asked. */
function tmuxOption(name: string, env: NodeJS.ProcessEnv): string | undefined {
	try {
		return execFileSync('tmux', ['show-options', '-gv', name], {env, encoding: 'utf8', timeout: 1000, stdio: ['ignore', 'pipe', 'ignore']}).trim();
	} catch {
		return undefined;
	}
}

/**
 * How a copy can reach a clipboard from here, and where it goes, in words.
 * kzrs sends OSC 52 and cannot know whether the terminal took it; inside
 * tmux it sends only what tmux's own options let through.
 */
function clipboardRoute(env: NodeJS.ProcessEnv): {wrapForTmux: boolean; where: string} | {refused: string} {
	if (env.TMUX === undefined) return {wrapForTmux: false, where: "the terminal's clipboard (OSC 52)"};
	if (tmuxOption('set-clipboard', env) === 'on') return {wrapForTmux: false, where: "tmux's clipboard (OSC 52)"};
	const passthrough = tmuxOption('allow-passthrough', env);
	if (passthrough === 'on' || passthrough === 'all') return {wrapForTmux: true, where: "the terminal's clipboard, through tmux (OSC 52)"};
	return {refused: 'Not copied: tmux takes a clipboard sequence only with set-clipboard on (or allow-passthrough on)'};
}

function copy(text: string, what: string, {stdout, dispatch, env}: EffectContext): void {
	const route = clipboardRoute(env);
	if ('refused' in route) {
		dispatch({type: 'status', status: {text: route.refused, tone: 'error'}});
		return;
	}
	stdout.write(clipboardSequence(text, route.wrapForTmux));
	dispatch({type: 'status', status: {text: `Sent ${what} (${plural([...text].length, 'character')}) to ${route.where}`, tone: 'info'}});
}

export function runCommand(command: Command, context: EffectContext): void {
	const {views, panes} = context;
	switch (command.kind) {
		case 'quit':
			if (command.interrupted) context.setExitCode(130);
			context.exit();
			return;
		case 'export':
			void exportPane(command, context);
			return;
		case 'copy-row': {
			const pane = paneOf(panes, command.pane);
			const row = views.row(pane, command.query, command.index);
			if (!row) return;
			// Tab-separated, so it pastes into a spreadsheet as one row.
			const keys = pane.query.columns.map(({key}) => key).filter((key) => key !== 'quotes');
			copy(keys.map((key) => String(row[key] ?? '')).join('\t'), `row ${row.id}`, context);
			return;
		}
		case 'copy-passage':
			copy(command.text, `the passage from ${command.source}`, context);
			return;
		case 'copy-quote': {
			const quote = views.detail(paneOf(panes, command.pane), command.query, command.index)?.quotes[command.cursor];
			if (quote) copy(quote.quote, `the quote from ${quote.source} (${quote.language})`, context);
			return;
		}
	}
}
