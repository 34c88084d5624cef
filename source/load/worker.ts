// The loader's thread: reads and checks the fact base (facts/) and prepares
// the rows to insert (rows.ts), posting them batch by batch to the thread
// that opened it, which inserts one batch while this thread prepares the next.
// It may boot before anyone knows what it will load (see loader-thread.ts):
// it waits for its orders.
import {parentPort} from 'node:worker_threads';
import {UserError} from '../errors.js';
import {checkFactBase} from '../facts/check.js';
import {batchesAhead, type LoaderMessage, type LoaderOrders} from './protocol.js';
import {insertBatches} from './rows.js';

const post = (message: LoaderMessage) => parentPort?.postMessage(message);

function load({paths, searchable, unconsumed}: LoaderOrders): void {
	const tradeRead = {bytes: 0};
	const counter = new Int32Array(unconsumed);
	try {
		for (const batch of insertBatches(checkFactBase({...paths, tradeRead}), {searchable})) {
			// Sleeps while the inserting thread is behind, rather than queue the whole file.
			for (let waiting = Atomics.load(counter, 0); waiting >= batchesAhead; waiting = Atomics.load(counter, 0)) Atomics.wait(counter, 0, waiting);
			Atomics.add(counter, 0, 1);
			post({...batch, bytesRead: tradeRead.bytes});
		}
		post({kind: 'done'});
	} catch (error) {
		const {message, stack} = error instanceof Error ? error : new Error(String(error));
		post({kind: 'failed', user: error instanceof UserError, message, stack});
	}
}

parentPort?.once('message', load);
