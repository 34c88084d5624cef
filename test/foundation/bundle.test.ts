// What the build puts together: the program kzrs ships is the one the tests
// run, down to the function that measures text.
import {readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import stringWidthAsInkImportsIt from 'string-width';
import {describe, expect, test} from 'vitest';
import {widthModule} from '../../scripts/shared-widths.mjs';
import {displayWidth} from '../../source/text/width.js';
import {repoRoot} from '../helpers/fact-base.js';

type Metafile = {inputs: Record<string, {imports: Array<{path: string; original?: string}>}>};

test('the bundle is ASCII, which the code cache decodes fastest, as latin1 (see source/code-cache.ts)', () => {
	const bundle = readFileSync(join(repoRoot, 'dist/kzrs.cjs'));
	const first = bundle.findIndex((byte) => byte > 0x7f);
	expect(first, bundle.subarray(Math.max(0, first - 60), first + 20).toString()).toBe(-1);
});

describe('one width function', () => {
	test('in the bundle, every import of string-width is kzrs’s width function, Ink’s and its helpers’ included', () => {
		const {inputs} = JSON.parse(readFileSync(join(repoRoot, 'dist/kzrs.meta.json'), 'utf8')) as Metafile;
		const width = relative(repoRoot, widthModule);
		const importers = Object.entries(inputs).flatMap(([file, {imports}]) =>
			imports.filter((item) => item.original === 'string-width').map((item) => ({file, path: item.path})),
		);
		expect(importers.map(({file}) => file).sort()).toEqual(
			expect.arrayContaining([
				'node_modules/cli-truncate/index.js',
				'node_modules/ink/build/output.js',
				'node_modules/widest-line/index.js',
				'node_modules/wrap-ansi/index.js',
			]),
		);
		for (const {file, path} of importers) expect(path, file).toBe(width);
		// string-width itself is not in the bundle: the width function requires it when text needs it.
		expect(Object.keys(inputs).filter((file) => file.includes('node_modules/string-width/'))).toEqual([]);
	});

	test('in the tests too', () => {
		expect(stringWidthAsInkImportsIt).toBe(displayWidth);
	});
});
