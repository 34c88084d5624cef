// Text normalisation shared by quote checking and search.

/** Runs of whitespace become one space: quotes may be re-wrapped, nothing else. */
export function foldWhitespace(value: string): string {
	return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

// Folding for search. A filter finds a name however it is spelt: in either
// case, with or without diacritics, in Cyrillic or Latin script, and in the
// usual transliterations of Russian and Kazakh names, so that Tokayev,
// Tokajev, Tokaev, Токаев, Токајев and Тоқаев all fold to "tokajev", and
// Vučić, Vucic, Вучић, Вучич and Вучиќ to "vucic". The stored search text and
// the filter are folded alike, by these rewritings, one after the other:
//
// 1. Soft and hard signs before a vowel are iotation: Васильев, vasiljev.
// 2. Letters: lower case; Cyrillic (Serbian, Macedonian, Russian, Bulgarian,
//    Kazakh, Ukrainian) to the Latin letters of Serbian Latin script, so ж is
//    z and ч is c, as they are once their diacritics are gone; Latin
//    diacritics dropped (č is c, đ is dj); whitespace runs one space.
// 3. Transliterations, to one spelling each (the `spellings` table): zh, ch,
//    sh lose their h (Olzhas, Олжас: olzas); ts before a vowel is c
//    (Kuznetsov, Кузнецов); x is ks, q is k, y is j (Tokayev, ya, yu: ja,
//    ju); i between vowels is j (Tokaiev). Kh stays, and every other h
//    becomes kh: Kazakhstan, Kazahstan and Казахстан fold alike, and "kazak",
//    typed on the way to "kazakh", still finds them.
// 4. Iotation: e after a vowel is je (Токаев, Tokaev: tokajev).
//
// A spelling's fold begins with the fold of its first letters, so a name
// typed letter by letter keeps finding its rows; the exceptions are the "i"
// of "ie" and the "t" of "ts" (Tokai…, Kuznet…), found again at the next
// letter.

/** A rewriting: every match of `pattern` (which has no groups) replaced by what `replace` makes of it. */
type Rewrite = {pattern: RegExp; replace: (match: string) => string};

// Letters of Cyrillic alphabets, by the Latin letters a user would type for them.
const cyrillicToLatin: Readonly<Record<string, string>> = {
	а: 'a',
	ә: 'a',
	б: 'b',
	в: 'v',
	г: 'g',
	ғ: 'g',
	ґ: 'g',
	д: 'd',
	ђ: 'dj',
	ѓ: 'dj',
	е: 'e',
	ё: 'e',
	є: 'je',
	ж: 'z',
	з: 'z',
	ѕ: 'dz',
	и: 'i',
	і: 'i',
	ї: 'ji',
	й: 'j',
	ј: 'j',
	к: 'k',
	қ: 'k',
	ќ: 'c',
	л: 'l',
	љ: 'lj',
	м: 'm',
	н: 'n',
	ң: 'n',
	њ: 'nj',
	о: 'o',
	ө: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	ћ: 'c',
	у: 'u',
	ұ: 'u',
	ү: 'u',
	ў: 'u',
	ф: 'f',
	х: 'h',
	һ: 'h',
	ц: 'c',
	ч: 'c',
	џ: 'dz',
	ш: 's',
	щ: 'st',
	ъ: 'a',
	ы: 'y',
	ь: '',
	э: 'e',
	ю: 'ju',
	я: 'ja',
};

const foldedLetters = new Map<string, string>();

/** One character in lower case and Latin letters, without diacritics. */
function foldLetter(character: string): string {
	let folded = foldedLetters.get(character);
	if (folded === undefined) {
		const lower = character.toLowerCase();
		folded = cyrillicToLatin[lower] ?? (lower === 'đ' ? 'dj' : lower.normalize('NFD').replace(/\p{Mark}/gu, ''));
		foldedLetters.set(character, folded);
	}
	return folded;
}

/** Step 1: ь or ъ before а е ё и о у ы э ю я і є ї (escaped: the bundle is ASCII, and esbuild leaves a pattern as it is). */
const iotatingSigns: Rewrite = {
	pattern: /[\u044C\u044A](?=[\u0430\u0435\u0451\u0438\u043E\u0443\u044B\u044D\u044E\u044F\u0456\u0454\u0457])/giu,
	replace: () => 'j',
};

/** Step 2. */
const letters: Rewrite = {
	// Whitespace runs, and every character but a space and printable ASCII other than capitals.
	pattern: /\s{2,}|[^ !-@[-~]/gu,
	replace: (match) => (/^\s/.test(match) ? ' ' : foldLetter(match)),
};

/** Step 3: each variant as its one spelling. */
const spellings: Readonly<Record<string, string>> = {kh: 'kh', zh: 'z', ch: 'c', sh: 's', ts: 'c', x: 'ks', q: 'k', y: 'j', i: 'j', h: 'kh'};

const transliterations: Rewrite = {
	pattern: /kh|zh|ch|sh|ts(?=[aeiou])|[xqy]|(?<=[aeiou])i(?=[aeiou])|h/g,
	replace: (match) => spellings[match] ?? match,
};

/** Step 4. */
const iotation: Rewrite = {pattern: /(?<=[aeiou])e/g, replace: () => 'je'};

const foldingSteps: readonly Rewrite[] = [iotatingSigns, letters, transliterations, iotation];

/** Case-, diacritic-, script- and transliteration-insensitive form of a text, for filtering (see above). */
export function foldForSearch(value: string): string {
	let folded = value;
	for (const {pattern, replace} of foldingSteps) folded = folded.replace(pattern, replace);
	return folded;
}

/** A folded text, and for each of its UTF-16 units the range of the original text it comes from. */
export type FoldedText = {text: string; starts: number[]; ends: number[]};

/** foldForSearch's result, with the range of `value` each of its UTF-16 units comes from. */
export function foldTracingSources(value: string): FoldedText {
	const starts = new Array<number>(value.length);
	for (let index = 0; index < value.length; index++) starts[index] = index;
	let folded: FoldedText = {text: value, starts, ends: starts.map((start) => start + 1)};
	for (const step of foldingSteps) folded = rewriteTracing(folded, step);
	return folded;
}

/** A rewriting of a traced text: what each replacement gives comes from the whole of what it replaced. */
function rewriteTracing({text, starts, ends}: FoldedText, {pattern, replace}: Rewrite): FoldedText {
	const traced: FoldedText = {text: '', starts: [], ends: []};
	let copied = 0;
	const copyUpTo = (end: number) => {
		for (; copied < end; copied++) {
			traced.starts.push(starts[copied] as number);
			traced.ends.push(ends[copied] as number);
		}
	};
	traced.text = text.replace(pattern, (match: string, offset: number) => {
		copyUpTo(offset);
		const replacement = replace(match);
		const start = starts[offset] as number;
		const end = ends[offset + match.length - 1] as number;
		for (let unit = 0; unit < replacement.length; unit++) {
			traced.starts.push(start);
			traced.ends.push(end);
		}
		copied = offset + match.length;
		return replacement;
	});
	copyUpTo(text.length);
	return traced;
}

/**
 * Where a folded filter occurs in a text: the ranges of the text (UTF-16
 * offsets, start inclusive, end exclusive) whose fold it matches, in order and
 * not overlapping, each with what follows it and folds to nothing (a
 * combining accent). None for an empty filter.
 */
export function searchMatches(value: string, foldedFilter: string, folded?: FoldedText): Array<[start: number, end: number]> {
	if (foldedFilter === '') return [];
	// `folded`: the value already folded, where one long text is searched again and again.
	const {text, starts, ends} = folded ?? foldTracingSources(value);
	const ranges: Array<[number, number]> = [];
	for (let at = text.indexOf(foldedFilter); at !== -1; at = text.indexOf(foldedFilter, at + foldedFilter.length)) {
		const start = starts[at] as number;
		const after = at + foldedFilter.length;
		const end = Math.max(ends[after - 1] as number, after < text.length ? (starts[after] as number) : value.length);
		const last = ranges.at(-1);
		if (last !== undefined && start < last[1]) last[1] = Math.max(last[1], end);
		else ranges.push([start, end]);
	}
	return ranges;
}

/** A filter as the search text holds it: folded, without spaces at its ends. Empty: every row. */
export const foldFilter = (filter = ''): string => foldForSearch(filter).trim();
