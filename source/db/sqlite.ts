// Starting sql.js: SQLite compiled to WebAssembly, its .wasm read from
// node_modules, never the network.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import type {default as InitSqlJs} from 'sql.js';
import type {SqlRuntime} from './row-writer.js';

let runtime: Promise<SqlRuntime> | undefined;

/** Starts sql.js once; called early (see warm-up.ts) so that it compiles while the rest of the program loads. */
export function initialiseSqlJs(): Promise<SqlRuntime> {
	runtime ??= new Promise((resolve, reject) => {
		const require = createRequire(import.meta.url);
		// Required, not imported: Node's import of a CommonJS package first scans
		// its source for export names.
		const initSqlJs = require('sql.js') as typeof InitSqlJs;
		const wasm = readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'));
		let memory: WebAssembly.Memory | undefined;
		initSqlJs({
			// Instantiated here to keep hold of its memory, which RowWriter writes rows into.
			instantiateWasm(imports, receive) {
				WebAssembly.instantiate(wasm, imports).then(({instance}) => {
					memory = Object.values(instance.exports).find((value) => value instanceof WebAssembly.Memory);
					receive(instance);
				}, reject);
				return {};
			},
		}).then(
			(SQL) => (memory ? resolve({SQL, memory}) : reject(new Error('sql.js gave no WebAssembly memory (was it initialised before kzrs started it?)'))),
			reject,
		);
	});
	return runtime;
}
