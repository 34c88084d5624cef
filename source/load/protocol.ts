// What the loader's worker thread (worker.ts) and the thread that opens the
// database (open.ts) say to each other.
import type {InsertBatch} from '../db/database.js';
import type {FactPaths} from '../facts/check.js';

/** What the loader thread is to load: the first message it receives. */
export type LoaderOrders = {
	paths: FactPaths;
	searchable: boolean;
	/** One Int32: batches posted and not yet inserted. */
	unconsumed: SharedArrayBuffer;
};

export type LoaderMessage =
	/** `bytesRead`: of trade.json, when the batch was posted. */
	| (InsertBatch & {bytesRead: number})
	| {kind: 'done'}
	/** `user`: a UserError, reported as one line; otherwise a fault in kzrs, with its stack. */
	| {kind: 'failed'; user: boolean; message: string; stack?: string};

/** Batches the loader may post ahead of the inserts: enough to keep both threads busy, not a file's worth in the queue. */
export const batchesAhead = 8;
