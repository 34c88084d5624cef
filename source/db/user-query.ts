// A user's own SQL (`kzrs sql`), read-only, its rows read as they are asked
// for: a result of any length, even an endless one, is never held whole.
import type {Statement} from 'sql.js';
import {UserError} from '../errors.js';
import type {FactDatabase, Value} from './database.js';

export type UserQuery = {
	/** The result's columns: those of the last statement that has any (none, if no statement has). */
	columns: string[];
	/** Runs the statements in turn, yielding the rows of that last one. */
	rows: Generator<Value[]>;
};

const sqlError = (error: unknown) => new UserError(`sql: ${error instanceof Error ? error.message : String(error)}`);

/**
 * Each statement of a user's query, prepared in turn, SQLite's complaint
 * about one as a UserError. sql.js frees each statement when the next is
 * prepared, or when the caller stops.
 */
function* statementsOf(db: FactDatabase, sql: string): Generator<Statement> {
	const statements = db.statements(sql)[Symbol.iterator]();
	try {
		for (;;) {
			let next: IteratorResult<Statement>;
			try {
				next = statements.next();
			} catch (error) {
				throw sqlError(error);
			}
			if (next.done) return;
			yield next.value;
		}
	} finally {
		statements.return?.();
	}
}

function step(statement: Statement): boolean {
	try {
		return statement.step();
	} catch (error) {
		throw sqlError(error);
	}
}

/**
 * A user's query: every statement is prepared first, which checks them all
 * before any runs and finds the last one with columns, whose rows are the
 * result (even none). A statement therefore cannot use a database that an
 * earlier one attaches. Read-only: SQLite refuses any write, and the guard
 * is set again before each statement runs, so a query cannot turn it off for
 * the next. A bad query, or one without a statement, throws a UserError with
 * SQLite's own message.
 */
export function userQuery(db: FactDatabase, sql: string): UserQuery {
	let columns: string[] = [];
	let shown = -1;
	let count = 0;
	for (const statement of statementsOf(db, sql)) {
		const names = statement.getColumnNames();
		if (names.length > 0) [columns, shown] = [names, count];
		count++;
	}
	if (count === 0) throw new UserError('sql: the query holds no statement');
	return {columns, rows: run(db, sql, shown)};
}

function* run(db: FactDatabase, sql: string, shown: number): Generator<Value[]> {
	try {
		let index = 0;
		for (const statement of statementsOf(db, sql)) {
			db.exec('PRAGMA query_only = ON');
			while (step(statement)) if (index === shown) yield statement.get() as Value[];
			index++;
		}
	} finally {
		db.exec('PRAGMA query_only = OFF');
	}
}
