// Every export, byte for byte, as kzrs wrote it before its panes became one
// definition each (commit 99f050b): each pane in CSV and JSON, filtered,
// sorted and reversed, from the shipped data and from a generated series.
import {createHash} from 'node:crypto';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {generateDataDir} from '../../scripts/trade-data.js';
import golden from '../fixtures/exports-99f050b.json' with {type: 'json'};
import {collector, runKzrs} from '../helpers/cli.js';
import {makeTempDir, removeTempDirs, shippedDataDir, shippedSeedsDir} from '../helpers/fact-base.js';

afterAll(removeTempDirs);

/** The digest of what `kzrs export` writes for these arguments. */
async function exportDigest(args: string[]): Promise<string> {
	const out = collector();
	const hash = createHash('sha256');
	const result = await runKzrs(['export', ...args], {stdout: out});
	expect(result.stderr).toBe('');
	expect(result.status).toBe(0);
	return hash.update(out.text()).digest('hex');
}

describe('from the shipped data', () => {
	test.each(Object.entries(golden.shipped))('export %s', async (args, digest) => {
		expect(await exportDigest(args.split(' '))).toBe(digest);
	});
});

describe(`from ${golden.generated.rows} generated trade rows`, () => {
	let dataDir: string;
	beforeAll(() => {
		dataDir = join(makeTempDir(), 'data');
		generateDataDir({rows: golden.generated.rows, seed: golden.generated.seed, out: dataDir, dataDir: shippedDataDir, seedsDir: shippedSeedsDir});
	});

	test.each(Object.entries(golden.generated.digests))('export %s', async (args, digest) => {
		expect(await exportDigest([...args.split(' '), '--data', dataDir])).toBe(digest);
	});
});
