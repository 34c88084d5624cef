// Folding for search: a name is found however it is spelt, in the names of
// the shipped data.
import {describe, expect, test} from 'vitest';
import {foldFilter, foldForSearch} from '../../source/facts/text.js';

/** The spellings of each name in the shipped data (and the usual others), which must fold alike. */
const spellings = {
	Vučić: ['Vučić', 'Vucic', 'VUČIĆ', 'Вучић', 'Вучич', 'Вучиќ', 'Vuchich'],
	Tokayev: ['Tokayev', 'Tokajev', 'Tokaev', 'Tokaiev', 'Токаев', 'Токајев', 'Тоқаев', 'TOKAYEV'],
	Bektenov: ['Bektenov', 'Бектенов'],
	Astana: ['Astana', 'Астана'],
	Kazakhstan: ['Kazakhstan', 'Kazahstan', 'Казахстан'],
	Olzhas: ['Olzhas', 'Olžas', 'Олжас'],
	Đorđe: ['Đorđe', 'Djordje', 'Ђорђе'],
};

describe('folding', () => {
	test.each(Object.entries(spellings))('every spelling of %s folds alike', (_, names) => {
		const [first, ...others] = names.map(foldForSearch);
		for (const other of others) expect(other).toBe(first);
	});

	test('the names stay apart', () => {
		const folds = Object.values(spellings).map(([name]) => foldForSearch(name as string));
		expect(new Set(folds).size).toBe(folds.length);
	});

	test('declined forms are found by the name: Tokajeva, Токаева, Вучића', () => {
		expect(foldForSearch('predsednika Tokajeva')).toContain(foldFilter('tokayev'));
		expect(foldForSearch('с Токаева')).toContain(foldFilter('Tokayev'));
		expect(foldForSearch('predsednika Vučića')).toContain(foldFilter('vucic'));
		expect(foldForSearch('Казахстана')).toContain(foldFilter('kazakh'));
	});

	test('a name typed letter by letter keeps finding it', () => {
		const typed = ['Tokayev', 'Tokajev', 'Tokaev', 'Kazakhstan', 'Kazahstan', 'Vučić', 'Vucic', 'Bektenov', 'Astana', 'exports', 'Olzhas'];
		for (const word of typed) {
			const whole = foldForSearch(word);
			for (let length = 1; length <= word.length; length++) expect(whole, word.slice(0, length)).toContain(foldFilter(word.slice(0, length)));
		}
		// Every spelling of a name is found by the others' beginnings too.
		for (const names of Object.values(spellings)) {
			for (const name of names) for (const other of names) expect(foldForSearch(name)).toContain(foldFilter(other.slice(0, 4)));
		}
	});

	test('whitespace folds to single spaces; what is not a letter stays', () => {
		expect(foldForSearch('A \t\n B')).toBe('a b');
		expect(foldForSearch('903.7 million USD')).toBe('903.7 million usd');
		expect(foldForSearch('−752.3 ≈60 >90 % 2026-02-26–27')).toBe('−752.3 ≈60 >90 % 2026-02-26–27');
	});
});
