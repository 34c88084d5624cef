// The loader's thread: reads and checks the fact base (facts/) and prepares
// the rows to insert (db/rows.ts), posting them batch by batch to the main
// thread, which inserts one batch while this thread prepares the next.
import {parentPort, workerData} from 'node:worker_threads';
import {insertBatches} from './db/rows.js';
import {UserError} from './errors.js';
import {type FactPaths, loadFactBase} from './facts/load.js';
import {batchesAhead, type LoaderData, type LoaderMessage, type LoaderRequest} from './loader-protocol.js';

const {unconsumed} = workerData as LoaderData;
const counter = new Int32Array(unconsumed);
const post = (message: LoaderMessage) => parentPort?.postMessage(message);

function load(paths: FactPaths): void {
	try {
		for (const batch of insertBatches(loadFactBase(paths))) {
			// Sleeps while the main thread is behind, rather than queue the whole file.
			for (let waiting = Atomics.load(counter, 0); waiting >= batchesAhead; waiting = Atomics.load(counter, 0)) Atomics.wait(counter, 0, waiting);
			Atomics.add(counter, 0, 1);
			post(batch);
		}
		post({kind: 'done'});
	} catch (error) {
		const {message, stack} = error instanceof Error ? error : new Error(String(error));
		post({kind: 'failed', user: error instanceof UserError, message, stack});
	}
}

parentPort?.once('message', ({paths}: LoaderRequest) => load(paths));
