// Finding many quotes in one long text. A fact base may cite hundreds of
// thousands of distinct quotes, and a seed may be megabytes long: searching
// the whole text for each quote grows with their product (20,000 quotes in a
// 5.5 MB seed took 17 s). The index lists, for every short run of characters
// (a gram), where it occurs; a quote is looked for only where its rarest
// gram occurs, and each place is confirmed by comparing the text itself, so
// a shared hash never gives a wrong answer.

/** Characters in a gram: quotes shorter than this are searched for in the whole text. */
const gramLength = 4;

function gramHash(text: string, at: number, mask: number): number {
	let hash = 0x811c9dc5;
	for (let index = at; index < at + gramLength; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
	return (hash ^ (hash >>> 15)) & mask;
}

export class QuoteIndex {
	private readonly mask: number;
	/** Where each hash's positions start in `positions`; the next entry is where they end. */
	private readonly starts: Uint32Array;
	/** Every position a gram starts at, grouped by the gram's hash. */
	private readonly positions: Uint32Array;

	constructor(private readonly text: string) {
		const grams = Math.max(0, text.length - gramLength + 1);
		// A few positions per hash: the index stays near 6 bytes a character, and a quote's rarest gram still has few places.
		let buckets = 256;
		while (buckets * 4 < grams) buckets *= 2;
		this.mask = buckets - 1;
		const hashes = new Uint32Array(grams);
		const counts = new Uint32Array(buckets + 1);
		for (let at = 0; at < grams; at++) {
			const hash = gramHash(text, at, this.mask);
			hashes[at] = hash;
			counts[hash + 1] = (counts[hash + 1] ?? 0) + 1;
		}
		for (let hash = 0; hash < buckets; hash++) counts[hash + 1] = (counts[hash + 1] ?? 0) + (counts[hash] ?? 0);
		this.starts = counts;
		const next = counts.slice(0, buckets);
		this.positions = new Uint32Array(grams);
		for (let at = 0; at < grams; at++) {
			const hash = hashes[at] ?? 0;
			const slot = next[hash] ?? 0;
			this.positions[slot] = at;
			next[hash] = slot + 1;
		}
	}

	/** Where `quote` first occurs in the text, as String.indexOf; -1 where it does not. */
	indexOf(quote: string): number {
		if (quote.length < gramLength) return this.text.indexOf(quote);
		let rarest = 0;
		let rarestHash = gramHash(quote, 0, this.mask);
		for (let offset = 1; offset + gramLength <= quote.length; offset++) {
			const hash = gramHash(quote, offset, this.mask);
			if (this.occurrences(hash) < this.occurrences(rarestHash)) {
				rarest = offset;
				rarestHash = hash;
			}
		}
		// A hash's positions are in the text's order: the first confirmed is the first occurrence.
		const [first, end] = this.range(rarestHash);
		for (let index = first; index < end; index++) {
			const start = (this.positions[index] ?? 0) - rarest;
			if (start >= 0 && this.text.startsWith(quote, start)) return start;
		}
		return -1;
	}

	/** Where the positions of the grams of this hash are in `positions`. */
	private range(hash: number): [number, number] {
		return [this.starts[hash] ?? 0, this.starts[hash + 1] ?? 0];
	}

	private occurrences(hash: number): number {
		const [first, end] = this.range(hash);
		return end - first;
	}
}
