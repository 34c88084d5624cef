import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		globalSetup: ['test/global-setup.ts'],
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
