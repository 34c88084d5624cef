// Bundles source/cli.tsx into dist/cli.js: one tree-shaken production file
// starts several times faster than Ink's hundreds of modules loaded one by one.
//   node build.mjs                                   kzrs, its loader thread and the bench tools
//   node build.mjs --ink-program ENTRY OUTFILE       any Ink program, bundled the same way (the bench's floor)
import {build} from 'esbuild';
import {fileURLToPath} from 'node:url';

const stub = (name) => fileURLToPath(new URL(`scripts/stubs/${name}.js`, import.meta.url));

/** A Node program bundled into one ES module. */
const nodeProgram = {bundle: true, platform: 'node', format: 'esm', target: 'node20', legalComments: 'none', logLevel: 'warning'};

const inkProgram = (entry, outfile) => ({
	...nodeProgram,
	entryPoints: [entry],
	outfile,
	minifySyntax: true,
	define: {
		'process.env.NODE_ENV': '"production"',
		// Yoga's WebAssembly is inlined as a data: URL, which its loader fetches
		// when fetch exists: loading Node's fetch for that doubles Yoga's start
		// (about 20 ms of the first frame). Without it, the loader decodes the
		// bytes itself. kzrs makes no network requests.
		fetch: 'undefined',
	},
	alias: {
		// Ink imports the React DevTools bridge only in development.
		'react-devtools-core': stub('react-devtools-core'),
		// kzrs renders interactively only on a real terminal, where Ink's CI mode
		// (which draws nothing but the last frame) would leave a blank screen.
		'is-in-ci': stub('is-in-ci'),
	},
	banner: {
		// Bundled CommonJS (React) calls require(); give the ES module one.
		js: "import {createRequire as kzrsCreateRequire} from 'node:module'; const require = kzrsCreateRequire(import.meta.url);",
	},
});

const [flag, entry, outfile] = process.argv.slice(2);
if (flag === '--ink-program') {
	await build(inkProgram(entry, outfile));
} else {
	// sql.js stays a package: it finds its .wasm beside itself in node_modules.
	await build({...inkProgram('source/cli.tsx', 'dist/cli.js'), external: ['sql.js']});
	// The loader's worker thread (see source/open-database.ts): reading and checking only, no Ink, React or sql.js.
	await build({...nodeProgram, entryPoints: ['source/load-worker.ts'], outfile: 'dist/load-worker.js', minifySyntax: true});

	// The benchmark tools (scripts/gen-data.ts, bench/run.ts): plain Node programs.
	await build({...nodeProgram, entryPoints: {'gen-data': 'scripts/gen-data.ts', bench: 'bench/run.ts'}, outdir: 'dist'});
}
