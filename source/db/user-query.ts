// A user's own SQL (`kzrs sql`), read-only.
import type {FactDatabase, Value} from './database.js';

export type SqlResult = {columns: string[]; rows: Value[][]};

/**
 * Runs a user's query, read-only: SQLite refuses any write, and the guard is
 * set again before each statement, so a query cannot turn it off for the
 * next. Gives the last result that has columns (even with no rows); a bad
 * query throws SQLite's own message.
 */
export function runUserQuery(db: FactDatabase, sql: string): SqlResult {
	let result: SqlResult = {columns: [], rows: []};
	try {
		for (const statement of db.statements(sql)) {
			try {
				db.exec('PRAGMA query_only = ON');
				const columns = statement.getColumnNames();
				const rows: Value[][] = [];
				while (statement.step()) rows.push(statement.get() as Value[]);
				if (columns.length > 0) result = {columns, rows};
			} finally {
				statement.free();
			}
		}
	} finally {
		db.exec('PRAGMA query_only = OFF');
	}
	return result;
}
