// The index that finds quotes in a long seed answers as searching the whole
// text does, for quotes found anywhere, at its ends, and nowhere.
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {QuoteIndex} from '../../source/facts/quote-index.js';

/** Text from few characters, so that grams repeat and hashes are shared, as in a long seed. */
const smallAlphabetText = (maxLength: number) => fc.string({unit: fc.constantFrom('a', 'b', ' ', 'č', 'Ж', '😀'), maxLength});

describe('QuoteIndex', () => {
	test('finds every part of the text: at its start, at its end, and the whole', () => {
		fc.assert(
			fc.property(smallAlphabetText(300), fc.nat(), fc.nat(), (text, from, length) => {
				const index = new QuoteIndex(text);
				const start = text.length === 0 ? 0 : from % text.length;
				const quote = text.slice(start, start + (length % 40));
				expect(index.indexOf(quote)).toBe(text.indexOf(quote));
				expect(index.indexOf(text)).toBe(0);
				expect(index.indexOf(text.slice(-7))).toBe(text.indexOf(text.slice(-7)));
			}),
			{numRuns: 400},
		);
	});

	test('answers as String.indexOf for any quote', () => {
		fc.assert(
			fc.property(smallAlphabetText(300), smallAlphabetText(12), (text, quote) => {
				expect(new QuoteIndex(text).indexOf(quote)).toBe(text.indexOf(quote));
			}),
			{numRuns: 2000},
		);
	});

	test('a quote nowhere in a long seed, though each of its grams is there', () => {
		const words = ['Astana', 'Beograd', 'memorandum', 'saradnja', 'Токаев'];
		const seed = Array.from({length: 20_000}, (_, at) => words[(at * 7) % 5]).join(' ');
		const index = new QuoteIndex(seed);
		for (const quote of ['Beograd saradnja Astana', 'Astana Astana', seed.slice(-30), seed.slice(0, 30), seed.slice(50_000, 50_040)]) {
			expect(index.indexOf(quote), quote).toBe(seed.indexOf(quote));
		}
		expect(index.indexOf('Astana Astana')).toBe(-1);
	});
});
