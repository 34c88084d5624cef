// Carries out what the reducer asks for (files, clipboard) and reports back
// as actions, so the reducer itself never touches the outside world.
import {resolve} from 'node:path';
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

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

async function exportPane(command: Extract<Command, {kind: 'export'}>, {views, panes, dispatch, cwd}: EffectContext): Promise<void> {
	const file = resolve(cwd, command.file);
	if (!command.force && wouldOverwrite(file)) {
		dispatch({type: 'export-exists', file: command.file});
		return;
	}
	const counter = {rows: 0};
	try {
		checkReader(file);
		await writeFileAtomically(file, views.export(paneOf(panes, command.pane), command.query, 'csv', counter), {force: command.force});
		dispatch({type: 'status', status: {text: `Exported ${plural(counter.rows, 'row')} to ${file}`, tone: 'info'}});
	} catch (error) {
		const message = error instanceof UserError ? error.message : String(error);
		dispatch({type: 'status', status: {text: `Export failed: ${message}`, tone: 'error'}});
	}
}

function copy(text: string, what: string, {stdout, dispatch, env}: EffectContext): void {
	stdout.write(clipboardSequence(text, env.TMUX !== undefined));
	dispatch({type: 'status', status: {text: `Copied ${what} (${plural([...text].length, 'character')}) to the clipboard`, tone: 'info'}});
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
		case 'copy-quote': {
			const quote = views.detail(paneOf(panes, command.pane), command.query, command.index)?.quotes[command.cursor];
			if (quote) copy(quote.quote, `the quote from ${quote.source} (${quote.language})`, context);
			return;
		}
	}
}
