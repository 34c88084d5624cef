// Carries out what the reducer asks for (files, clipboard) and reports back
// as actions, so the reducer itself never touches the outside world.
import {resolve} from 'node:path';
import type {FactDatabase} from '../db/database.js';
import {UserError} from '../errors.js';
import {exportStream} from '../export/export-pane.js';
import {checkReader, wouldOverwrite, writeFileAtomically} from '../export/write-file.js';
import {paneQueries} from '../db/pane-queries.js';
import {rowDetail} from '../views/detail.js';
import type {Action, Command} from './state.js';
import {clipboardSequence} from './terminal.js';

export type EffectContext = {database: FactDatabase; dispatch: (action: Action) => void; stdout: NodeJS.WriteStream; exit: () => void};

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

async function exportPane(command: Extract<Command, {kind: 'export'}>, {database, dispatch}: EffectContext): Promise<void> {
	const file = resolve(command.file);
	if (!command.force && wouldOverwrite(file)) {
		dispatch({type: 'export-exists', file: command.file});
		return;
	}
	const counter = {rows: 0};
	try {
		checkReader(file);
		await writeFileAtomically(file, exportStream(database, command.pane, command.query, 'csv', counter), {force: command.force});
		dispatch({type: 'status', status: {text: `Exported ${plural(counter.rows, 'row')} to ${file}`, tone: 'info'}});
	} catch (error) {
		const message = error instanceof UserError ? error.message : String(error);
		dispatch({type: 'status', status: {text: `Export failed: ${message}`, tone: 'error'}});
	}
}

function copy(text: string, what: string, {stdout, dispatch}: EffectContext): void {
	stdout.write(clipboardSequence(text));
	dispatch({type: 'status', status: {text: `Copied ${what} (${plural([...text].length, 'character')}) to the clipboard`, tone: 'info'}});
}

export function runCommand(command: Command, context: EffectContext): void {
	const {database} = context;
	switch (command.kind) {
		case 'quit':
			if (command.interrupted) process.exitCode = 130;
			context.exit();
			return;
		case 'export':
			void exportPane(command, context);
			return;
		case 'copy-row': {
			const row = database.rows(command.pane, {...command.query, offset: command.index, limit: 1})[0];
			if (!row) return;
			// Tab-separated, so it pastes into a spreadsheet as one row.
			const keys = paneQueries[command.pane].columns.map(({key}) => key).filter((key) => key !== 'quotes');
			copy(keys.map((key) => String(row[key] ?? '')).join('\t'), `row ${row.id}`, context);
			return;
		}
		case 'copy-quote': {
			const quote = rowDetail(database, command.pane, command.query, command.index)?.quotes[command.cursor];
			if (quote) copy(quote.quote, `the quote from ${quote.source} (${quote.language})`, context);
			return;
		}
	}
}
