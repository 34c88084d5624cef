// Inserting many rows through the SQLite C functions that sql.js exports.
// sql.js's Statement.bind copies each string into its own allocation one
// character at a time in JavaScript; here Node encodes a row's strings straight
// into one reusable buffer in WebAssembly memory, and SQLite reads them there.
// (A lone surrogate, which is not Unicode text, is written as U+FFFD.)
import type {SqlJsStatic, SqlValue} from 'sql.js';

/** The parts of sql.js's module this needs: exported, but not in its type declarations. */
type SqliteFunctions = {
	_malloc(bytes: number): number;
	_free(pointer: number): void;
	_sqlite3_prepare_v2(db: number, sql: number, bytes: number, statementOut: number, tailOut: number): number;
	_sqlite3_bind_text(statement: number, index: number, text: number, bytes: number, destructor: number): number;
	_sqlite3_bind_double(statement: number, index: number, value: number): number;
	_sqlite3_bind_int(statement: number, index: number, value: number): number;
	_sqlite3_step(statement: number): number;
	_sqlite3_reset(statement: number): number;
	_sqlite3_finalize(statement: number): number;
	_sqlite3_errmsg(db: number): number;
	stringToNewUTF8(text: string): number;
	UTF8ToString(pointer: number): string;
};

/** sql.js's module and the WebAssembly memory it runs in. */
export type SqlRuntime = {SQL: SqlJsStatic; memory: WebAssembly.Memory};

const sqliteOk = 0;
const sqliteDone = 101;
/** The text stays where it is until the statement is stepped: SQLite need not copy it. */
const sqliteStatic = 0;
/** A UTF-16 code unit takes at most three bytes of UTF-8. */
const maxBytesPerUnit = 3;

export class RowWriter {
	private readonly sqlite: SqliteFunctions;
	private buffer = 0;
	private capacity = 0;
	private heap: Buffer;

	constructor(
		private readonly runtime: SqlRuntime,
		/** The sqlite3* of the connection: sql.js's Database keeps it as `db`. */
		private readonly connection: number,
	) {
		this.sqlite = runtime.SQL as unknown as SqliteFunctions;
		this.heap = Buffer.from(runtime.memory.buffer);
	}

	/** Inserts every row with one prepared statement; a row's values are bound in order. */
	insert(sql: string, rows: Iterable<SqlValue[]>): void {
		const statement = this.prepare(sql);
		try {
			for (const row of rows) {
				this.bind(statement, row);
				const result = this.sqlite._sqlite3_step(statement);
				this.sqlite._sqlite3_reset(statement);
				if (result !== sqliteDone) throw this.error();
			}
		} finally {
			this.sqlite._sqlite3_finalize(statement);
		}
	}

	/** Frees the buffer; the connection stays open. */
	close(): void {
		if (this.buffer !== 0) this.sqlite._free(this.buffer);
		this.buffer = 0;
		this.capacity = 0;
	}

	private prepare(sql: string): number {
		const text = this.sqlite.stringToNewUTF8(sql);
		const out = this.sqlite._malloc(4);
		try {
			if (this.sqlite._sqlite3_prepare_v2(this.connection, text, -1, out, 0) !== sqliteOk) throw this.error();
			return this.view().readInt32LE(out);
		} finally {
			this.sqlite._free(out);
			this.sqlite._free(text);
		}
	}

	private bind(statement: number, row: SqlValue[]): void {
		let needed = 0;
		for (const value of row) if (typeof value === 'string') needed += value.length * maxBytesPerUnit;
		this.reserve(needed);
		const heap = this.view();
		let offset = this.buffer;
		for (let index = 1; index <= row.length; index++) {
			const value = row[index - 1];
			let result: number;
			if (typeof value === 'string') {
				const bytes = heap.write(value, offset, 'utf8');
				result = this.sqlite._sqlite3_bind_text(statement, index, offset, bytes, sqliteStatic);
				offset += bytes;
			} else if (typeof value === 'number') {
				// As sql.js binds a number: an integer when it is one, so STRICT INTEGER columns take it.
				result = value === (value | 0) ? this.sqlite._sqlite3_bind_int(statement, index, value) : this.sqlite._sqlite3_bind_double(statement, index, value);
			} else if (value === null) {
				// A null pointer binds NULL (sqlite3_bind_null is not among sql.js's exports).
				result = this.sqlite._sqlite3_bind_text(statement, index, 0, 0, sqliteStatic);
			} else {
				throw new TypeError(`cannot insert a ${typeof value} value`);
			}
			if (result !== sqliteOk) throw this.error();
		}
	}

	/** Room for `bytes` of text; the buffer always exists, since a null pointer would bind NULL, not ''. */
	private reserve(bytes: number): void {
		if (this.buffer !== 0 && bytes <= this.capacity) return;
		const capacity = Math.max(bytes, 2 * this.capacity, 64 * 1024);
		if (this.buffer !== 0) this.sqlite._free(this.buffer);
		this.buffer = 0;
		this.capacity = 0;
		const buffer = this.sqlite._malloc(capacity);
		if (buffer === 0) throw new Error(`out of memory for ${capacity} bytes`);
		this.buffer = buffer;
		this.capacity = capacity;
	}

	/** The WebAssembly memory as a Buffer; growing the memory replaces its ArrayBuffer. */
	private view(): Buffer {
		if (this.heap.buffer !== this.runtime.memory.buffer) this.heap = Buffer.from(this.runtime.memory.buffer);
		return this.heap;
	}

	private error(): Error {
		return new Error(this.sqlite.UTF8ToString(this.sqlite._sqlite3_errmsg(this.connection)));
	}
}
