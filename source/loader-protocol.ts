// What the loader's worker thread (load-worker.ts) and the thread that opens
// the database (open-database.ts) say to each other.
import type {InsertBatch} from './db/rows.js';
import type {FactPaths} from './facts/load.js';

export type LoaderData = {
	/** One Int32: batches posted and not yet inserted. */
	unconsumed: SharedArrayBuffer;
};

/** What to load: the thread may start before the arguments naming it are parsed. */
export type LoaderRequest = {paths: FactPaths};

export type LoaderMessage =
	| InsertBatch
	| {kind: 'done'}
	/** `user`: a UserError, reported as one line; otherwise a fault in kzrs, with its stack. */
	| {kind: 'failed'; user: boolean; message: string; stack?: string};

/** Batches the loader may post ahead of the inserts: enough to keep both threads busy, not a file's worth in the queue. */
export const batchesAhead = 8;
