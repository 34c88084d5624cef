// Text normalisation shared by quote checking and search.

/** Runs of whitespace become one space: quotes may be re-wrapped, nothing else. */
export function foldWhitespace(value: string): string {
	return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

// Cyrillic letters of Serbian, Russian and Bulgarian, mapped to the Latin
// letters a user would type for them, so "vucic" finds "Вучић" and "Vučić".
const cyrillicToLatin: Readonly<Record<string, string>> = {
	а: 'a',
	б: 'b',
	в: 'v',
	г: 'g',
	д: 'd',
	ђ: 'dj',
	е: 'e',
	ё: 'e',
	ж: 'z',
	з: 'z',
	и: 'i',
	й: 'j',
	ј: 'j',
	к: 'k',
	л: 'l',
	љ: 'lj',
	м: 'm',
	н: 'n',
	њ: 'nj',
	о: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	ћ: 'c',
	у: 'u',
	ф: 'f',
	х: 'h',
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

/** Case-, diacritic- and script-insensitive form of a text, for filtering. */
export function foldForSearch(value: string): string {
	return value
		.toLowerCase()
		.replace(/[\u0400-\u04FF]/g, (letter) => cyrillicToLatin[letter] ?? letter)
		.replaceAll('đ', 'dj')
		.normalize('NFD')
		.replace(/\p{Mark}/gu, '')
		.replace(/\s+/g, ' ');
}
