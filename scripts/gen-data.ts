// `npm run gen-data -- --rows 100000 --out DIR [--force] [--seed N]`: a data
// directory with N trade rows (the shipped ones included) for benchmarks.
import {parseArgs} from 'node:util';
import {shippedDataDir, shippedSeedsDir} from '../source/paths.js';
import {GenerateError, generateDataDir} from './trade-data.js';

const usage = `Usage: npm run gen-data -- --rows N --out DIR [--force] [--seed N]

  --rows N    trade rows in DIR/trade.json, the shipped ones first (default 100000)
  --out DIR   the data directory to write; refused if it exists and is not empty
  --force     replace a non-empty DIR
  --seed N    seed of the generator (default 1); the same seed gives the same files
  --data DIR  the data/ to copy (default: the shipped one)
  --seeds DIR the seeds/ whose quotes the rows cite (default: the shipped one)
`;

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	if (!/^\d[\d_]*$/.test(value)) throw new GenerateError(`--${name} must be a whole number, found "${value}"`);
	return Number(value.replaceAll('_', ''));
}

try {
	const {values, positionals} = parseArgs({
		options: {
			rows: {type: 'string'},
			out: {type: 'string'},
			force: {type: 'boolean', default: false},
			seed: {type: 'string'},
			data: {type: 'string'},
			seeds: {type: 'string'},
			help: {type: 'boolean', default: false},
		},
		allowPositionals: true,
	});
	if (values.help) {
		process.stdout.write(usage);
		process.exit(0);
	}
	if (positionals.length > 0) throw new GenerateError(`unexpected argument "${positionals[0]}"`);
	if (values.out === undefined) throw new GenerateError('--out DIR is required');
	const started = performance.now();
	const result = generateDataDir({
		rows: wholeNumber('rows', values.rows, 100_000),
		out: values.out,
		force: values.force,
		seed: wholeNumber('seed', values.seed, 1),
		dataDir: values.data ?? shippedDataDir,
		seedsDir: values.seeds ?? shippedSeedsDir,
	});
	const seconds = ((performance.now() - started) / 1000).toFixed(2);
	process.stderr.write(`gen-data: wrote ${result.out} with ${result.rows} trade rows (${result.generated} generated) in ${seconds} s\n`);
} catch (error) {
	const known = error instanceof GenerateError || (error as {code?: string}).code?.startsWith('ERR_PARSE_ARGS');
	process.stderr.write(`gen-data: ${(error as Error).message}\n${known ? usage : ''}`);
	process.exit(2);
}
