// The command line: parses the arguments and runs the command they name,
// writing only through the Io it is given and giving back the exit status.
import {statSync} from 'node:fs';
import {resolve} from 'node:path';
import type {Result} from 'meow';
import type {RowQuery} from '../db/pane-reads.js';
import {UserError} from '../errors.js';
import {type ExportFormat, exportFormats} from '../export/formats.js';
import type {FactSource} from '../load/open.js';
import {findPane, type Panes, shippedPanes} from '../panes/registry.js';
import {shippedDataDir, shippedSeedsDir} from '../paths.js';
import {escaped} from '../text/printable.js';
import {faultReport} from './fault.js';
import type {Io} from './io.js';
import {failureMessage, readerWentAway, watchOutput} from './standard-output.js';

const usage = (panes: Panes) => `
	Usage
	  $ kzrs                      the dashboard (a text snapshot when not in a terminal)
	  $ kzrs check                validate the fact base: format, dates, units, ids, quotes
	  $ kzrs export <pane>        a pane as CSV or JSON: ${panes.map((pane) => pane.id).join(', ')}
	  $ kzrs sql "<query>"        a read-only SQL query on the loaded database
	  $ kzrs source <id>          a source's document, its cited passages marked and footnoted

	Options
	  --data DIR        load the fact base from DIR instead of the shipped data/
	  --seeds DIR       read the seed documents from DIR instead of the shipped seeds/
	  --db FILE         dashboard, export, sql, source: open a database saved with --save-db, reading no data files
	  --format FORMAT   export: csv (default) or json; sql: table (default), csv or json;
	                    source: text (default) or json
	  --out FILE        export, sql: write to FILE (a whole file or none) instead of standard output
	  --force           allow --out and --save-db to replace an existing file
	  --filter TEXT     export: only rows matching TEXT, as the dashboard's / does
	  --sort COLUMN     export: sort by COLUMN; --reverse for descending
	  --save-db FILE    write the loaded database as a SQLite file and exit
	  --no-mouse        the dashboard: leave the mouse to the terminal (its own text selection)
	  -h, --help        this help
	  -v, --version     kzrs's version

	Examples
	  $ kzrs export trade --out trade.csv
	  $ kzrs sql "SELECT label, value, currency FROM trade ORDER BY value DESC"
`;

const flagSpecs = {
	data: {type: 'string'},
	seeds: {type: 'string'},
	db: {type: 'string'},
	format: {type: 'string'},
	out: {type: 'string'},
	force: {type: 'boolean', default: false},
	filter: {type: 'string'},
	sort: {type: 'string'},
	reverse: {type: 'boolean', default: false},
	saveDb: {type: 'string'},
	// --no-mouse sets it false.
	mouse: {type: 'boolean', default: true},
	help: {type: 'boolean', shortFlag: 'h'},
	version: {type: 'boolean', shortFlag: 'v'},
} as const;

type ValueFlag = {[Name in keyof typeof flagSpecs]: (typeof flagSpecs)[Name]['type'] extends 'string' ? Name : never}[keyof typeof flagSpecs];

/** What each option that takes a value needs, as a message asks for it. */
const valueNames: Record<ValueFlag, string> = {
	data: 'a directory',
	seeds: 'a directory',
	db: 'a file name',
	format: 'a format',
	out: 'a file name',
	filter: 'a text',
	sort: 'a column',
	saveDb: 'a file name',
};

type Parsed = Pick<Result<typeof flagSpecs>, 'input' | 'flags' | 'unnormalizedFlags'>;

/** A mistake in the arguments: one line, then the usage when it helps. */
class UsageError extends UserError {
	constructor(
		message: string,
		readonly withUsage = true,
	) {
		super(message);
	}
}

/** What the arguments ask for, when it is not a command: help or the version. */
type Answer = {print: string};

/**
 * With no arguments there is nothing to parse, and the dashboard starts
 * without evaluating meow and the package.json normaliser it bundles.
 */
async function parseArguments(argv: readonly string[], panes: Panes): Promise<Parsed | Answer> {
	if (argv.length === 0) {
		const flags = {
			data: undefined,
			seeds: undefined,
			db: undefined,
			format: undefined,
			out: undefined,
			force: false,
			filter: undefined,
			sort: undefined,
			reverse: false,
			saveDb: undefined,
			mouse: true,
			help: false,
			version: false,
		};
		return {input: [], flags, unnormalizedFlags: flags};
	}
	const {default: meow} = await import('meow');
	let parsed: Result<typeof flagSpecs>;
	try {
		parsed = meow(usage(panes), {
			argv: [...argv],
			importMeta: import.meta,
			autoHelp: false,
			autoVersion: false,
			// Checked below, so that the message is kzrs's own one line and the usage.
			allowUnknownFlags: true,
			flags: flagSpecs,
		});
	} catch (error) {
		const [, twice] = /^The flag --(\w+) can only be set once\.$/.exec((error as Error).message) ?? [];
		if (twice === undefined) throw error;
		throw new UsageError(`--${kebab(twice)} is given more than once`);
	}
	const given = (flag: unknown) => flag !== undefined && flag !== false;
	if (given(parsed.unnormalizedFlags.help)) return {print: `${parsed.help}\n`};
	if (given(parsed.unnormalizedFlags.version)) return {print: `${parsed.pkg.version ?? ''}\n`};
	return parsed;
}

type Mode = 'dashboard' | 'check' | 'export' | 'sql' | 'source' | 'save-db';
type FlagName = keyof typeof flagSpecs;

// The flags each mode takes, beyond --data and --seeds: any other is a mistake, not something to ignore.
const modeFlags: Record<Mode, readonly FlagName[]> = {
	dashboard: ['db', 'mouse'],
	check: [],
	export: ['db', 'format', 'out', 'force', 'filter', 'sort', 'reverse'],
	sql: ['db', 'format', 'out', 'force'],
	source: ['db', 'format'],
	'save-db': ['saveDb', 'force'],
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

function checkFlags(mode: Mode, flags: Parsed['unnormalizedFlags']): void {
	const shortFlags: readonly string[] = Object.values(flagSpecs).flatMap((spec) => ('shortFlag' in spec ? [spec.shortFlag] : []));
	for (const [name, value] of Object.entries(flags)) {
		if (shortFlags.includes(name)) continue;
		if (!(name in flagSpecs)) throw new UsageError(`unknown option --${kebab(name)}`);
		// Given: other than its default (a switch's default is off, but for the mouse's).
		const spec = flagSpecs[name as FlagName];
		const given = value !== undefined && value !== ('default' in spec ? spec.default : false);
		if (given && name !== 'data' && name !== 'seeds' && !modeFlags[mode].includes(name as FlagName)) {
			throw new UsageError(
				`--${value === false ? 'no-' : ''}${kebab(name)} does not apply to ${mode === 'dashboard' ? 'the dashboard' : mode === 'save-db' ? '--save-db' : `kzrs ${mode}`}`,
			);
		}
	}
}

/** A folder given by --data or --seeds that is not there is said as such, before anything is read from it. */
function expectFolder(option: 'data' | 'seeds', given: string | undefined, path: string): void {
	if (given === undefined || given === '') return;
	let folder: boolean;
	try {
		folder = statSync(path).isDirectory();
	} catch {
		throw new UserError(`--${option} ${given}: the folder does not exist`);
	}
	if (!folder) throw new UserError(`--${option} ${given}: not a folder`);
}

async function dispatch(argv: readonly string[], io: Io, panes: Panes): Promise<number> {
	const parsed = await parseArguments(argv, panes);
	if ('print' in parsed) {
		io.stdout.write(parsed.print);
		return 0;
	}
	const {input, flags, unnormalizedFlags} = parsed;
	const paths = {dataDir: resolve(io.cwd, flags.data ?? shippedDataDir), seedsDir: resolve(io.cwd, flags.seeds ?? shippedSeedsDir), cwd: io.cwd};
	expectFolder('data', flags.data, paths.dataDir);
	expectFolder('seeds', flags.seeds, paths.seedsDir);
	const [command, ...rest] = input;
	if (flags.saveDb !== undefined) checkFlags('save-db', unnormalizedFlags);
	else if (command === undefined || command === 'check' || command === 'export' || command === 'sql' || command === 'source')
		checkFlags(command ?? 'dashboard', unnormalizedFlags);
	// An option followed by nothing, or by another option, has the value "": not "no filter", say, but a mistake.
	for (const [name, needs] of Object.entries(valueNames)) if (flags[name as ValueFlag] === '') throw new UsageError(`--${kebab(name)} needs ${needs}`);
	const target = (file: string) => ({file: resolve(io.cwd, file), shown: file});
	// A saved database holds its own facts: data and seeds folders would be read by nothing.
	for (const folder of ['data', 'seeds'] as const)
		if (flags.db !== undefined && flags[folder] !== undefined)
			throw new UsageError(`--db and --${folder} cannot be given together: the database holds the facts`);
	const source: FactSource = flags.db === undefined ? paths : {database: resolve(io.cwd, flags.db), shown: flags.db};
	const out = flags.out === undefined ? undefined : target(flags.out);

	if (flags.saveDb !== undefined) {
		if (command !== undefined) throw new UsageError('--save-db takes no command');
		const {runSaveDatabase} = await import('../commands/save-db.js');
		const tally = await runSaveDatabase(paths, target(flags.saveDb), flags.force);
		// The records of each table; citations join them to their quotes and are no records of their own.
		const tables = Object.entries(tally).filter(([table]) => table !== 'citations');
		const rows = tables.reduce((total, [, count]) => total + count, 0);
		const each = tables.map(([table, count]) => `${count} ${table}`);
		io.stderr.write(`kzrs: wrote ${rows} rows (${each.join(', ')}) to ${escaped(flags.saveDb)}\n`);
		return 0;
	}

	switch (command) {
		case undefined: {
			const {runDashboard} = await import('../commands/dashboard.js');
			return runDashboard(source, io, panes, {mouse: flags.mouse});
		}
		case 'check': {
			if (rest.length > 0) throw new UsageError(`check takes no arguments, found "${rest.join(' ')}"`);
			const {runCheck} = await import('../commands/check.js');
			io.stdout.write(`${await runCheck(paths, io.env)}\n`);
			return 0;
		}
		case 'export': {
			const [id, ...extra] = rest;
			const ids = panes.map((pane) => pane.id).join(', ');
			if (id === undefined) throw new UsageError(`export needs a pane: ${ids}`);
			const pane = findPane(panes, id);
			if (pane === undefined) throw new UsageError(`unknown pane "${id}"; panes: ${ids}`);
			if (extra.length > 0) throw new UsageError(`export takes one pane, found "${rest.join(' ')}"`);
			const {sortable} = pane.query;
			if (flags.sort !== undefined && !sortable.includes(flags.sort))
				throw new UsageError(`cannot sort ${id} by "${flags.sort}"; columns: ${sortable.join(', ')}`, false);
			const format = flags.format ?? 'csv';
			if (!exportFormats.includes(format as ExportFormat)) throw new UsageError(`unknown format "${format}"; formats: ${exportFormats.join(', ')}`, false);
			const {runExport} = await import('../commands/export.js');
			const query: RowQuery = {filter: flags.filter, sort: flags.sort, descending: flags.reverse};
			const rows = await runExport(source, {pane, format: format as ExportFormat, out, force: flags.force, query}, io);
			if (out !== undefined) io.stderr.write(`kzrs: wrote ${rows} rows to ${escaped(flags.out ?? '')}\n`);
			return 0;
		}
		case 'sql': {
			if (rest.length !== 1) throw new UsageError('sql takes one query, in quotes: kzrs sql "SELECT …"');
			const format = flags.format ?? 'table';
			if (![...exportFormats, 'table'].includes(format)) throw new UsageError(`unknown format "${format}"; formats: table, csv, json`, false);
			const {runSql} = await import('../commands/sql.js');
			await runSql(source, rest[0] as string, {format: format as ExportFormat | 'table', out, force: flags.force}, io);
			return 0;
		}
		case 'source': {
			if (rest.length !== 1) throw new UsageError('source takes one source id: kzrs source s000');
			const format = flags.format ?? 'text';
			if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}"; formats: text, json`, false);
			const {runSource} = await import('../commands/source.js');
			await runSource(source, rest[0] as string, format, io, panes);
			return 0;
		}
		default:
			throw new UsageError(`unknown command "${command}"`);
	}
}

/**
 * Runs kzrs with these arguments (without the program's own name). A mistake
 * in the arguments or the data, standard output failing, or loading running
 * out of memory, is one `kzrs:` line on stderr and status 2; anything else is
 * a fault in kzrs, one line and status 1.
 */
export async function run(argv: readonly string[], io: Io, panes: Panes = shippedPanes): Promise<number> {
	const output = watchOutput(io.stdout);
	let outcome: {status: number} | {error: unknown};
	try {
		outcome = {status: await dispatch(argv, io, panes)};
	} catch (error) {
		outcome = {error};
	}
	const failure = await output.finish();
	// When standard output failed, whatever the command then threw came of it.
	if (failure !== undefined) {
		if (readerWentAway(failure)) return 'status' in outcome ? outcome.status : 0;
		io.stderr.write(`kzrs: ${escaped(failureMessage(failure))}\n`);
		return 2;
	}
	if ('status' in outcome) return outcome.status;
	const {error} = outcome;
	if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
		io.stderr.write(
			"kzrs: out of memory loading the fact base: the loader thread reached Node's heap limit (NODE_OPTIONS=--max-old-space-size=MB raises it)\n",
		);
		return 2;
	}
	if (!(error instanceof UserError)) {
		io.stderr.write(faultReport(error, io.env));
		return 1;
	}
	const withUsage = error instanceof UsageError && error.withUsage;
	io.stderr.write(`kzrs: ${escaped(error.message)}\n${withUsage ? usage(panes).replace(/^\n/, '').replace(/^\t/gm, '') : ''}`);
	return 2;
}
