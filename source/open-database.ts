// Opening the fact base. A large one is read, checked and turned into rows by
// a worker thread (source/load-worker.ts) while this thread inserts them into
// sql.js, so the two halves of loading run on two cores; a small one loads
// faster here, in one thread.
import {statSync} from 'node:fs';
import {join} from 'node:path';
import {FactDatabase} from './db/database.js';
import {type InsertBatch, insertBatches} from './db/rows.js';
import {UserError} from './errors.js';
import {type FactPaths, loadFactBase} from './facts/load.js';
import type {LoaderMessage, LoaderRequest} from './loader-protocol.js';
import {type Loader, startLoader, takeLoader} from './loader-thread.js';
import {loaderFile} from './paths.js';
import {readPrebuilt} from './prebuilt.js';

/**
 * From this size of trade.json on (about 13,000 figures), the loader thread
 * pays for its start. Measured on two cores, median of five, one thread
 * against two: 4.9 MB 0.32 s either way, 9.7 MB 0.44 s against 0.38 s,
 * 49 MB 1.38 s against 0.97 s, with the same peak memory.
 */
export const workerThreshold = 6 * 1024 * 1024;

function tradeFileSize({dataDir}: FactPaths): number {
	try {
		return statSync(join(dataDir, 'trade.json')).size;
	} catch {
		// Missing or unreadable: the loader says so, in its words.
		return 0;
	}
}

/** `prebuilt: false` loads even a fact base the build saved the database of (see prebuilt.ts): `kzrs check` checks. */
export function openDatabase(paths: FactPaths, {prebuilt = true} = {}): Promise<FactDatabase> {
	const loader = takeLoader();
	if (tradeFileSize(paths) >= workerThreshold) {
		const active = loader ?? startLoader(loaderFile);
		// Told at once, it reads while sql.js finishes starting here.
		active.worker.postMessage({paths} satisfies LoaderRequest);
		return FactDatabase.open(receive(active));
	}
	void loader?.worker.terminate();
	const image = prebuilt ? readPrebuilt(paths) : undefined;
	return image ? FactDatabase.fromImage(image) : FactDatabase.open(loadInThisThread(paths));
}

/** The fact base's batches, read, checked and prepared in this thread as they are asked for. */
export function* loadInThisThread(paths: FactPaths): Generator<InsertBatch> {
	yield* insertBatches(loadFactBase(paths));
}

/** The loader thread's batches, as it posts them. */
async function* receive({worker, counter, messages}: Loader): AsyncGenerator<InsertBatch> {
	// Only now does the thread hold the process open: if opening fails before
	// the first batch is asked for, kzrs still exits.
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
