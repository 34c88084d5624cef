import type {Io} from '../cli/io.js';
import type {RowQuery} from '../db/pane-reads.js';
import type {ExportFormat} from '../export/formats.js';
import {foldFilter} from '../facts/text.js';
import {type FactSource, openFactBase} from '../load/open.js';
import type {AnyPane} from '../panes/pane.js';
import {FactViews} from '../views/fact-views.js';
import {deliver, outputText, type Target} from './output.js';

export type ExportOptions = {pane: AnyPane; format: ExportFormat; out?: Target; force: boolean; query: RowQuery};

/** `kzrs export <pane>`: returns how many rows were written. */
export async function runExport(source: FactSource, {pane, format, out, force, query}: ExportOptions, io: Io): Promise<number> {
	const database = await openFactBase(source, {searchable: foldFilter(query.filter) !== ''});
	try {
		const counter = {rows: 0};
		// A database opened with --db was never checked: on a terminal, no cell may act on it.
		await deliver(new FactViews(database).export(pane, query, format, counter, outputText(out, io.stdout)), out, force, io.stdout);
		return counter.rows;
	} finally {
		database.close();
	}
}
