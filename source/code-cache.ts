// Running the bundled program with V8's code cache: the bytecode of every
// function the program ran while the cache was made, saved by the build, so a
// start compiles almost nothing (see BENCHMARKS.md). Node 20 can
// cache only classic scripts, hence a CommonJS bundle run through node:vm.
//
// V8 checks a cache against its own version and flags and the source's length,
// but neither the source's content nor, in Node's release builds, the cache's
// own: a cache of another source, or a damaged one, would run wrong code or
// crash. So the cache begins with a digest of the source it was made from (and
// the Node it was made by) and one of itself, and is used only when both
// match. A cache V8 rejects costs nothing but the compiling it would have saved.
import {isAscii} from 'node:buffer';
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import Module, {createRequire} from 'node:module';
import {dirname} from 'node:path';
import {cachedDataVersionTag} from 'node:v8';
import {Script} from 'node:vm';
import {replaceFile} from './replace-file.js';

const digestOf = (...parts: Array<string | Buffer>) => {
	const hash = createHash('sha1');
	for (const part of parts) hash.update(part);
	return hash.digest();
};
const digestLength = 20;

export type CachedProgram = {
	/** A digest of the program's source and of the Node running it. */
	readonly digest: Buffer;
	/** Whether a cache for this source was found and V8 took it. */
	readonly cacheUsed: boolean;
	/** Runs the program as Node runs a CommonJS module; gives its exports. */
	run(): unknown;
	/** Saves the code compiled so far as the cache of this source, atomically. */
	saveCache(): void;
};

export function loadProgram(file: string, cacheFile: string): CachedProgram {
	const versionTag = cachedDataVersionTag();
	const bytes = readFileSync(file);
	const sourceDigest = digestOf(process.version, process.arch, bytes);
	let cachedData: Buffer | undefined;
	try {
		const cache = readFileSync(cacheFile);
		const data = cache.subarray(2 * digestLength);
		const madeFromThisSource = cache.subarray(0, digestLength).equals(sourceDigest);
		if (madeFromThisSource && cache.subarray(digestLength, 2 * digestLength).equals(digestOf(data))) cachedData = data;
	} catch {
		// No cache yet: compile as usual.
	}
	// esbuild writes ASCII, which decodes fastest as latin1.
	const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8').replace(/^#!/, '//');
	const script = new Script(Module.wrap(source), {filename: file, cachedData});
	return {
		digest: sourceDigest,
		cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
		run() {
			const program = {exports: {}};
			script.runInThisContext()(program.exports, createRequire(file), program, file, dirname(file));
			return program.exports;
		},
		saveCache() {
			// V8 would reject a cache made under other flags than the program was loaded with.
			if (cachedDataVersionTag() !== versionTag) throw new Error('V8 flags changed while the program ran: no code cache saved');
			const data = script.createCachedData();
			replaceFile(cacheFile, Buffer.concat([sourceDigest, digestOf(data), data]));
		},
	};
}
