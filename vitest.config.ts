import {defineConfig} from 'vitest/config';
import {sharedWidth} from './scripts/shared-widths.mjs';

export default defineConfig({
	// Ink ships source maps that name sources it does not ship: loaded through
	// Vite (below), each of its modules would warn of it.
	logLevel: 'error',
	// The program's one width function, as the build has it (scripts/shared-widths.mjs).
	plugins: [{name: 'shared-widths', enforce: 'pre', resolveId: (source, importer) => sharedWidth(source, importer)}],
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		globalSetup: ['test/global-setup.ts'],
		server: {
			deps: {
				// Loaded through Vite, so that their imports of string-width resolve as in the build.
				inline: ['ink', 'widest-line', 'cli-truncate', 'wrap-ansi'],
			},
		},
		// Both cores, and the modules a file loads (Ink, React, sql.js) kept for
		// the next file: nearly half the suite's time was loading them again.
		// Tests keep no state of their own in modules they share.
		maxWorkers: 2,
		isolate: false,
		// End-to-end tests start real processes and terminals: give them room on two cores.
		testTimeout: 30_000,
		hookTimeout: 30_000,
	},
});
