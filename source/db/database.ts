// The fact base's SQLite database in sql.js: filled from the rows loading
// gives (see load/), or opened from the image of one, and read through the
// few primitives the other database modules build their queries on. Every
// value reaches SQL as a parameter.
import type {Database, SqlValue, Statement} from 'sql.js';
import {RowWriter} from './row-writer.js';
import {connectionSettings, indexes, schema, schemaVersion} from './schema.js';
import {initialiseSqlJs} from './sqlite.js';
import {type FactTable, linkTables, rowColumns, type Value} from './tables.js';

export type {Value};
export type Row = Record<string, Value>;

/** A table's rows as loading gives them, each holding the table's columns in the order rowColumns (tables.ts) names them. */
export type InsertBatch =
	| {kind: 'insert'; table: InsertTable; rows: SqlValue[][]}
	/** Derived trade figures' citation lists, known once every figure is in. */
	| {kind: 'derived-lists'; rows: Array<[listId: number, tradeId: string]>};

type LinkTable = keyof typeof linkTables;
type InsertTable = FactTable | 'sources' | LinkTable;
/** Whether a batch goes to a table kzrs fills itself (see tables.ts linkTables), not to a table of facts. */
export const isLinkTable = (table: InsertTable): table is LinkTable => table in linkTables;

const insertStatement = ({table}: Extract<InsertBatch, {kind: 'insert'}>) => {
	const columns: readonly string[] = isLinkTable(table) ? linkTables[table] : rowColumns(table);
	return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
};

/** A row's values as an object, by the names of its columns in order. */
export function rowOf(names: readonly string[], values: readonly Value[]): Row {
	const row: Row = {};
	for (const [index, name] of names.entries()) row[name] = values[index] as Value;
	return row;
}

/** SQLite's file header: its magic string, and where it keeps user_version (a big-endian 32-bit integer). */
const sqliteMagic = 'SQLite format 3\0';
const userVersionOffset = 60;
const headerLength = 100;

/** Why an image is not a database of this schema, read from its header alone; undefined when it may be. */
function headerRefusal(image: Uint8Array): string | undefined {
	const header = Buffer.from(image.buffer, image.byteOffset, Math.min(image.byteLength, headerLength));
	if (header.length < headerLength || header.toString('latin1', 0, sqliteMagic.length) !== sqliteMagic) return 'is not a SQLite database';
	const version = header.readUInt32BE(userVersionOffset);
	if (version === 0) return 'is a SQLite database, but not one kzrs saved (it has no schema version)';
	if (version !== schemaVersion) return `has schema version ${version}, and this kzrs opens version ${schemaVersion}: save it again with this kzrs's --save-db`;
	return undefined;
}

/** The tables' definitions as SQLite keeps them, in one text to compare; `create` run first on a fresh database, which is then closed. */
function tablesOf(db: Database, create?: string): string {
	try {
		if (create !== undefined) db.exec(create);
		return JSON.stringify(db.exec("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")[0]?.values ?? []);
	} finally {
		if (create !== undefined) db.close();
	}
}

/** This schema's tables, as tablesOf gives them: made once, when the first image is opened. */
let expectedTables: string | undefined;

export class FactDatabase {
	/** Whether the loading transaction is still open (see schema.ts). */
	private loading = true;
	/** Whether rows hold the folded text a filter searches (see load/open.ts OpenOptions). */
	private hasSearchTexts = true;

	private constructor(private readonly db: Database) {}

	get searchable(): boolean {
		return this.hasSearchTexts;
	}

	/**
	 * A database of the batches loading gives, inserted as they come (see
	 * load/open.ts). Closed if they stop with an error. `searchable`: whether
	 * the batches hold search texts.
	 */
	static async open(batches: Iterable<InsertBatch> | AsyncIterable<InsertBatch>, {searchable = true} = {}): Promise<FactDatabase> {
		const filling = await FactDatabase.filling();
		filling.database.hasSearchTexts = searchable;
		try {
			for await (const batch of batches) filling.insert(batch);
			filling.finish();
		} catch (error) {
			filling.abandon();
			throw error;
		}
		return filling.database;
	}

	/**
	 * An empty database to insert batches into one at a time, readable between
	 * them: the dashboard shows the first rows while the rest come. `finish`
	 * once they are all in; `abandon` closes it.
	 */
	static async filling(): Promise<{database: FactDatabase; insert(batch: InsertBatch): void; finish(): void; abandon(): void}> {
		const runtime = await initialiseSqlJs();
		const db = new runtime.SQL.Database();
		db.exec(schema);
		// sql.js 1.17 keeps the connection's sqlite3* as `db`, which its own methods pass to SQLite.
		const connection = (db as unknown as {db?: unknown}).db;
		if (typeof connection !== 'number') throw new Error('sql.js keeps no connection in Database.db: kzrs needs sql.js 1.17.0');
		const writer = new RowWriter(runtime, connection);
		db.exec('BEGIN');
		return {
			database: new FactDatabase(db),
			insert(batch) {
				if (batch.kind === 'insert') writer.insert(insertStatement(batch), batch.rows);
				else writer.insert('UPDATE trade SET citation_list = ? WHERE id = ?', batch.rows);
			},
			finish() {
				writer.close();
				db.exec(indexes);
				// No COMMIT: see schema.ts and finishLoading().
			},
			abandon() {
				writer.close();
				db.close();
			},
		};
	}

	/**
	 * A database from the SQLite file image of one this module loaded, or why
	 * the image is not one: not SQLite, another schema version, or damaged.
	 * The shipped prebuilt database and a file saved with --save-db both open here.
	 * `fromThisBuild`: an image this build saved, whose digest it checked (see
	 * load/image.ts), needs no comparison of its tables with the schema.
	 */
	static async fromImage(image: Uint8Array, {fromThisBuild = false} = {}): Promise<FactDatabase | {refused: string}> {
		const refused = headerRefusal(image);
		if (refused !== undefined) return {refused};
		const runtime = await initialiseSqlJs();
		let db: Database | undefined;
		try {
			db = new runtime.SQL.Database(image);
			// The settings read the schema: a damaged file fails here rather than at its first query.
			db.exec(connectionSettings);
		} catch (error) {
			db?.close();
			return {refused: `is a damaged SQLite database (${(error as Error).message})`};
		}
		// A schema version is only a number another program may have written: the tables themselves must be this schema's.
		if (!fromThisBuild) {
			expectedTables ??= tablesOf(new runtime.SQL.Database(), schema);
			if (tablesOf(db) !== expectedTables) {
				db.close();
				return {refused: "is a SQLite database, but not one kzrs saved (its tables are not this kzrs's)"};
			}
		}
		const database = new FactDatabase(db);
		database.loading = false;
		return database;
	}

	/**
	 * A query's rows as values, freeing the statement however the caller
	 * stops; `onColumns` is told the column names first.
	 */
	*values(sql: string, parameters: SqlValue[] = [], onColumns?: (names: string[]) => void): Generator<Value[]> {
		const statement = this.db.prepare(sql);
		try {
			statement.bind(parameters);
			onColumns?.(statement.getColumnNames());
			while (statement.step()) yield statement.get() as Value[];
		} finally {
			statement.free();
		}
	}

	/** A query's rows as objects. */
	*rows(sql: string, parameters: SqlValue[] = []): Generator<Row> {
		// Asked once: getAsObject would ask SQLite for the column names again on every row, three times slower.
		let names: string[] = [];
		const rows = this.values(sql, parameters, (columns) => {
			names = columns;
		});
		for (const values of rows) yield rowOf(names, values);
	}

	all(sql: string, parameters: SqlValue[] = []): Row[] {
		return [...this.rows(sql, parameters)];
	}

	/** The first column of a query's first row, as a number (0 when there is none). */
	number(sql: string, parameters: SqlValue[] = []): number {
		for (const [value] of this.values(sql, parameters)) return Number(value ?? 0);
		return 0;
	}

	/** Runs statements that return nothing (an index, a setting). */
	exec(sql: string): void {
		this.db.exec(sql);
	}

	/** Runs one statement that returns nothing, with parameters. */
	run(sql: string, parameters: SqlValue[] = []): void {
		this.db.run(sql, parameters);
	}

	/** Each statement of a script, prepared in turn; the caller frees each. */
	statements(sql: string): Iterable<Statement> {
		// A user's ROLLBACK must find nothing to undo.
		this.finishLoading();
		return this.db.iterateStatements(sql);
	}

	/** Ends the loading transaction, writing the pages out: only for a user's SQL and for saving. */
	private finishLoading(): void {
		if (!this.loading) return;
		this.db.exec('COMMIT');
		this.loading = false;
	}

	/** The database as a SQLite file image. */
	serialise(): Uint8Array {
		// Opened again, it would claim search texts it lacks.
		if (!this.searchable) throw new Error('a database loaded without search texts is not saved');
		this.finishLoading();
		return this.db.export();
	}

	close(): void {
		this.db.close();
	}
}
