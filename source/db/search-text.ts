// A pane table's folded search text, held in memory a string for each step's
// rows, for counting a filter's matches: String.indexOf over it takes 2.3 ms
// at 100,000 rows and 35 ms at a million, where SQLite scanning the column
// (indexed) takes 12 and 160. It is read from the database a step at a time once every
// row is in, and answers exactly what `search GLOB '*filter*'` would.
import type {FactDatabase} from './database.js';

/**
 * Text as UTF-8 bytes, one character each: V8 then stores it at a byte a
 * character, and since no UTF-8 sequence starts inside another, one text
 * holds another exactly when their bytes do.
 */
const asBytes = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

/** Between rows' texts: a filter holding it is answered by SQLite instead (see matches). */
const separator = '\u0000';

export type Matches = {count: number; ids: number[]};

/** The texts of the rows read in one step, and where each starts (and, last, where they end). */
type Chunk = {text: string; first: number; starts: Int32Array};

export class SearchText {
	private readonly chunks: Chunk[] = [];
	private readonly rowids: number[] = [];
	private readonly lists: number[] = [];
	private through = -Infinity;
	whole = false;
	/** Given up (see extend): a filter scans the table. */
	private abandoned = false;

	/** `cited`: whether the table's rows have a citation list. */
	constructor(
		readonly table: string,
		private readonly cited: boolean,
	) {}

	/**
	 * Reads up to `rows` more of the table's rows in rowid order, kept as one
	 * chunk: no step joins more than its own rows' texts. True once every row is read.
	 */
	extend(db: Pick<FactDatabase, 'values'>, rows: number): boolean {
		if (this.whole || this.abandoned) return true;
		try {
			return this.read(db, rows);
		} catch {
			// A step's texts too long for one string (a database kzrs did not write): filters scan the table instead.
			this.chunks.length = 0;
			this.rowids.length = 0;
			this.lists.length = 0;
			this.abandoned = true;
			return true;
		}
	}

	private read(db: Pick<FactDatabase, 'values'>, rows: number): boolean {
		const parts: string[] = [];
		const sql = `SELECT rowid, CAST(search AS TEXT), ${this.cited ? 'citation_list' : 'NULL'} FROM ${this.table} WHERE rowid > ? ORDER BY rowid LIMIT ?`;
		for (const [rowid, search, list] of db.values(sql, [this.through, rows])) {
			this.rowids.push(Number(rowid));
			// No list matches nothing, as NULL IN (…) does.
			this.lists.push(typeof list === 'number' ? list : Number.NaN);
			// GLOB reads a text up to its first NUL.
			parts.push(asBytes(String(search ?? '').split(separator, 1)[0] as string));
			this.through = Number(rowid);
		}
		if (parts.length > 0) {
			const starts = new Int32Array(parts.length + 1);
			parts.forEach((part, index) => {
				starts[index + 1] = (starts[index] as number) + part.length + separator.length;
			});
			this.chunks.push({text: parts.join(separator), first: this.rowids.length - parts.length, starts});
		}
		this.whole = parts.length < rows;
		return this.whole;
	}

	/**
	 * The rows whose text holds the folded filter, or whose citation list is
	 * one of `lists`: how many, and the rowids of the first `keep` of them.
	 * Undefined until every row is read, and for a filter holding the separator.
	 */
	matches(folded: string, lists: readonly number[], keep: number): Matches | undefined {
		if (!this.whole || folded.includes(separator)) return undefined;
		const pattern = asBytes(folded);
		const quoting = new Set(lists);
		const found: Matches = {count: 0, ids: []};
		const take = (row: number) => {
			found.count++;
			if (found.ids.length < keep) found.ids.push(this.rowids[row] as number);
		};
		const byList = (row: number) => quoting.has(this.lists[row] as number);
		for (const {text, first, starts} of this.chunks) {
			const rows = starts.length - 1;
			let row = 0;
			for (let at = text.indexOf(pattern); at !== -1; at = row < rows ? text.indexOf(pattern, starts[row]) : -1) {
				// The rows before the one the text was found in match only by their quotes.
				for (; (starts[row + 1] as number) <= at; row++) if (byList(first + row)) take(first + row);
				take(first + row++);
			}
			if (lists.length > 0) for (; row < rows; row++) if (byList(first + row)) take(first + row);
		}
		return found;
	}
}
