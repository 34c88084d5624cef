// `kzrs sql "…"`: a read-only query on the loaded database, printed as an
// aligned table (by display width), CSV or JSON as its rows come; SQLite's
// own message on a bad query; and no control character from a query ever
// reaching the terminal.
import {spawn, spawnSync} from 'node:child_process';
import {once} from 'node:events';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {afterAll, describe, expect, test} from 'vitest';
import {cliPath, collector, failingOutput, runKzrs, userErrorLine} from '../helpers/cli.js';
import {expectedCsvRows, parseWithCsvParse} from '../helpers/csv.js';
import {byId, copyFactBase, factBaseArgs, listDir, makeTempDir, readData, removeTempDirs, repoRoot, writeData} from '../helpers/fact-base.js';

const trade = readData('trade');

afterAll(removeTempDirs);
const escapeCharacter = '\u001b';

/** Runs a query that must succeed and gives its standard output. */
async function sql(query: string, format?: 'table' | 'csv' | 'json'): Promise<string> {
	const result = await runKzrs(['sql', query, ...(format ? ['--format', format] : [])]);
	expect(result.stderr).toBe('');
	expect(result.status).toBe(0);
	return result.stdout;
}

/** Splits a table into header, rule, rows and the closing row count. */
function tableParts(output: string) {
	const lines = output.trimEnd().split('\n');
	return {header: lines[0] ?? '', rule: lines[1] ?? '', rows: lines.slice(2, -1), footer: lines.at(-1)};
}

/** The display column where each line's `marker` starts. */
const columnOf = (line: string, marker: string) => stringWidth(line.slice(0, line.lastIndexOf(marker)));

describe('table format', () => {
	test('Cyrillic quotes line up by display width', async () => {
		const s001 = readData('events')
			.flatMap((event) => event.citations)
			.filter((citation) => citation.source === 's001')
			.map((citation) => citation.quote);
		const output = await sql("SELECT quote, source_id FROM citations WHERE source_id = 's001' AND fact_table = 'events' ORDER BY fact_id, ordinal LIMIT 2");
		const {header, rule, rows, footer} = tableParts(output);
		expect(footer).toBe('(2 rows)');
		expect(rows).toHaveLength(2);
		// The rule is as wide as the widest quote, and the second column starts two columns after it.
		const [quoteRule] = rule.split('  ');
		const widest = Math.max(...rows.map((row) => stringWidth(row.slice(0, row.lastIndexOf('s001')).trimEnd())));
		expect(stringWidth(quoteRule ?? '')).toBe(widest);
		expect(columnOf(header, 'source_id')).toBe(widest + 2);
		for (const row of rows) {
			expect(columnOf(row, 's001')).toBe(widest + 2);
			expect(s001).toContain(row.slice(0, row.lastIndexOf('s001')).trimEnd());
		}
	});

	test('wide and combining characters line up too', async () => {
		// "Vučić" with combining carons and acute (7 code points, 5 columns), two wide CJK characters, Cyrillic.
		const output = await sql("SELECT 'Vuc\u030Cic\u0301' AS name, 'x' AS next UNION ALL SELECT '東京', 'x' UNION ALL SELECT 'Вучић', 'x'");
		const {header, rule, rows} = tableParts(output);
		const starts = [header, ...rows].map((line, index) => columnOf(line, index === 0 ? 'next' : 'x'));
		expect(new Set(starts).size).toBe(1);
		expect(starts[0]).toBe(stringWidth(rule.split('  ')[0] ?? '') + 2);
	});

	test('a cell with line breaks stays on one line', async () => {
		const output = await sql("SELECT 'first' || char(10) || 'second' AS cell");
		const {rows, footer} = tableParts(output);
		expect(rows).toEqual(['first second']);
		expect(footer).toBe('(1 row)');
	});

	test('a query with no rows says so', async () => {
		expect(await sql('SELECT id FROM trade WHERE 0')).toMatch(/^(.*\n)*\((no|0) rows\)\n$/);
	});
});

describe('rows are written as they come', () => {
	const endless = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x FROM c';
	const counting = (rows: number) => `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT ${rows}) SELECT x FROM c`;

	test.each([
		['table', 'x\n───\n1\n2\n'],
		['csv', 'x\r\n1\r\n2\r\n'],
		['json', '[\n{"x":1},\n{"x":2},\n'],
	])('an endless query writes until its reader goes away: %s', async (format, start) => {
		const stdout = failingOutput('EPIPE', 1 << 20);
		const result = await runKzrs(['sql', endless, '--format', format], {stdout});
		expect(result).toEqual({status: 0, stdout: '', stderr: ''});
		expect(stdout.text().slice(0, start.length)).toBe(start);
		expect(Buffer.byteLength(stdout.text())).toBe(1 << 20);
	});

	test('a long result makes a long table', async () => {
		const {header, rule, rows, footer} = tableParts(await sql(counting(130_000)));
		expect([header, rule, footer]).toEqual(['x', '───', '(130000 rows)']);
		expect(rows).toHaveLength(130_000);
		expect(rows.every((row, index) => row === String(index + 1))).toBe(true);
	});

	test('a column is as wide as the first hundred rows need, and widens for later rows that need more', async () => {
		const output = await sql(
			"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT 250) SELECT CASE WHEN x > 150 THEN 'wider' ELSE 'a' END AS v, x FROM c",
		);
		const {header, rule, rows, footer} = tableParts(output);
		expect([header, rule, footer]).toEqual(['v  x', '─  ───', '(250 rows)']);
		expect(rows.slice(0, 100)).toEqual(Array.from({length: 100}, (_, index) => `a  ${index + 1}`));
		// The second window holds the first wider cell: the whole window is laid out for it, and so is the third.
		expect(rows.slice(100, 150)).toEqual(Array.from({length: 50}, (_, index) => `a      ${index + 101}`));
		expect(rows[150]).toBe('wider  151');
		expect(rows.at(-1)).toBe('wider  250');
	});

	test('--out writes the same, whole', async () => {
		const dir = makeTempDir();
		const query = counting(130_000);
		const result = await runKzrs(['sql', query, '--format', 'csv', '--out', 'rows.csv'], {cwd: dir});
		expect(result).toEqual({status: 0, stdout: '', stderr: ''});
		expect(readFileSync(join(dir, 'rows.csv'), 'utf8')).toBe(await sql(query, 'csv'));
	});

	test('a query that fails midway leaves no --out file', async () => {
		const dir = makeTempDir();
		const failing =
			'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT 200000) SELECT CASE WHEN x < 150000 THEN x ELSE abs(-9223372036854775808) END AS y FROM c';
		expect(userErrorLine(await runKzrs(['sql', failing, '--out', 'rows.txt'], {cwd: dir}))).toBe('kzrs: sql: integer overflow');
		expect(listDir(dir)).toEqual([]);
	});

	test('the kzrs command ends as soon as its reader goes away', async () => {
		const child = spawn(process.execPath, [cliPath, 'sql', endless], {cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			// As `| head -3` does.
			if (stdout.split('\n').length > 3) child.stdout.destroy();
		});
		const [status] = (await once(child, 'close')) as [number | null];
		expect(stdout.split('\n').slice(0, 3)).toEqual(['x', '───', '1']);
		expect(stderr).toBe('');
		expect(status).toBe(0);
	});

	test('a row too large to write as text is one line', () => {
		// A blob is written as X'…', two characters a byte: more than the longest string Node holds.
		const result = spawnSync(process.execPath, [cliPath, 'sql', 'SELECT zeroblob(3e8) AS b', '--format', 'json'], {
			cwd: repoRoot,
			encoding: 'utf8',
			timeout: 60_000,
		});
		expect(userErrorLine({status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr})).toBe(
			'kzrs: sql: a row of the result is too large to write: its text would be longer than Node can hold',
		);
	});
});

describe('csv and json formats', () => {
	const query = 'SELECT id, value, currency FROM trade ORDER BY rowid';
	const expected = trade.map(({id, value, currency}) => ({id, value, currency}));

	test('--format json is the rows as objects', async () => {
		expect(JSON.parse(await sql(query, 'json'))).toEqual(expected);
	});

	test('--format csv is a header and the rows', async () => {
		expect(parseWithCsvParse(await sql(query, 'csv'))).toEqual(expectedCsvRows(['id', 'value', 'currency'], expected));
	});

	test('the result of the last statement is printed', async () => {
		expect(JSON.parse(await sql('SELECT 1 AS one; SELECT count(*) AS n FROM trade', 'json'))).toEqual([{n: trade.length}]);
	});

	test('any column name makes a CSV header, neutralised like the cells', async () => {
		expect(parseWithCsvParse(await sql('SELECT 1 AS "", 2 AS "=1+1", 3 AS "a,b"', 'csv'))).toEqual([
			['', "'=1+1", 'a,b'],
			['1', '2', '3'],
		]);
	});

	test('a CSV of no rows still has its header, as an export does', async () => {
		expect(parseWithCsvParse(await sql('SELECT id, value FROM trade WHERE 0', 'csv'))).toEqual([['id', 'value']]);
	});

	test('a blob is the SQL literal of its bytes', async () => {
		const query = "SELECT x'00ff10' AS b";
		expect(JSON.parse(await sql(query, 'json'))).toEqual([{b: "X'00FF10'"}]);
		expect(parseWithCsvParse(await sql(query, 'csv'))).toEqual([['b'], ["X'00FF10'"]]);
		expect(tableParts(await sql(query)).rows).toEqual(["X'00FF10'"]);
	});

	test('an unknown format is refused', async () => {
		expect(userErrorLine(await runKzrs(['sql', 'SELECT 1', '--format', 'xml']))).toBe('kzrs: unknown format "xml"; formats: table, csv, json');
	});
});

describe('citation lists', () => {
	// A series of figures citing one sentence, and before them a figure derived
	// from two of them: its inputs come later in the file.
	const copy = copyFactBase();
	const exports2025 = byId(trade, 'exports-2025');
	const series = Array.from({length: 300}, (_, index) => ({...exports2025, id: `series-${index}`, period: String(1700 + index)}));
	const derivedFirst = {
		...byId(trade, 'balance-2025-derived'),
		id: 'series-balance',
		value: 0,
		derived: {method: 'difference', inputs: ['series-0', 'series-1'], note: 'Two equal figures.'},
	};
	writeData(copy.dataDir, 'trade', [derivedFirst, ...trade, ...series]);
	const query = async (text: string) => {
		const result = await runKzrs(['sql', text, '--format', 'json', ...factBaseArgs(copy)]);
		expect(result.stderr).toBe('');
		return JSON.parse(result.stdout) as Array<Record<string, unknown>>;
	};

	test('figures citing the same quotes share one list, and each still has its citation', async () => {
		expect(await query("SELECT count(DISTINCT citation_list) AS lists FROM trade WHERE id GLOB 'series-[0-9]*'")).toEqual([{lists: 1}]);
		const cited = await query("SELECT fact_id, ordinal, source_id, quote, via FROM citations WHERE fact_table = 'trade' AND fact_id GLOB 'series-[0-9]*'");
		expect(cited).toHaveLength(series.length);
		const [citation] = exports2025.citations;
		expect(new Set(cited.map(({fact_id}) => fact_id)).size).toBe(series.length);
		expect(cited.every((row) => row.ordinal === 0 && row.source_id === citation?.source && row.quote === citation?.quote && row.via === null)).toBe(true);
	});

	test("a derived figure cites its inputs' quotes, even those further down the file", async () => {
		const quote = exports2025.citations[0]?.quote;
		expect(await query("SELECT ordinal, quote, via FROM citations WHERE fact_table = 'trade' AND fact_id = 'series-balance' ORDER BY ordinal")).toEqual([
			{ordinal: 0, quote, via: 'series-0'},
			{ordinal: 1, quote, via: 'series-1'},
		]);
	});
});

describe('bad queries: exit 2 and SQLite’s message', () => {
	test.each(['DELETE FROM trade', "INSERT INTO sources (id) VALUES ('x')", 'DROP TABLE trade', "UPDATE trade SET value = 0 WHERE id = 'turnover-2025'"])(
		'a write is refused: %s',
		async (query) => {
			expect(userErrorLine(await runKzrs(['sql', query]))).toBe('kzrs: sql: attempt to write a readonly database');
		},
	);

	test('a write cannot turn the read-only guard off first', async () => {
		const result = await runKzrs(['sql', 'PRAGMA query_only = OFF; DELETE FROM trade; SELECT count(*) AS n FROM trade', '--format', 'json']);
		// Either refused outright, or at least the data was not deleted.
		if (result.status === 0) expect(JSON.parse(result.stdout)).toEqual([{n: trade.length}]);
		else expect(userErrorLine(result)).toMatch(/^kzrs: sql: /);
	});

	test('a syntax error', async () => {
		const line = userErrorLine(await runKzrs(['sql', 'SELEC id FROM trade']));
		expect(line).toMatch(/^kzrs: sql: .*syntax error/);
		expect(line).toContain('SELEC');
	});

	test('an unknown table', async () => {
		expect(userErrorLine(await runKzrs(['sql', 'SELECT * FROM weather']))).toBe('kzrs: sql: no such table: weather');
	});

	test('a write after the result is refused too', async () => {
		expect(userErrorLine(await runKzrs(['sql', 'SELECT 1 AS one; DELETE FROM trade']))).toBe('kzrs: sql: attempt to write a readonly database');
		expect(JSON.parse(await sql('SELECT count(*) AS n FROM trade', 'json'))).toEqual([{n: trade.length}]);
	});

	test('every statement is checked before any runs', async () => {
		expect(userErrorLine(await runKzrs(['sql', 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x FROM c; SELEC 1']))).toMatch(
			/^kzrs: sql: .*syntax error/,
		);
	});

	test('a failure while running', async () => {
		expect(userErrorLine(await runKzrs(['sql', 'SELECT abs(-9223372036854775808) AS n']))).toBe('kzrs: sql: integer overflow');
	});

	test.each(['', '  \n ', '/* only a comment */', ';'])('a query without a statement: "%s"', async (query) => {
		expect(userErrorLine(await runKzrs(['sql', query]))).toBe('kzrs: sql: the query holds no statement');
	});

	test('no query at all', async () => {
		const result = await runKzrs(['sql']);
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr.split('\n')[0]).toMatch(/^kzrs: sql takes one query/);
	});
});

describe('control characters never reach the terminal', () => {
	test('an escape sequence in a value is shown harmlessly in a table', async () => {
		const output = await sql("SELECT char(27) || '[31mred' AS colour");
		expect(output).not.toContain(escapeCharacter);
		const {rows} = tableParts(output);
		expect(rows).toEqual(['\uFFFD[31mred']);
	});

	test('an escape sequence in a column name is shown harmlessly in a table', async () => {
		const output = await sql(`SELECT 1 AS "${escapeCharacter}[31mred"`);
		expect(output).not.toContain(escapeCharacter);
	});

	test('JSON escapes it', async () => {
		const output = await sql("SELECT char(27) || '[31mred' AS colour", 'json');
		expect(output).not.toContain(escapeCharacter);
		expect(JSON.parse(output)).toEqual([{colour: `${escapeCharacter}[31mred`}]);
	});

	// ESC, the one-character CSI (U+009B), a right-to-left override and DEL, in a cell and in a column name.
	const hostile = ['\u001b', '\u009b', '\u202e', '\u007f'];
	const hostileQuery = `SELECT ${hostile.map((character, index) => `char(${character.codePointAt(0)}) || 'x' AS "${character}${index}"`).join(', ')}`;

	test.each(['table', 'csv', 'json'])('on a terminal, every format shows them harmlessly: %s', async (format) => {
		const terminal = Object.assign(collector(), {isTTY: true});
		const result = await runKzrs(['sql', hostileQuery, '--format', format], {stdout: terminal});
		expect(result).toEqual({status: 0, stdout: '', stderr: ''});
		const output = terminal.text();
		for (const character of hostile) expect(output).not.toContain(character);
		expect(output).toContain('\uFFFDx');
		expect(output).toContain('\uFFFD0');
	});

	test('piped, CSV and JSON keep the data as it is', async () => {
		const values = Object.fromEntries(hostile.map((character, index) => [`${character}${index}`, `${character}x`]));
		expect(JSON.parse(await sql(hostileQuery, 'json'))).toEqual([values]);
		expect(parseWithCsvParse(await sql(hostileQuery, 'csv'))).toEqual([Object.keys(values), Object.values(values)]);
	});
});
