// Running the bundled program with V8's code cache: the bytecode of every
// function the program ran while the cache was made, saved by the build, so a
// start compiles almost nothing (about 25 ms of the first frame). Node 20 can
// cache only classic scripts, hence a CommonJS bundle run through node:vm.
//
// V8 checks a cache against its own version and flags and the source's length,
// not its content, so the cache begins with a digest of the source it was made
// from and is used only for that source. A cache V8 rejects costs nothing but
// the compiling it would have saved.
import {isAscii} from 'node:buffer';
import {createHash} from 'node:crypto';
import {readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import Module, {createRequire} from 'node:module';
import {dirname} from 'node:path';
import {cachedDataVersionTag} from 'node:v8';
import {Script} from 'node:vm';

const digestOf = (bytes: Buffer) => createHash('sha1').update(bytes).digest();
const digestLength = 20;

export type CachedProgram = {
	/** Whether a cache for this source was found and V8 took it. */
	readonly cacheUsed: boolean;
	/** Runs the program as Node runs a CommonJS module. */
	run(): void;
	/** Saves the code compiled so far as the cache of this source, atomically. */
	saveCache(): void;
};

export function loadProgram(file: string, cacheFile: string): CachedProgram {
	const versionTag = cachedDataVersionTag();
	const bytes = readFileSync(file);
	const digest = digestOf(bytes);
	let cachedData: Buffer | undefined;
	try {
		const cache = readFileSync(cacheFile);
		if (cache.subarray(0, digestLength).equals(digest)) cachedData = cache.subarray(digestLength);
	} catch {
		// No cache yet: compile as usual.
	}
	// esbuild writes ASCII, which decodes fastest as latin1.
	const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8').replace(/^#!/, '//');
	const script = new Script(Module.wrap(source), {filename: file, cachedData});
	return {
		cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
		run() {
			const program = {exports: {}};
			script.runInThisContext()(program.exports, createRequire(file), program, file, dirname(file));
		},
		saveCache() {
			// V8 would reject a cache made under other flags than the program was loaded with.
			if (cachedDataVersionTag() !== versionTag) throw new Error('V8 flags changed while the program ran: no code cache saved');
			const temporary = `${cacheFile}.${process.pid}.tmp`;
			try {
				writeFileSync(temporary, Buffer.concat([digest, script.createCachedData()]));
				renameSync(temporary, cacheFile);
			} finally {
				rmSync(temporary, {force: true});
			}
		},
	};
}
