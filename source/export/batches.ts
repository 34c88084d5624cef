// Streamed output a batch at a time: one write for many rows, not one for each,
// and no batch much larger than its largest row, however large the rows.

/** About how many characters a batch holds: rows are added until they reach it. */
export const batchSize = 1 << 16;

/** Consecutive items in batches of about `batchSize` by `sizeOf`; no batch is empty. */
export function* batches<T>(items: Iterable<T>, sizeOf: (item: T) => number): Generator<T[]> {
	let batch: T[] = [];
	let size = 0;
	for (const item of items) {
		batch.push(item);
		size += sizeOf(item);
		if (size >= batchSize) {
			yield batch;
			batch = [];
			size = 0;
		}
	}
	if (batch.length > 0) yield batch;
}

/** Texts joined into chunks of about `batchSize` characters. */
export function* joined(texts: Iterable<string>): Generator<string> {
	for (const batch of batches(texts, (text) => text.length)) yield batch.join('');
}
