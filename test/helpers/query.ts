// A query's whole result at once, through the same path as `kzrs sql`, for tests whose results are small.
import type {FactDatabase, Value} from '../../source/db/database.js';
import {userQuery} from '../../source/db/user-query.js';

export function runUserQuery(db: FactDatabase, sql: string): {columns: string[]; rows: Value[][]} {
	const {columns, rows} = userQuery(db, sql);
	return {columns, rows: [...rows]};
}
