// A pane table's rows in one sort order, made a step at a time so that the
// screen stays live while a large pane is sorted: each step reads, sorts or
// writes a bounded number of rows, and a key pressed meanwhile (Ctrl-C
// included) waits for one step at most, where SQLite's CREATE INDEX or
// ORDER BY over a million rows holds the thread for seconds. The order is
// written to a temporary table of ranks, which a window of the pane is
// read through (see PaneReader); it is the order SQLite's ORDER BY over the
// same terms, then rowid, would give.
import type {SqlValue as Value} from 'sql.js';

/** What an order is made through: a FactDatabase, whose values are any SQLite holds in a database kzrs did not write. */
type Database = {values(sql: string, parameters: Value[]): Iterable<Value[]>; run(sql: string, parameters?: Value[]): void};

/** One term of the order: fixed SQL text over the table `f`, from a pane's definition. */
export type OrderTerm = {sql: string; descending: boolean};

/**
 * SQLite's order of values of any type: NULL, then numbers, then text by its
 * UTF-8 bytes (BINARY), then blobs by their bytes.
 */
function compareValues(a: Value, b: Value): number {
	// The usual cases first: a merge compares millions of pairs, most of them equal or of one type.
	if (a === b) return 0;
	if ((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')) return a < b ? -1 : a > b ? 1 : 0;
	const [typeA, typeB] = [typeRank(a), typeRank(b)];
	if (typeA !== typeB) return typeA - typeB;
	if (a instanceof Uint8Array) return Buffer.compare(a, b as Uint8Array);
	return a === null ? 0 : a < (b as typeof a) ? -1 : a > (b as typeof a) ? 1 : 0;
}

const typeRank = (value: Value): number => (value === null ? 0 : typeof value === 'number' ? 1 : typeof value === 'string' ? 2 : 3);

/**
 * Text whose UTF-16 code units compare as its UTF-8 bytes do. They differ
 * only where both hold a unit from U+D800 up: surrogates (characters past
 * U+FFFF) come before U+E000–U+FFFF in UTF-16 but after them in UTF-8.
 */
const byBytes = (text: string): string =>
	text.replace(/[\ud800-\uffff]/g, (unit) => {
		const code = unit.charCodeAt(0);
		return String.fromCharCode(code >= 0xe000 ? code - 0x800 : code + 0x2000);
	});
const needsByBytes = /[\ud800-\uffff]/;

/** Rows sorted at first into runs of this many, then merged in pairs. */
const runRows = 2048;
/**
 * How many rows a step sorts into runs, merges or writes, for each row it
 * would read: at 100,000 rows, reading 4,000 takes 4 ms, sorting them into
 * runs 0.7 ms, merging them 0.1 ms and writing them 1.2 ms.
 */
const stepRowsPerRead = {runs: 4, merge: 16, write: 4};
/**
 * What a row of each phase costs, about, for progress to move evenly: at
 * 1,000,000 rows, reading took 1.5 µs a row, sorting into runs 0.4, a pass of
 * merging 0.1 to 0.2, writing 0.35.
 */
const rowCost = {read: 4, runs: 1, mergePass: 0.4, write: 1};

type Phase = 'read' | 'runs' | 'merge' | 'write' | 'done';

export class SortOrder {
	private phase: Phase = 'read';
	private readonly rowids: number[] = [];
	/** Each term's values, by row in rowid order. */
	private readonly values: Value[][];
	/** The rowid read last, and the table's last. */
	private through = -Infinity;
	private last = Infinity;
	/**
	 * Rows in the table, what progress is a share of: while they are read, as
	 * many as their rowids span (kzrs numbers them from 1 without gaps, and a
	 * count would scan them all in one step); then as many as were read.
	 */
	private rows = 0;
	private done = 0;
	private order = new Int32Array(0);
	private spare = new Int32Array(0);
	/** Where the merge is: the length of the sorted runs, and the pair of them being merged. */
	private merge = {width: runRows, left: 0, i: 0, j: 0, k: 0, started: false};
	private written = 0;

	/** `name`: the temporary table the ranks are written to. */
	constructor(
		readonly table: string,
		readonly name: string,
		private readonly terms: readonly OrderTerm[],
	) {
		this.values = terms.map(() => []);
	}

	get whole(): boolean {
		return this.phase === 'done';
	}

	/** How much of the work is done, from 0 to 1. */
	get share(): number {
		if (this.whole) return 1;
		const passes = Math.max(0, Math.ceil(Math.log2(Math.max(1, this.rows) / runRows)));
		const work = this.rows * (rowCost.read + rowCost.runs + passes * rowCost.mergePass + rowCost.write);
		return work === 0 ? 0 : Math.min(0.99, this.done / work);
	}

	/** Does up to `rows` rows' worth of the work; true once the ranks are written whole. */
	extend(db: Database, rows: number): boolean {
		switch (this.phase) {
			case 'read':
				this.read(db, rows);
				break;
			case 'runs':
				this.sortRuns(rows * stepRowsPerRead.runs);
				break;
			case 'merge':
				this.mergeSome(rows * stepRowsPerRead.merge);
				break;
			case 'write':
				this.write(db, rows * stepRowsPerRead.write);
				break;
			case 'done':
				break;
		}
		return this.whole;
	}

	private read(db: Pick<Database, 'values'>, rows: number): void {
		if (this.through === -Infinity) {
			// Each its own query: SQLite reads min() or max() alone from the end of the table, both together by scanning it.
			for (const [first, last] of db.values(`SELECT (SELECT min(rowid) FROM ${this.table}), (SELECT max(rowid) FROM ${this.table})`, [])) {
				this.last = last === null ? -Infinity : Number(last);
				this.rows = last === null ? 0 : Number(last) - Number(first) + 1;
			}
		}
		const select = this.terms.map(({sql}) => sql).join(', ');
		const sql = `SELECT f.rowid, ${select} FROM ${this.table} f WHERE f.rowid > ? ORDER BY f.rowid LIMIT ?`;
		let read = 0;
		for (const [rowid, ...values] of db.values(sql, [this.through, rows])) {
			this.rowids.push(Number(rowid));
			values.forEach((value, term) => {
				(this.values[term] as Value[]).push(typeof value === 'string' && needsByBytes.test(value) ? byBytes(value) : value);
			});
			this.through = Number(rowid);
			read++;
		}
		this.done += read * rowCost.read;
		if (read < rows || this.through >= this.last) {
			const count = this.rowids.length;
			this.rows = count;
			this.order = Int32Array.from({length: count}, (_, index) => index);
			this.spare = new Int32Array(count);
			this.phase = 'runs';
		}
	}

	/** Orders rows `a` and `b` (indexes in rowid order): by the terms, then by rowid. */
	private readonly compare = (a: number, b: number): number => {
		for (let term = 0; term < this.terms.length; term++) {
			const values = this.values[term] as Value[];
			const order = compareValues(values[a] as Value, values[b] as Value);
			if (order !== 0) return (this.terms[term] as OrderTerm).descending ? -order : order;
		}
		return a - b;
	};

	/** Sorts the next runs of runRows rows, at least one, about `rows` rows in all. */
	private sortRuns(rows: number): void {
		const count = this.order.length;
		const start = this.merge.left;
		let end = start;
		do {
			const runEnd = Math.min(end + runRows, count);
			this.order.subarray(end, runEnd).sort(this.compare);
			end = runEnd;
		} while (end < count && end - start < rows);
		this.done += (end - start) * rowCost.runs;
		this.merge.left = end;
		if (end >= count) {
			this.merge.left = 0;
			this.phase = count > runRows ? 'merge' : 'write';
		}
	}

	/** Merges up to `rows` more rows of the pass under way, passes after passes until one run holds them all. */
	private mergeSome(rows: number): void {
		const count = this.order.length;
		const state = this.merge;
		let budget = rows;
		while (budget > 0 && state.width < count) {
			const middle = Math.min(state.left + state.width, count);
			const right = Math.min(state.left + 2 * state.width, count);
			if (!state.started) Object.assign(state, {i: state.left, j: middle, k: state.left, started: true});
			const [from, to] = [this.order, this.spare];
			let {i, j, k} = state;
			for (; k < right && budget > 0; k++, budget--) {
				to[k] = (i < middle && (j >= right || this.compare(from[i] as number, from[j] as number) <= 0) ? from[i++] : from[j++]) as number;
			}
			this.done += (k - state.k) * rowCost.mergePass;
			Object.assign(state, {i, j, k});
			if (k === right) Object.assign(state, {left: right, started: false});
			// A pass is over: the next merges the runs it made, twice as long.
			if (state.left >= count) {
				[this.order, this.spare] = [this.spare, this.order];
				Object.assign(state, {width: state.width * 2, left: 0});
			}
		}
		if (state.width >= count) this.phase = 'write';
	}

	private write(db: Pick<Database, 'run'>, rows: number): void {
		if (this.written === 0) {
			db.run(`DROP TABLE IF EXISTS temp.${this.name}`);
			db.run(`CREATE TEMP TABLE ${this.name} (rank INTEGER PRIMARY KEY, row INTEGER NOT NULL)`);
		}
		const slice = this.order.subarray(this.written, this.written + rows);
		// Ranks are given in the order rows are inserted: 1, 2, 3…
		db.run(`INSERT INTO temp.${this.name} (row) SELECT value FROM json_each(?)`, [JSON.stringify(Array.from(slice, (index) => this.rowids[index]))]);
		this.written += slice.length;
		this.done += slice.length * rowCost.write;
		if (this.written >= this.order.length) {
			this.phase = 'done';
			// What the ranks were made from is no longer needed.
			this.rowids.length = 0;
			for (const values of this.values) values.length = 0;
			this.order = new Int32Array(0);
			this.spare = new Int32Array(0);
		}
	}
}
