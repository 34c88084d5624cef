// The way data flows, checked on the sources' imports: seeds and data are
// read and checked (facts/), loaded (load/) into the database, which only
// db/ and the panes' queries.ts speak SQL to; views/ read the database, the
// UI reads views, and the reducer imports nothing that does I/O.
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {describe, expect, test} from 'vitest';
import {repoRoot} from '../helpers/fact-base.js';

const sourceRoot = join(repoRoot, 'source');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
		entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
	);
}

type Import = {from: string; to: string; typeOnly: boolean};

/** Every import of a file: a module of kzrs by its path under source/, or a package by its name. */
function importsOf(file: string): Import[] {
	const text = readFileSync(file, 'utf8');
	const found: Import[] = [];
	const from = relative(sourceRoot, file);
	for (const match of text.matchAll(/^(import|export)\s+(type\s+)?[^'";]*?\bfrom\s+'([^']+)'|import\('([^']+)'\)|^import\s+'([^']+)'/gm)) {
		const specifier = match[3] ?? match[4] ?? match[5] ?? '';
		const local = specifier.startsWith('.');
		const to = local ? relative(sourceRoot, resolve(dirname(file), specifier)).replace(/\.js$/, '') : specifier;
		found.push({from, to, typeOnly: match[2] !== undefined});
	}
	return found;
}

const files = sourceFiles(sourceRoot);
const imports = files.flatMap(importsOf);
const within = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);
const queriesModule = /^panes\/[^/]+\/queries$/;

/** The imports from files matching `from` of modules matching `to`; type-only ones too unless `runtimeOnly`. */
function offending(from: (path: string) => boolean, to: (path: string) => boolean, runtimeOnly = false): string[] {
	return imports.filter((item) => from(item.from) && to(item.to) && !(runtimeOnly && item.typeOnly)).map((item) => `${item.from} → ${item.to}`);
}

describe('layers', () => {
	test('the files are found and read', () => {
		expect(files.length).toBeGreaterThan(40);
		expect(imports.some((item) => item.from === 'ui/app.tsx' && item.to === 'ink')).toBe(true);
	});

	test('the UI reads views, never the database or the loading', () => {
		expect(
			offending(
				(path) => within(path, 'ui'),
				(path) => within(path, 'db') || within(path, 'load') || queriesModule.test(path),
			),
		).toEqual([]);
	});

	test('views and the database never reach back into the UI', () => {
		expect(
			offending(
				(path) => within(path, 'views') || within(path, 'db') || within(path, 'load') || within(path, 'facts'),
				(path) => within(path, 'ui'),
			),
		).toEqual([]);
	});

	test('the database modules know nothing above them: no views, panes, loading or commands', () => {
		const above = (path: string) => ['views', 'panes', 'load', 'commands', 'cli', 'ui'].some((folder) => within(path, folder));
		expect(offending((path) => within(path, 'db'), above)).toEqual([]);
	});

	test('reading and checking the facts knows no database', () => {
		expect(
			offending(
				(path) => within(path, 'facts'),
				(path) => ['db', 'load', 'views', 'panes'].some((folder) => within(path, folder)),
			),
		).toEqual([]);
	});

	test("a pane's components draw what they are given: only its queries.ts reads the database", () => {
		expect(
			offending(
				(path) => within(path, 'panes') && path.endsWith('.tsx'),
				(path) => within(path, 'db') || queriesModule.test(path),
				true,
			),
		).toEqual([]);
	});

	test('the reducer, the keys and the layout are pure: no React, Ink, Node, database or views at run time', () => {
		const pure = ['ui/state.ts', 'ui/runtime.ts', 'ui/keys.ts', 'ui/layout.ts'];
		const impure = (path: string) =>
			['react', 'ink'].includes(path) || path.startsWith('node:') || ['db', 'load', 'views'].some((folder) => within(path, folder));
		expect(offending((path) => pure.includes(path), impure, true)).toEqual([]);
	});

	test('only source/bin.ts ends the process', () => {
		const exiting = files.filter((file) => /process\.exit(Code)?\b/.test(readFileSync(file, 'utf8'))).map((file) => relative(sourceRoot, file));
		expect(exiting).toEqual(['bin.ts']);
	});
});

test('only the database modules and the panes’ queries.ts hold SQL statements', () => {
	// A statement, not a word: SELECT … FROM, INSERT INTO, CREATE TABLE/INDEX/VIEW, UPDATE … SET, PRAGMA.
	const statement = /\bSELECT\b[^'`]*?\bFROM\b|\bINSERT INTO\b|\bCREATE (TABLE|INDEX|VIEW)\b|\bUPDATE \w+ SET\b|\bPRAGMA \w+/;
	const holding = files
		.filter((file) => {
			const path = relative(sourceRoot, file);
			if (within(path, 'db') || queriesModule.test(path.replace(/\.ts$/, ''))) return false;
			// The usage's examples of `kzrs sql` are text for the user, not statements kzrs runs.
			return readFileSync(file, 'utf8')
				.split('\n')
				.some((line) => !line.includes('$ kzrs sql') && statement.test(line));
		})
		.map((file) => relative(sourceRoot, file));
	expect(holding).toEqual([]);
});
