// Opening the fact base: the one way kzrs loads, whichever thread does the
// work. A large fact base is read, checked and turned into rows by a worker
// thread (worker.ts; started ahead when it can be, see loader-thread.ts)
// while this thread inserts them into sql.js, so the two halves of loading
// run on two cores; a small one loads faster in this
// thread; the shipped one, unchanged, opens from the database the build saved
// of it (image.ts); a database saved with --save-db opens the same way. The
// dashboard may open a large one growing (openGrowing): readable from its
// first trade batch on, while the rest is inserted between its frames.
import {on} from 'node:events';
import {readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {setImmediate as nextTurn} from 'node:timers/promises';
import type {Worker} from 'node:worker_threads';
import {FactDatabase, type InsertBatch, isLinkTable} from '../db/database.js';
import {UserError} from '../errors.js';
import {checkFactBase, type FactPaths} from '../facts/check.js';
import {cannotRead} from '../facts/read-file.js';
import {loaderFile} from '../paths.js';
import {readImage} from './image.js';
import {stopLoaderThreadAhead, takeLoaderThread} from './loader-thread.js';
import type {LoaderMessage, LoaderOrders} from './protocol.js';
import {insertBatches} from './rows.js';

/** From this size of trade.json on (about 13,000 figures), the loader thread pays for its start (see BENCHMARKS.md). */
export const workerThreshold = 6 * 1024 * 1024;

export type OpenOptions = {
	/** Whether the database the build saved may stand in for loading: `kzrs check` always loads, to check. */
	image?: boolean;
	/**
	 * Whether rows get the folded text a filter searches, which costs about a
	 * tenth of loading a large fact base: an export without a filter needs none
	 * (see BENCHMARKS.md). A database without it refuses filters.
	 */
	searchable?: boolean;
};

function tradeFileSize({dataDir}: FactPaths): number {
	try {
		return statSync(join(dataDir, 'trade.json')).size;
	} catch {
		// Missing or unreadable: loading says so, in its words.
		return 0;
	}
}

/** A database file saved with --save-db: its path, and its name as the user typed it. */
export type SavedDatabase = {database: string; shown: string};

/** Where the facts come from: the data and seeds folders, loaded and checked, or a saved database, opened as it is. */
export type FactSource = FactPaths | SavedDatabase;

export async function openFactBase(source: FactSource, {image = true, searchable = true}: OpenOptions = {}): Promise<FactDatabase> {
	const large = !('database' in source) && tradeFileSize(source) >= workerThreshold;
	if (!large) stopLoaderThreadAhead();
	if ('database' in source) return openSaved(source);
	if (large) return FactDatabase.open(loadInWorker(source, searchable), {searchable});
	const saved = image ? readImage(source) : undefined;
	const opened = saved === undefined ? undefined : await FactDatabase.fromImage(saved, {fromThisBuild: true});
	// An image this program cannot open is only a missed shortcut: the files load.
	return opened instanceof FactDatabase ? opened : FactDatabase.open(loadHere(source, searchable), {searchable});
}

/** `--db FILE`: the saved database, refused in one line unless it is one of this schema. */
async function openSaved({database, shown}: SavedDatabase): Promise<FactDatabase> {
	const where = `--db ${shown}`;
	let image: Buffer;
	try {
		const stats = statSync(database);
		if (stats.isDirectory()) throw new UserError(`${where}: is a directory, not a database file`);
		// A pipe or a device would be read until it ends, if ever.
		if (!stats.isFile()) throw new UserError(`${where}: is not a regular file`);
		image = readFileSync(database);
	} catch (error) {
		throw error instanceof UserError ? error : cannotRead(where, error);
	}
	const opened = await FactDatabase.fromImage(image);
	if (opened instanceof FactDatabase) return opened;
	throw new UserError(`${where}: ${opened.refused}`);
}

/** The fact base's batches, read, checked and prepared in this thread as they are asked for. */
function* loadHere(paths: FactPaths, searchable: boolean): Generator<InsertBatch> {
	yield* insertBatches(checkFactBase(paths), {searchable});
}

/** How far a growing fact base is (see openGrowing). */
export type LoadProgress = {
	/** Fact rows inserted so far. */
	rows: number;
	/** Bytes of trade.json read by the rows inserted so far, and its size. */
	bytesRead: number;
	bytesTotal: number;
	/** Time since loading started. */
	elapsedMs: number;
	/** The tables whose rows are all in: each fact table is loaded whole before the next. */
	finishedTables: readonly string[];
};

/** A fact base that may still be loading: readable now, whole once `whole` resolves. */
export type GrowingFactBase = {
	database: FactDatabase;
	/** Where loading is; undefined once the fact base is whole (or loading stopped). */
	progress(): LoadProgress | undefined;
	/** Resolves once every row is in; rejects with what stopped loading (a data error found late, say). */
	whole: Promise<void>;
	/** Stops loading, as quitting does: no more rows are read or inserted. */
	stop(): void;
};

/**
 * The fact base, opened as soon as its first trade figures are in: a large
 * one goes on loading afterwards, a batch between the turns of the event
 * loop, so that keys and frames come in between. Anything else opens whole.
 */
export async function openGrowing(source: FactSource): Promise<GrowingFactBase> {
	const bytesTotal = 'database' in source ? 0 : tradeFileSize(source);
	if ('database' in source || bytesTotal < workerThreshold) {
		return {database: await openFactBase(source), progress: () => undefined, whole: Promise.resolve(), stop: () => {}};
	}
	const started = performance.now();
	// Started before sql.js, so the loader reads while it starts; with search texts, as the dashboard filters.
	const batches = loadInWorker(source, true);
	const filling = await FactDatabase.filling();
	const finishedTables: string[] = [];
	let current: string | undefined;
	let rows = 0;
	let bytesRead = 0;
	let loading = true;
	let firstRows = () => {};
	const readable = new Promise<void>((resolve) => {
		firstRows = resolve;
	});
	const whole = (async () => {
		try {
			for await (const batch of batches) {
				if (!loading) return;
				filling.insert(batch);
				bytesRead = batch.bytesRead;
				if (batch.kind === 'insert' && !isLinkTable(batch.table)) {
					if (current !== undefined && current !== batch.table) finishedTables.push(current);
					current = batch.table;
					rows += batch.rows.length;
					if (batch.table === 'trade') firstRows();
				}
				// Keys and frames between batches.
				await nextTurn();
			}
			filling.finish();
		} finally {
			loading = false;
		}
	})();
	await Promise.race([readable, whole]);
	return {
		database: filling.database,
		progress: () => (loading ? {rows, bytesRead, bytesTotal, elapsedMs: performance.now() - started, finishedTables: [...finishedTables]} : undefined),
		whole,
		stop: () => {
			loading = false;
		},
	};
}

/** The fact base's batches, as the loader thread posts them: started at once, so it reads while sql.js starts. */
function loadInWorker(paths: FactPaths, searchable: boolean): AsyncGenerator<InsertBatch & {bytesRead: number}> {
	const worker = takeLoaderThread(loaderFile);
	// Listened to before its orders, so that a thread that fails to start (its
	// file missing, say) fails the load rather than the process.
	const messages = on(worker, 'message', {close: ['exit']});
	const unconsumed = new SharedArrayBuffer(4);
	worker.postMessage({paths, searchable, unconsumed} satisfies LoaderOrders);
	return receive(worker, new Int32Array(unconsumed), messages);
}

async function* receive(worker: Worker, counter: Int32Array, messages: AsyncIterableIterator<unknown[]>): AsyncGenerator<InsertBatch & {bytesRead: number}> {
	worker.ref();
	try {
		for await (const [message] of messages) {
			const received = message as LoaderMessage;
			if (received.kind === 'done') return;
			if (received.kind === 'failed') {
				if (received.user) throw new UserError(received.message);
				throw Object.assign(new Error(received.message), {stack: received.stack});
			}
			yield received;
			Atomics.sub(counter, 0, 1);
			Atomics.notify(counter, 0);
		}
		throw new Error('the loader thread stopped before the fact base was loaded');
	} finally {
		await worker.terminate();
	}
}
