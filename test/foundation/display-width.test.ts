// kzrs's display width must be string-width's, character for character: it
// only skips string-width's work for text it can count directly.
import {createRequire} from 'node:module';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, test} from 'vitest';
import {displayWidth, singleColumnRun, wrapAnsiWidth} from '../../source/format/display-width.js';

/** The string-width wrap-ansi depends on, an older major version. */
const require = createRequire(import.meta.url);
const wrapAnsiStringWidth = (require(require.resolve('string-width', {paths: [require.resolve('wrap-ansi')]})) as {default: typeof stringWidth}).default;

const segmenter = new Intl.Segmenter();
const graphemes = (text: string) => [...segmenter.segment(text)].length;

const singleColumnCharacters = Array.from({length: 0x10000}, (_, codePoint) => String.fromCharCode(codePoint)).filter((character) =>
	singleColumnRun.test(character),
);

// What kzrs's text and a user's data can hold: ASCII, the direct set, and what
// needs string-width (combining marks, emoji, CJK, Hangul jamo, zero-width and
// control characters, surrogate halves), with colours around them.
const anyText = fc.string({
	unit: fc.oneof(
		fc.constantFrom(...singleColumnCharacters),
		fc.constantFrom('\u0301', '\u0483', '\u00AD', '\u200B', '\u200D', '\uFE0F', '\u20E3', '\u0007', '\u009B', '\uD83C', '\uDDF0'),
		fc.constantFrom('😀', '🇰🇿', '👩‍💻', '⚡', '◽', '中', '한', '\u1100\u1161', 'ｱ', 'Ａ', '#\uFE0F\u20E3'),
		fc.constantFrom('\u001B[31m', '\u001B[39m', '\u001B[1m', '\u001B]8;;https://example.org\u0007', '\u001B]8;;\u0007'),
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
			expect(wrapAnsiWidth(character), code).toBe(wrapAnsiStringWidth(character));
			expect(graphemes(`a${character}a`), code).toBe(3);
			expect(graphemes(`${character}${character}`), code).toBe(2);
		}
	});

	test('agrees with string-width on any text, with or without escape sequences', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				expect(displayWidth(text)).toBe(stringWidth(text));
			}),
			{numRuns: 3000},
		);
	});

	test("wrap-ansi's agrees with wrap-ansi's string-width, which counts an emoji before U+FE0F as two columns", () => {
		expect(wrapAnsiStringWidth('⚠')).toBe(2);
		expect(wrapAnsiWidth('⚠')).toBe(2);
		fc.assert(
			fc.property(anyText, (text) => {
				expect(wrapAnsiWidth(text)).toBe(wrapAnsiStringWidth(text));
			}),
			{numRuns: 1000},
		);
	});

	test('gives what string-width gives for what is not a string', () => {
		for (const value of [undefined, null, 42]) expect(displayWidth(value as unknown as string)).toBe(stringWidth(value as unknown as string));
	});

	test('passes options through to string-width', () => {
		fc.assert(
			fc.property(anyText, fc.boolean(), fc.boolean(), (text, ambiguousIsNarrow, countAnsiEscapeCodes) => {
				const options = {ambiguousIsNarrow, countAnsiEscapeCodes};
				expect(displayWidth(text, options)).toBe(stringWidth(text, options));
			}),
			{numRuns: 500},
		);
		// An ambiguous-width character counts two columns when asked to.
		expect(displayWidth('→', {ambiguousIsNarrow: false})).toBe(2);
	});
});
