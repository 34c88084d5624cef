// The program runs from its code cache only when the cache was made from
// exactly its source, and runs all the same without one. Each start is its own
// Node process, as a user's is: within one process V8 reuses what it compiled
// and never reads the cache.
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {buildSync} from 'esbuild';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {makeTempDir, removeTempDirs, repoRoot} from '../helpers/fact-base.js';

afterAll(removeTempDirs);

const sha1 = (bytes: Buffer) => createHash('sha1').update(bytes).digest();
/** What a cache of `file` begins with: a digest of the Node that made it and of the file, then one of the rest. */
const expectedHeader = (file: string, cache: Buffer) =>
	Buffer.concat([createHash('sha1').update(process.version).update(process.arch).update(readFileSync(file)).digest(), sha1(cache.subarray(40))]);

/** source/code-cache.ts as a CommonJS file a plain `node` can load. */
let loader: string;
beforeAll(() => {
	loader = join(makeTempDir(), 'code-cache.cjs');
	buildSync({entryPoints: [join(repoRoot, 'source/code-cache.ts')], outfile: loader, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning'});
});

type Ran = {value: number; file: string; directory: string; joined: string};

/** A CommonJS program that reports what it saw; `value` keeps the source's length whatever its digit. */
function writeProgram(file: string, value: number): void {
	writeFileSync(
		file,
		`#!/usr/bin/env node
function report(value) {
	globalThis.kzrsCodeCacheTest = {value, file: __filename, directory: __dirname, joined: require('node:path').join('a', 'b')};
}
report(${value});
`,
	);
}

/** A program in its own directory, with the name its cache would have. */
function newProgram(value: number) {
	const dir = makeTempDir();
	const file = join(dir, 'program.cjs');
	writeProgram(file, value);
	return {dir, file, cacheFile: `${file}.cache`};
}

/** Starts `file` in a new Node process through loadProgram, saving its cache afterwards when asked. */
function runProgram(file: string, cacheFile: string, {save = false} = {}): {cacheUsed: boolean; ran: Ran} {
	const script = `
		const program = require(${JSON.stringify(loader)}).loadProgram(${JSON.stringify(file)}, ${JSON.stringify(cacheFile)});
		program.run();
		if (${save}) program.saveCache();
		console.log(JSON.stringify({cacheUsed: program.cacheUsed, ran: globalThis.kzrsCodeCacheTest}));`;
	const child = spawnSync(process.execPath, ['-e', script], {encoding: 'utf8'});
	expect(child.stderr).toBe('');
	return JSON.parse(child.stdout);
}

describe('loadProgram', () => {
	test('runs a program without a cache, as Node runs a CommonJS module, and the cache it saves is used next time', () => {
		const {dir, file, cacheFile} = newProgram(1);
		const first = runProgram(file, cacheFile, {save: true});
		expect(first.cacheUsed).toBe(false);
		expect(first.ran).toEqual({value: 1, file, directory: dir, joined: join('a', 'b')});
		const cache = readFileSync(cacheFile);
		expect(cache.subarray(0, 40)).toEqual(expectedHeader(file, cache));
		expect(cache.length).toBeGreaterThan(40);

		const second = runProgram(file, cacheFile);
		expect(second.cacheUsed).toBe(true);
		expect(second.ran.value).toBe(1);
	});

	test('does not use a cache made from another source, even one of the same length', () => {
		const {file, cacheFile} = newProgram(1);
		runProgram(file, cacheFile, {save: true});
		const before = statSync(file).size;

		writeProgram(file, 2);
		expect(statSync(file).size).toBe(before);
		const edited = runProgram(file, cacheFile);
		expect(edited.cacheUsed).toBe(false);
		expect(edited.ran.value).toBe(2);
	});

	test('runs the program, and does not crash, when its cache is damaged anywhere', () => {
		const {file, cacheFile} = newProgram(3);
		runProgram(file, cacheFile, {save: true});
		const cache = readFileSync(cacheFile);
		// V8 itself checks the header of its own data, not what follows.
		for (const offset of [45, Math.floor((cache.length + 40) / 2), cache.length - 8]) {
			const damaged = Buffer.from(cache);
			damaged.fill(0x5a, offset, offset + 8);
			writeFileSync(cacheFile, damaged);
			const started = runProgram(file, cacheFile);
			expect(started.cacheUsed, `damaged at ${offset}`).toBe(false);
			expect(started.ran.value).toBe(3);
		}
	});
});

test('the build made a code cache of the bundle it built', () => {
	const bundle = join(repoRoot, 'dist', 'kzrs.cjs');
	const cacheFile = `${bundle}.cache`;
	expect(existsSync(cacheFile)).toBe(true);
	const cache = readFileSync(cacheFile);
	expect(cache.subarray(0, 40)).toEqual(expectedHeader(bundle, cache));
	// The compiled code of a whole run of the dashboard's snapshot, not an empty shell.
	expect(cache.length).toBeGreaterThan(200_000);
});
