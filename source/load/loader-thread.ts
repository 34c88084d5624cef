// The loader's worker thread (worker.ts), started as early as it can be: the
// kzrs command starts it before it loads the program whenever a fact base is
// given with --data, so that the thread boots on the other core while the
// program loads; loading then takes it and sends it its orders. The command
// and the program are separate bundles; the global symbol registry is what
// they share (as in program-identity.ts).
import type {Worker} from 'node:worker_threads';

const slot = Symbol.for('kzrs.loader-thread');
const registry = globalThis as {[slot]?: Worker};

/**
 * The loader's young generation, in MB. Parsing a large file churns through
 * short-lived objects, and V8 would let the young generation grow to several
 * times this, for no speed and more peak memory (see BENCHMARKS.md).
 */
const loaderYoungGeneration = 8;

function startLoaderThread(file: string): Worker {
	// Not imported: the dashboard on a small fact base starts without it.
	const {Worker} = process.getBuiltinModule('node:worker_threads');
	const worker = new Worker(file, {resourceLimits: {maxYoungGenerationSizeMb: loaderYoungGeneration}});
	// It holds the process open only once its batches are asked for: if kzrs ends before, it still exits.
	worker.unref();
	return worker;
}

/** Whether a command line names a fact base folder (--data), which may be large enough for the loader thread. */
export const namesFactFolder = (argv: readonly string[]): boolean => argv.some((argument) => argument === '--data' || argument.startsWith('--data='));

/** Starts the loader thread for loading to take later. */
export function startLoaderThreadAhead(file: string): Worker {
	const worker = startLoaderThread(file);
	// A thread that fails to start before it is taken is not the process's failure:
	registry[slot] = worker;
	worker.on('error', () => {});
	// and once it has ended, loading starts another, whose failure it hears.
	worker.once('exit', () => {
		if (registry[slot] === worker) registry[slot] = undefined;
	});
	return worker;
}

/** The thread started ahead (by the kzrs command, of the same file), if any and still running, taken once; or a new one. */
export function takeLoaderThread(file: string): Worker {
	const ahead = registry[slot];
	registry[slot] = undefined;
	return ahead ?? startLoaderThread(file);
}

/** Stops the thread started ahead, if any, when loading will not take it. */
export function stopLoaderThreadAhead(): void {
	void registry[slot]?.terminate();
	registry[slot] = undefined;
}
