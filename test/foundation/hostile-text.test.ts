// Text from a fact base someone else wrote never reaches the terminal raw: an
// escape sequence in any field, key or id of any file, quoted back in a
// message, is shown as its escape and does nothing.
import {describe, expect, test} from 'vitest';
import {escaped} from '../../source/text/printable.js';
import {runKzrs} from '../helpers/cli.js';
import {copyFactBase, type DataFileName, editData, factBaseArgs} from '../helpers/fact-base.js';

/** What a terminal would act on or hide: OSC (title, clipboard), CSI, DCS, APC, C1, bidi, zero-width, TAB, CR, NUL, DEL. */
const escapes = [
	'\u001B]0;PWNED\u0007',
	'\u001B]52;c;cm0gLXJmIH4gIw==\u0007',
	'\u001B[2J',
	'\u001BP+q\u001B\\',
	'\u001B_apc\u001B\\',
	'\u009B2J',
	'\u202E',
	'\u2066',
	'\u200B',
	'\uFEFF',
	'\u00AD',
	'\t',
	'\r',
	'\u0000',
	'\u007F',
	'\u2028',
];
const payload = `x${escapes.join('x')}x`;

/** Any byte or character of the above left in the output. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const raw = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2028\u2029\u2066-\u2069\uFEFF]/u;

const files: DataFileName[] = ['sources', 'events', 'memoranda', 'trade', 'companies', 'people', 'honours', 'agenda'];

/** A change to the first record of a file: a field, a quote, the id, or an unknown key, set to the payload. */
type Damage = {file: DataFileName; what: string; change: (record: Record<string, unknown>) => void};

function damages(): Damage[] {
	const all: Damage[] = [];
	for (const file of files) {
		const fields = file === 'sources' ? ['id', 'file', 'language', 'outlet', 'published', 'published_basis', 'title'] : undefined;
		all.push({file, what: 'an unknown key', change: (record) => Object.assign(record, {[payload]: 1})});
		for (const field of fields ?? ['id', 'citations.quote', 'citations.source', 'date', 'status', 'kind', 'qualifier', 'unit', 'side', 'subject']) {
			all.push({
				file,
				what: field,
				change: (record) => {
					if (field.startsWith('citations.')) {
						const citations = (record.citations ?? record.spellings) as Array<Record<string, unknown>> | undefined;
						if (citations?.[0]) citations[0][field.slice('citations.'.length)] = payload;
					} else record[field] = payload;
				},
			});
		}
	}
	return all;
}

describe('escapes in a fact base', () => {
	test('are shown as escapes in the message that quotes them', () => {
		expect(escaped(payload)).toBe(
			'x\\x1B]0;PWNED\\x07x\\x1B]52;c;cm0gLXJmIH4gIw==\\x07x\\x1B[2Jx\\x1BP+q\\x1B\\x\\x1B_apc\\x1B\\x\\x9B2Jx\\u{202E}x\\u{2066}x\\u{200B}x\\u{FEFF}x\\xADx\\x09x\\x0Dx\\x00x\\x7Fx\\u{2028}x',
		);
	});

	test.each(damages().map((damage) => [damage.file, damage.what, damage] as const))('%s, %s: refused or loaded, never raw', async (_file, _what, damage) => {
		const copy = copyFactBase();
		editData(copy.dataDir, damage.file, (records) => damage.change(records[0] as Record<string, unknown>));
		const result = await runKzrs(['check', ...factBaseArgs(copy)], {cwd: copy.root});
		const output = result.stdout + result.stderr;
		expect(output).not.toMatch(raw);
		// Whatever is wrong is said in one line; the value, where it is quoted, as escapes.
		if (result.status !== 0) {
			expect(result.status).toBe(2);
			expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
		}
	});
});
