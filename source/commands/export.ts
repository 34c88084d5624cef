import type {Io} from '../cli/io.js';
import type {RowQuery} from '../db/pane-reads.js';
import type {ExportFormat} from '../export/formats.js';
import {type FactSource, openFactBase} from '../load/open.js';
import type {AnyPane} from '../panes/pane.js';
import {printable} from '../text/printable.js';
import {FactViews} from '../views/fact-views.js';
import {deliver, type Target} from './output.js';

export type ExportOptions = {pane: AnyPane; format: ExportFormat; out?: Target; force: boolean; query: RowQuery};

/** `kzrs export <pane>`: returns how many rows were written. */
export async function runExport(source: FactSource, {pane, format, out, force, query}: ExportOptions, io: Io): Promise<number> {
	const database = await openFactBase(source);
	try {
		const counter = {rows: 0};
		// On a terminal, as kzrs sql's: a database opened with --db was never checked, and no cell may act on the terminal.
		const onScreen = out === undefined && io.stdout.isTTY === true;
		await deliver(new FactViews(database).export(pane, query, format, counter, onScreen ? printable : undefined), out, force, io.stdout);
		return counter.rows;
	} finally {
		database.close();
	}
}
