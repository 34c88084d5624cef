import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		globalSetup: ['test/global-setup.ts'],
		// End-to-end tests start real processes and terminals: give them room on two cores.
		testTimeout: 30_000,
		hookTimeout: 30_000,
	},
});
