// Where a quote stands in its document. `kzrs check` finds a quote in its
// seed with runs of whitespace folded (foldWhitespace); the same folded text
// here keeps, for each of its characters, the offset it comes from in the
// document, so that the quote found is also a passage of the document as it
// is written: its UTF-16 offsets, start inclusive, end exclusive.
import {QuoteIndex} from './quote-index.js';
import {foldWhitespace} from './text.js';

export type Span = [start: number, end: number];

/** A document as the quote search reads it: its whitespace folded, each character traced to the document. */
export class FoldedDocument {
	/** The document as kzrs keeps and shows it: the seed in NFC, as quotes are compared. */
	readonly text: string;
	private readonly folded: string;
	/** For each UTF-16 unit of the folded text, its offset in `text`. */
	private readonly origins: Uint32Array;
	/** The folded text's index, built when the first quote is looked for. */
	private index: QuoteIndex | undefined;

	constructor(seedText: string) {
		this.text = seedText.normalize('NFC');
		const origins = new Uint32Array(this.text.length);
		let folded = '';
		let length = 0;
		// As foldWhitespace: a run of whitespace is one space, none at either end.
		for (const match of this.text.matchAll(/\s+|\S+/g)) {
			const at = match.index;
			if (/^\s/.test(match[0])) {
				if (length === 0 || at + match[0].length === this.text.length) continue;
				folded += ' ';
				origins[length++] = at;
			} else {
				folded += match[0];
				for (let unit = 0; unit < match[0].length; unit++) origins[length++] = at + unit;
			}
		}
		this.folded = folded;
		this.origins = origins.subarray(0, length);
	}

	/** The passage a quote is, at its first occurrence; undefined when the document does not hold it. */
	locate(quote: string): Span | undefined {
		const wanted = foldWhitespace(quote);
		this.index ??= new QuoteIndex(this.folded);
		const at = wanted === '' ? -1 : this.index.indexOf(wanted);
		if (at === -1) return undefined;
		return [this.origins[at] as number, (this.origins[at + wanted.length - 1] as number) + 1];
	}
}

/** The document's sentences, as the language's rules cut them, without the whitespace around them. */
export function sentenceSpans(text: string, language: string): Span[] {
	let segmenter: Intl.Segmenter;
	try {
		segmenter = new Intl.Segmenter(language, {granularity: 'sentence'});
	} catch {
		// A tag Intl does not take: the default rules, which differ little.
		segmenter = new Intl.Segmenter(undefined, {granularity: 'sentence'});
	}
	const spans: Span[] = [];
	for (const {segment, index} of segmenter.segment(text)) {
		const start = index + (segment.length - segment.trimStart().length);
		const end = index + segment.trimEnd().length;
		if (end > start) spans.push([start, end]);
	}
	return spans;
}
