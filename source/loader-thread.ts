// Starting the loader's worker thread (source/load-worker.ts) as early as a
// process can. The thread takes about 50 ms to boot, and on a large fact base
// it is the slower half of loading, so every millisecond it starts earlier is
// one loading ends earlier: the `kzrs` command (source/bin.ts) starts it
// before it even reads the program, when `--data` is on the command line, and
// the program takes it over when it opens the database. The two are separate
// bundles, each with its own copy of this module, so the thread waits in a
// slot of the global symbol registry, which both share.
import {on} from 'node:events';
import {createRequire} from 'node:module';
import type {Worker} from 'node:worker_threads';
import type {LoaderData} from './loader-protocol.js';

export type Loader = {worker: Worker; counter: Int32Array; messages: AsyncIterableIterator<unknown[]>};

/**
 * The loader's young generation, in MB. Parsing a large file churns through
 * short-lived objects, and V8 would let the young generation grow to several
 * times this. Measured at 100,000 rows, six runs each: 8 MB loads as fast as
 * V8's default (median 0.93 s against 0.96 s) with a fifth less peak memory
 * (194 MB against 241 MB).
 */
const loaderYoungGeneration = 8;

const waiting = Symbol.for('kzrs.loader-thread');
const slot = globalThis as {[waiting]?: Loader};

/** Whether the command line names a fact base, which may be large enough for the thread. */
export const namesFactBase = (argv: readonly string[]) => argv.some((argument) => argument === '--data' || argument.startsWith('--data='));

export function startLoader(file: string): Loader {
	const unconsumed = new SharedArrayBuffer(4);
	// Required only here: a start without --data does without it.
	const {Worker} = createRequire(file)('node:worker_threads') as typeof import('node:worker_threads');
	const worker = new Worker(file, {
		workerData: {unconsumed} satisfies LoaderData,
		resourceLimits: {maxYoungGenerationSizeMb: loaderYoungGeneration},
	});
	// Listened to from its start: a message that comes before the load asks
	// for it is kept, and a thread that fails to start (its file missing, say)
	// fails the load rather than the process.
	const messages = on(worker, 'message', {close: ['exit']});
	return {worker, counter: new Int32Array(unconsumed), messages};
}

/**
 * Starts the thread now, to be taken over by takeLoader. It holds the process
 * open only once it is given something to load.
 */
export function prestartLoader(file: string): void {
	slot[waiting] ??= startLoader(file);
	slot[waiting].worker.unref();
}

/** The thread prestartLoader started, if any; each is taken once. */
export function takeLoader(): Loader | undefined {
	const loader = slot[waiting];
	delete slot[waiting];
	return loader;
}
