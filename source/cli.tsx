// Parses the command line and picks a mode; everything else lives elsewhere.
import './warm-up.js';
import type {Result} from 'meow';
import {paneIds, type PaneId, paneQueries} from './db/pane-queries.js';
import {UserError} from './errors.js';
import {type ExportFormat, exportFormats} from './export/formats.js';
import {shippedDataDir, shippedSeedsDir} from './paths.js';

const usage = `
	Usage
	  $ kzrs                      the dashboard (a text snapshot when not in a terminal)
	  $ kzrs check                validate the fact base: format, dates, units, ids, quotes
	  $ kzrs export <pane>        a pane as CSV or JSON: ${paneIds.join(', ')}
	  $ kzrs sql "<query>"        a read-only SQL query on the loaded database

	Options
	  --data DIR        load the fact base from DIR instead of the shipped data/
	  --seeds DIR       read the seed documents from DIR instead of the shipped seeds/
	  --format FORMAT   export: csv (default) or json; sql: table (default), csv or json
	  --out FILE        export, sql: write to FILE (a whole file or none) instead of standard output
	  --force           allow --out and --save-db to replace an existing file
	  --filter TEXT     export: only rows matching TEXT, as the dashboard's / does
	  --sort COLUMN     export: sort by COLUMN; --reverse for descending
	  --save-db FILE    write the loaded database as a SQLite file and exit
	  --help, --version

	Examples
	  $ kzrs export trade --out trade.csv
	  $ kzrs sql "SELECT label, value, currency FROM trade ORDER BY value DESC"
`;

const flagSpecs = {
	data: {type: 'string'},
	seeds: {type: 'string'},
	format: {type: 'string'},
	out: {type: 'string'},
	force: {type: 'boolean', default: false},
	filter: {type: 'string'},
	sort: {type: 'string'},
	reverse: {type: 'boolean', default: false},
	saveDb: {type: 'string'},
} as const;

type Parsed = Pick<Result<typeof flagSpecs>, 'input' | 'flags' | 'unnormalizedFlags'>;

/**
 * With no arguments there is nothing to parse, and the dashboard starts
 * without evaluating meow and the package.json normaliser it bundles (about
 * 30 ms of the first frame).
 */
async function parseArguments(): Promise<Parsed> {
	if (process.argv.length <= 2) {
		process.title = 'kzrs';
		const flags = {data: undefined, seeds: undefined, format: undefined, out: undefined, force: false, filter: undefined, sort: undefined, reverse: false, saveDb: undefined};
		return {input: [], flags, unnormalizedFlags: flags};
	}
	const {default: meow} = await import('meow');
	const parsed = meow(usage, {
		importMeta: import.meta,
		// Checked below, so that the message is kzrs's own one line and the usage.
		allowUnknownFlags: true,
		flags: flagSpecs,
	});
	// meow answers --help and --version by itself only when they come alone.
	const given = (flag: unknown) => flag !== undefined && flag !== false;
	if (given(parsed.unnormalizedFlags.help)) parsed.showHelp(0);
	if (given(parsed.unnormalizedFlags.version)) parsed.showVersion();
	return parsed;
}

function fail(message: string, withUsage = false): never {
	process.stderr.write(`kzrs: ${message}\n${withUsage ? `${usage.replace(/^\n/, '').replace(/^\t/gm, '')}` : ''}`);
	process.exit(2);
}

type Mode = 'dashboard' | 'check' | 'export' | 'sql' | 'save-db';
type FlagName = keyof typeof flagSpecs;

// The flags each mode takes, beyond --data and --seeds: any other is a mistake, not something to ignore.
const modeFlags: Record<Mode, readonly FlagName[]> = {
	dashboard: [],
	check: [],
	export: ['format', 'out', 'force', 'filter', 'sort', 'reverse'],
	sql: ['format', 'out', 'force'],
	'save-db': ['saveDb', 'force'],
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

function checkFlags(mode: Mode, flags: Parsed['unnormalizedFlags']): void {
	const known = Object.keys(flagSpecs);
	for (const [name, value] of Object.entries(flags)) {
		if (!known.includes(name)) fail(`unknown option --${kebab(name)}`, true);
		const given = value !== false && value !== undefined;
		if (given && name !== 'data' && name !== 'seeds' && !modeFlags[mode].includes(name as FlagName)) {
			fail(`--${kebab(name)} does not apply to ${mode === 'dashboard' ? 'the dashboard' : mode === 'save-db' ? '--save-db' : `kzrs ${mode}`}`, true);
		}
	}
}

async function main(): Promise<void> {
	const {input, flags, unnormalizedFlags} = await parseArguments();
	const paths = {dataDir: flags.data ?? shippedDataDir, seedsDir: flags.seeds ?? shippedSeedsDir};
	const [command, ...rest] = input;
	for (const name of ['out', 'saveDb'] as const) if (flags[name] === '') fail(`--${kebab(name)} needs a file name`, true);
	if (flags.saveDb !== undefined) checkFlags('save-db', unnormalizedFlags);
	else if (command === undefined || command === 'check' || command === 'export' || command === 'sql') checkFlags(command ?? 'dashboard', unnormalizedFlags);

	if (flags.saveDb !== undefined) {
		if (command !== undefined) fail('--save-db takes no command', true);
		const {runSaveDatabase} = await import('./commands/save-db.js');
		await runSaveDatabase(paths, flags.saveDb, flags.force);
		return;
	}

	switch (command) {
		case undefined: {
			const {runInteractiveOrSnapshot} = await import('./dashboard.js');
			await runInteractiveOrSnapshot(paths);
			return;
		}
		case 'check': {
			if (rest.length > 0) fail(`check takes no arguments, found "${rest.join(' ')}"`, true);
			const {runCheck} = await import('./commands/check.js');
			process.stdout.write(`${await runCheck(paths)}\n`);
			return;
		}
		case 'export': {
			const [pane, ...extra] = rest;
			if (pane === undefined) fail(`export needs a pane: ${paneIds.join(', ')}`, true);
			if (!paneIds.includes(pane as PaneId)) fail(`unknown pane "${pane}"; panes: ${paneIds.join(', ')}`, true);
			if (extra.length > 0) fail(`export takes one pane, found "${rest.join(' ')}"`, true);
			const {sortable} = paneQueries[pane as PaneId];
			if (flags.sort !== undefined && !sortable.includes(flags.sort)) {
				fail(`cannot sort ${pane} by "${flags.sort}"; columns: ${sortable.join(', ')}`);
			}
			const format = flags.format ?? 'csv';
			if (!exportFormats.includes(format as ExportFormat)) fail(`unknown format "${format}"; formats: ${exportFormats.join(', ')}`);
			const {runExport} = await import('./commands/export.js');
			const rows = await runExport(paths, {
				pane: pane as PaneId,
				format: format as ExportFormat,
				out: flags.out,
				force: flags.force,
				query: {filter: flags.filter, sort: flags.sort, descending: flags.reverse},
			});
			if (flags.out !== undefined) process.stderr.write(`kzrs: wrote ${rows} rows to ${flags.out}\n`);
			return;
		}
		case 'sql': {
			if (rest.length !== 1) fail('sql takes one query, in quotes: kzrs sql "SELECT …"', true);
			const format = flags.format ?? 'table';
			if (![...exportFormats, 'table'].includes(format)) fail(`unknown format "${format}"; formats: table, csv, json`);
			const {runSql} = await import('./commands/sql.js');
			await runSql(paths, rest[0] as string, format as ExportFormat | 'table', flags.out, flags.force);
			return;
		}
		default:
			fail(`unknown command "${command}"`, true);
	}
}

main().catch((error: unknown) => {
	if (error instanceof UserError) fail(error.message);
	throw error;
});
