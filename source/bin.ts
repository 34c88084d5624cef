#!/usr/bin/env node
// The kzrs command: runs the program bundle (dist/kzrs.cjs) with the code cache
// the build made for it (see code-cache.ts). Built as CommonJS (dist/cli.cjs),
// where __dirname is dist/.
import {join} from 'node:path';
import {setFlagsFromString} from 'node:v8';
import {loadProgram} from './code-cache.js';
import {namesFactBase, prestartLoader} from './loader-thread.js';
import {publishProgramDigest} from './program-identity.js';

// V8's baseline WebAssembly compiler only. Its optimising tier re-compiles hot
// SQLite functions on background threads: on two cores that delays the first
// frame (by about 60 ms here), slows loading a large fact base by a quarter,
// and holds up exit, while speeding up a full scan of 100,000 rows by only a
// few milliseconds. Set before anything is compiled: V8 accepts a code cache
// only under the flags it was made with.
setFlagsFromString('--liftoff-only');

// The loader's thread boots while the program is read (see loader-thread.ts).
// Its file is paths.ts's loaderFile, which this CommonJS bundle finds beside itself.
if (namesFactBase(process.argv)) prestartLoader(join(__dirname, 'load-worker.js'));

const program = loadProgram(join(__dirname, 'kzrs.cjs'), join(__dirname, 'kzrs.cjs.cache'));
publishProgramDigest(program.digest);
// The build runs kzrs once with this set, to make the cache.
if (process.env.KZRS_SAVE_CODE_CACHE === '1') process.once('exit', () => program.saveCache());
program.run();
