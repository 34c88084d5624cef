// Builds kzrs into dist/: one tree-shaken production bundle starts several
// times faster than Ink's hundreds of modules loaded one by one.
//   dist/cli.cjs        the kzrs command (source/bin.ts): runs dist/kzrs.cjs with its code cache
//   dist/kzrs.cjs       the program (source/program.ts and all it imports but sql.js), as CommonJS
//   dist/kzrs.meta.json what the bundle holds, from where (esbuild's metafile)
//   dist/kzrs.cjs.cache V8's code cache for it, made by running kzrs once (source/code-cache.ts)
//   dist/facts.prebuilt the shipped fact base's database, saved by `kzrs check` (source/load/image.ts)
//   dist/load-worker.js the loader's worker thread
//   dist/bench.js, dist/gen-data.js   the benchmark tools
//   node build.mjs --ink-program ENTRY OUTFILE   any Ink program bundled as an ES module (the bench's floor)
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {sharedWidth} from './scripts/shared-widths.mjs';

const local = (path) => fileURLToPath(new URL(path, import.meta.url));
const stub = (name) => local(`scripts/stubs/${name}.js`);
// Paths below are the repository's, wherever the build is started from
// (esbuild is told so too: it took its working directory when imported).
process.chdir(local('.'));

/** A Node program bundled into one ES module. */
const nodeProgram = {bundle: true, platform: 'node', format: 'esm', target: 'node20', legalComments: 'none', logLevel: 'warning', absWorkingDir: local('.')};

/** A bundled Ink program in production mode. */
const inkBundle = {
	...nodeProgram,
	minifySyntax: true,
	define: {'process.env.NODE_ENV': '"production"'},
	alias: {
		// Ink imports the React DevTools bridge only in development.
		'react-devtools-core': stub('react-devtools-core'),
		// kzrs renders interactively only on a real terminal, where Ink's CI mode
		// (which draws nothing but the last frame) would leave a blank screen.
		'is-in-ci': stub('is-in-ci'),
		'terminal-size': stub('terminal-size'),
	},
};

/**
 * V8 caches code only for classic scripts, so kzrs is a CommonJS bundle, which
 * cannot hold a top-level await. Ink's dependencies have two:
 * - yoga-layout awaits its WebAssembly. It is instantiated synchronously here
 *   instead, from the same bytes.
 * - Ink's reconciler awaits its development tools, only when DEV=true, which
 *   this production bundle never loads.
 * Both are pinned to exact versions in package.json, and should their code
 * differ from what these edits expect, the build (which npm test runs first)
 * stops rather than ship it unchecked. The code cache is worth about a tenth
 * of the first frame (see BENCHMARKS.md).
 */
const withoutTopLevelAwait = {
	name: 'without-top-level-await',
	setup(builder) {
		const yoga = local('node_modules/yoga-layout/dist/');
		const wasmDataUrl = /"data:application\/octet-stream;base64,[A-Za-z0-9+/=]+"/;
		// What the module below stands in for; a Yoga that starts otherwise stops the build.
		if (!readFileSync(`${yoga}src/index.js`, 'utf8').includes('wrapAssembly(await loadYoga())')) {
			throw new Error('yoga-layout no longer starts as withoutTopLevelAwait in build.mjs expects');
		}
		builder.onResolve({filter: /^yoga-layout$/}, () => ({path: 'yoga-layout', namespace: 'synchronous-yoga'}));
		builder.onLoad({filter: /.*/, namespace: 'synchronous-yoga'}, () => ({
			resolveDir: yoga,
			contents: `
				import loadYoga, {wasmDataUrl} from './binaries/yoga-wasm-base64-esm.js';
				import wrapAssembly from './src/wrapAssembly.js';
				const bytes = Buffer.from(wasmDataUrl.slice(wasmDataUrl.indexOf(',') + 1), 'base64');
				const instance = {
					instantiateWasm(imports, receiveInstance) {
						receiveInstance(new WebAssembly.Instance(new WebAssembly.Module(bytes), imports));
						return {};
					},
				};
				loadYoga(instance);
				if (!instance.calledRun) throw new Error('Yoga did not start synchronously');
				export default wrapAssembly(instance);
				export * from './src/generated/YGEnums.js';
			`,
		}));
		// The loader keeps its bytes in a local variable: export them for the above.
		builder.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, ({path}) => {
			const source = readFileSync(path, 'utf8');
			const [dataUrl] = source.match(wasmDataUrl) ?? [];
			if (dataUrl === undefined) throw new Error(`${path}: no inlined WebAssembly found`);
			return {contents: `${source.replace(dataUrl, 'wasmDataUrl')}\nexport const wasmDataUrl = ${dataUrl};\n`, loader: 'js'};
		});
		builder.onLoad({filter: /ink[\\/]build[\\/]reconciler\.js$/}, ({path}) => ({
			contents: edited(path, 'withoutTopLevelAwait', [
				// DEV=true connects nothing: the bundle has no React DevTools.
				["await import('./devtools.js');", ';'],
				['? await loadPackageJson()', '? {name: undefined, version: undefined}'],
			]),
			loader: 'js',
		}));
	},
};

/** Every import of string-width resolves to kzrs's width function (see scripts/shared-widths.mjs). */
const sharedWidths = {
	name: 'shared-widths',
	setup(builder) {
		builder.onResolve({filter: /^string-width$/}, ({path, importer}) => {
			const shared = sharedWidth(path, importer);
			return shared === undefined ? undefined : {path: shared};
		});
	},
};

/** A dependency's module with each edit made: one whose text is gone stops the build, naming the plugin that explains it. */
function edited(path, plugin, edits) {
	let source = readFileSync(path, 'utf8');
	for (const [from, to] of edits) {
		if (!source.includes(from)) throw new Error(`${path}: expected \`${from}\`; see ${plugin} in build.mjs`);
		source = source.replace(from, to);
	}
	return source;
}

const [flag, entry, outfile] = process.argv.slice(2);
if (flag === '--ink-program') {
	await build({
		...inkBundle,
		entryPoints: [entry],
		outfile,
		define: {
			...inkBundle.define,
			// Yoga's WebAssembly is inlined as a data: URL, which its loader fetches
			// when fetch exists: loading Node's fetch for that doubles Yoga's start.
			// Without it, the loader decodes the bytes itself.
			fetch: 'undefined',
		},
		// Bundled CommonJS (React) calls require(); give the ES module one.
		banner: {js: "import {createRequire as kzrsCreateRequire} from 'node:module'; const require = kzrsCreateRequire(import.meta.url);"},
	});
} else {
	const program = await build({
		...inkBundle,
		format: 'cjs',
		entryPoints: ['source/program.ts'],
		outfile: 'dist/kzrs.cjs',
		// sql.js stays a package: it finds its .wasm beside itself in node_modules.
		external: ['sql.js'],
		define: {...inkBundle.define, 'import.meta': 'kzrsImportMeta'},
		// First, so that the bundle stays strict: a directive only counts at the top.
		banner: {js: "'use strict';\nvar kzrsImportMeta = {url: require('node:url').pathToFileURL(__filename).href};"},
		plugins: [withoutTopLevelAwait, sharedWidths],
		metafile: true,
	});
	// What went into the bundle, from where: test/foundation/bundle.test.ts reads it.
	writeFileSync('dist/kzrs.meta.json', JSON.stringify(program.metafile));
	await build({...nodeProgram, format: 'cjs', entryPoints: ['source/bin.ts'], outfile: 'dist/cli.cjs'});
	// The loader's worker thread (see source/load/open.ts): reading and checking only, no Ink, React or sql.js.
	await build({...nodeProgram, entryPoints: ['source/load/worker.ts'], outfile: 'dist/load-worker.js', minifySyntax: true});
	// The benchmark tools (scripts/gen-data.ts, bench/run.ts): plain Node programs.
	await build({...nodeProgram, entryPoints: {'gen-data': 'scripts/gen-data.ts', bench: 'bench/run.ts'}, outdir: 'dist'});

	// Two runs of the built kzrs. A run that crashes means a broken program and
	// stops the build; shipped data kzrs rejects (exit 2) does not, so that
	// `kzrs check` and the tests can say what is wrong with it.
	const runKzrs = (args, env, made) => {
		rmSync(made, {force: true});
		const run = spawnSync(process.execPath, ['dist/cli.cjs', ...args], {
			env: {...process.env, ...env},
			stdio: ['ignore', 'ignore', 'pipe'],
			encoding: 'utf8',
			timeout: 60_000,
		});
		const problem = `running the built kzrs ${run.error ? `failed: ${run.error.message}` : `exited with ${run.status ?? run.signal}`}:\n${run.stderr}`;
		if (run.status === 2) console.warn(`build: ${problem}`);
		else if (run.status !== 0 || !existsSync(made)) {
			console.error(`build: ${problem}`);
			process.exit(1);
		}
	};
	// The shipped fact base's database: `kzrs check` saves the one it checked (source/load/image.ts).
	runKzrs(['check'], {KZRS_SAVE_PREBUILT: '1'}, 'dist/facts.prebuilt');
	// The code cache: kzrs printing its snapshot of the shipped data, from that
	// database, saves the compiled code of all it ran.
	runKzrs([], {KZRS_SAVE_CODE_CACHE: '1'}, 'dist/kzrs.cjs.cache');
}
