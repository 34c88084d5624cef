// Bundles source/cli.tsx into dist/cli.js: one tree-shaken production file
// starts several times faster than Ink's hundreds of modules loaded one by one.
import {build} from 'esbuild';
import {fileURLToPath} from 'node:url';

const stub = (name) => fileURLToPath(new URL(`scripts/stubs/${name}.js`, import.meta.url));

await build({
	entryPoints: ['source/cli.tsx'],
	outfile: 'dist/cli.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minifySyntax: true,
	legalComments: 'none',
	// sql.js stays a package: it finds its .wasm beside itself in node_modules.
	external: ['sql.js'],
	define: {'process.env.NODE_ENV': '"production"'},
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
	logLevel: 'warning',
});

// The benchmark tools (scripts/gen-data.ts, bench/run.ts): plain Node programs.
await build({
	entryPoints: {'gen-data': 'scripts/gen-data.ts', bench: 'bench/run.ts'},
	outdir: 'dist',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	legalComments: 'none',
	// The bench bundles its Ink fixture with esbuild at run time, from node_modules.
	external: ['esbuild'],
	logLevel: 'warning',
});
