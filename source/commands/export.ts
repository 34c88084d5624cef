import type {RowQuery} from '../db/database.js';
import type {PaneId} from '../db/pane-queries.js';
import {exportStream} from '../export/export-pane.js';
import type {ExportFormat} from '../export/formats.js';
import type {FactPaths} from '../facts/load.js';
import {openDatabase} from '../open-database.js';
import {deliver} from './output.js';

export type ExportOptions = {pane: PaneId; format: ExportFormat; out?: string; force: boolean; query: RowQuery};

/** `kzrs export <pane>`: returns how many rows were written. */
export async function runExport(paths: FactPaths, {pane, format, out, force, query}: ExportOptions): Promise<number> {
	const database = await openDatabase(paths);
	const counter = {rows: 0};
	await deliver(exportStream(database, pane, query, format, counter), out, force);
	database.close();
	return counter.rows;
}
