#!/usr/bin/env node
// The kzrs command: runs the program bundle (dist/kzrs.cjs) with the code cache
// the build made for it (see code-cache.ts), on this process's streams, and
// ends with the status it gives. Built as CommonJS (dist/cli.cjs), where
// __dirname is dist/.
import {join} from 'node:path';
import {setFlagsFromString} from 'node:v8';
import {loadProgram} from './code-cache.js';
import {namesFactFolder, startLoaderThreadAhead} from './load/loader-thread.js';
import {publishProgramDigest} from './program-identity.js';

// V8's baseline WebAssembly compiler only. Its optimising tier re-compiles hot
// SQLite functions on background threads: on two cores that delays the first
// frame and holds up exit, while speeding up a full scan of 100,000 rows by
// only a few milliseconds. Set before anything is compiled: V8 accepts a code
// cache only under the flags it was made with.
setFlagsFromString('--liftoff-only');

process.title = 'kzrs';
const {stdin, stdout, stderr, env} = process;

/** How a fault is worded until the program is loaded, when it can only be that loading it failed. */
let faultReport = (error: unknown, _env: NodeJS.ProcessEnv) => `kzrs: cannot start: ${String(error)} (build or install kzrs again)\n`;
/** A fault that run() could not report (an error no code was waiting for): one line, and exit 1. */
function fail(error: unknown): void {
	stderr.write(faultReport(error, env));
	process.exit(1);
}
process.on('uncaughtException', fail);
// Nothing is left to report a failure of standard error on; the exit status still tells.
stderr.on('error', () => {});

// A fact base given with --data may be large enough for the loader thread
// (see load/open.ts): it boots on the other core while the program loads.
if (namesFactFolder(process.argv.slice(2))) startLoaderThreadAhead(join(__dirname, 'load-worker.js'));

try {
	const program = loadProgram(join(__dirname, 'kzrs.cjs'), join(__dirname, 'kzrs.cjs.cache'));
	publishProgramDigest(program.digest);
	// The build runs kzrs once with this set, to make the cache.
	if (env.KZRS_SAVE_CODE_CACHE === '1') process.once('exit', () => program.saveCache());
	const exports = program.run() as typeof import('./program.js');
	faultReport = exports.faultReport;
	exports.run(process.argv.slice(2), {stdin, stdout, stderr, env, cwd: process.cwd()}).then((status) => {
		process.exitCode = status;
	}, fail);
} catch (error) {
	fail(error);
}
