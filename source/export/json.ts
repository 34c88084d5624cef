// Rows as a JSON array, one row a line, streamed without building the whole
// array in one string.
import {joined} from './batches.js';

function* rowTexts(rows: Iterable<unknown>): Generator<string> {
	let first = true;
	for (const row of rows) {
		yield `${first ? '[\n' : ',\n'}${JSON.stringify(row)}`;
		first = false;
	}
	yield first ? '[]\n' : '\n]\n';
}

export function jsonChunks(rows: Iterable<unknown>): Generator<string> {
	return joined(rowTexts(rows));
}
