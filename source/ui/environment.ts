// The reducer's window on the data, answered by the database.
import type {FactDatabase} from '../db/database.js';
import {paneQueries} from '../db/pane-queries.js';
import {quoteCount} from '../views/detail.js';
import type {Environment} from './state.js';

function localDate(now: Date): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function databaseEnvironment(database: FactDatabase, now = new Date()): Environment {
	return {
		count: (pane, filter) => database.count(pane, filter),
		sortable: (pane) => paneQueries[pane].sortable,
		quoteCount: (pane, query, index) => quoteCount(database, pane, query, index),
		today: localDate(now),
	};
}
