// One measure of width for kzrs and for Ink: kzrs counts text as string-width
// does (the function Ink measures with), and no text reaches Ink with a
// grapheme that takes no column, which Ink would still give one. So a border
// drawn after any text stands where kzrs meant it to.

import fc from 'fast-check';
import {Box, renderToString, Text} from 'ink';
import stripAnsi from 'strip-ansi';
import {describe, expect, test} from 'vitest';
// string-width itself: its own name resolves to kzrs's width function here (see vitest.config.ts).
import stringWidth from '../../node_modules/string-width/index.js';
import {fitColumns} from '../../source/text/fit.js';
import {printable} from '../../source/text/printable.js';
import {displayWidth, singleColumnRun} from '../../source/text/width.js';

const segmenter = new Intl.Segmenter();
const graphemes = (text: string) => [...segmenter.segment(text)].map(({segment}) => segment);
/** Where Ink puts text: each grapheme takes at least one column. */
const inkColumns = (text: string) => graphemes(text).reduce((total, grapheme) => total + Math.max(1, stringWidth(grapheme)), 0);

const singleColumnCharacters = Array.from({length: 0x10000}, (_, codePoint) => String.fromCharCode(codePoint)).filter((character) =>
	singleColumnRun.test(character),
);

// What kzrs's text and a user's data can hold: ASCII, the direct set, and what
// needs string-width (combining marks, emoji, CJK, Hangul jamo, zero-width,
// format and control characters, surrogate halves), with colours around them.
const anyText = fc.string({
	unit: fc.oneof(
		fc.constantFrom(...singleColumnCharacters),
		fc.constantFrom('\u0301', '\u0483', '\u00AD', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\uFEFF', '\u115F', '\uFFF9', '\uFFFB'),
		fc.constantFrom('\uFE0F', '\u20E3', '\u0007', '\u009B', '\u2028', '\u202E', '\uD83C', '\uDDF0', '\t', '\n'),
		fc.constantFrom('😀', '🇰🇿', '👩‍💻', '⚡', '◽', '中', '한', '\u1100\u1161', 'ｱ', 'Ａ', '#\uFE0F\u20E3'),
		fc.string({unit: 'binary', maxLength: 2}),
	),
	maxLength: 40,
});

describe('displayWidth', () => {
	test('the directly counted set is large and covers the scripts kzrs shows', () => {
		expect(singleColumnCharacters.length).toBeGreaterThan(1500);
		for (const text of ['Vučić, Đorđe', 'Казахстан и Сербия', 'България', 'Ελλάδα', '2026-02-26–27 → „x“ ≈ −5 ◆ ⚠ │─┌█', '']) {
			expect(singleColumnRun.test(text), text).toBe(true);
		}
	});

	test('every directly counted character is one column and its own grapheme, as string-width says', () => {
		for (const character of singleColumnCharacters) {
			const code = `U+${character.charCodeAt(0).toString(16)}`;
			expect(stringWidth(character), code).toBe(1);
			expect(graphemes(`a${character}a`), code).toHaveLength(3);
			expect(graphemes(`${character}${character}`), code).toHaveLength(2);
		}
	});

	test('is string-width on any text', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				expect(displayWidth(text)).toBe(stringWidth(text));
			}),
			{numRuns: 3000},
		);
	});
});

describe('printable: the text that reaches the screen', () => {
	test('takes exactly the columns Ink gives it, whatever the text', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const shown = printable(text);
				expect(displayWidth(shown)).toBe(inkColumns(shown));
			}),
			{numRuns: 3000},
		);
	});

	test('shows what takes no column, and no control character', () => {
		for (const invisible of ['\u200B', '\u00AD', '\uFEFF', '\u061C', '\u200E', '\uFFF9', '\u115F', '\u0007', '\u001B', '\u009B', '\u202E']) {
			expect(printable(`a${invisible}b`), `U+${invisible.codePointAt(0)?.toString(16)}`).toBe('a\uFFFDb');
		}
		expect(printable('a\tb\nc\u2028d')).toBe('a b c d');
		// What joins or marks a neighbour stays: it takes no column of its own.
		expect(printable('e\u0301 👩‍💻')).toBe('e\u0301 👩‍💻');
	});

	test('a cell of any text, fitted, leaves a border where it belongs', () => {
		fc.assert(
			fc.property(anyText, fc.integer({min: 3, max: 30}), (text, width) => {
				const frame = renderToString(
					<Box borderStyle="single" width={width + 2}>
						<Text>{fitColumns(text, width)}</Text>
					</Box>,
					{columns: 80},
				);
				for (const line of stripAnsi(frame).split('\n')) expect(stringWidth(line), JSON.stringify(line)).toBe(width + 2);
			}),
			{numRuns: 500},
		);
	});
});
