// Small composable checks for the fields of data/*.json. A check returns the
// first problem it finds, with the path of the offending field inside the
// value, and carries the type a value that passes it has: the records' types
// are inferred from their checks (see records.ts), so there is one definition
// of each shape.

import {shortened} from '../errors.js';

export type Problem = {path: string; message: string};

/** A check whose passing values are of type `T` (a type only: `type` is never set). */
export type Check<T> = ((value: unknown) => Problem | undefined) & {readonly type?: T};

/** The type of the values a check lets pass. */
export type Checked<C> = C extends Check<infer T> ? T : never;

const problem = (message: string, path = ''): Problem => ({path, message});

/** A check of values of type `T`, from a function that finds their problems. */
const check = <T>(find: (value: unknown) => Problem | undefined): Check<T> => find;

// C0 and C1 controls and DEL, which could move the cursor or recolour the
// terminal if they ever reached the screen, and the bidirectional overrides,
// which make text read other than it is stored.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const controlCharacter = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** Characters that draw nothing (zero-width spaces, joiners, soft hyphens, tags): text that hides what it says. */
const invisibleCharacter = /\p{Default_Ignorable_Code_Point}/u;

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return value === '' ? 'empty text' : 'text';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

/** A value as a message quotes it: text, cut short, and numbers as they are; a list or an object in words, however large or deep. */
function quoted(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(shortened(value));
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return describe(value);
}

export const text = check<string>((value) => {
	if (typeof value !== 'string') return problem(`expected text, found ${describe(value)}`);
	if (value.trim() === '') return problem('is empty');
	for (const [characters, kind] of [
		[controlCharacter, 'control'],
		[invisibleCharacter, 'invisible'],
	] as const) {
		const found = characters.exec(value);
		const code = found?.[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
		if (code !== undefined) return problem(`contains the ${kind} character U+${code}`);
	}
	return undefined;
});

/** A file's name alone, without a folder: it names a file in the folder it is looked for in, and cannot lead out of it. */
export const fileName = check<string>((value) => {
	const notText = text(value);
	if (notText) return notText;
	return value === '.' || value === '..' || /[/\\]/.test(value as string) ? problem(`expected a file name without a path, found ${quoted(value)}`) : undefined;
});

export const nullable = <T>(inner: Check<T>) => check<T | null>((value) => (value === null ? undefined : inner(value)));

export const oneOf = <const Allowed extends readonly string[]>(...allowed: Allowed) =>
	check<Allowed[number]>((value) =>
		typeof value === 'string' && allowed.includes(value) ? undefined : problem(`expected one of ${allowed.join(', ')}, found ${quoted(value)}`),
	);

export const boolean = check<boolean>((value) => (typeof value === 'boolean' ? undefined : problem(`expected true or false, found ${describe(value)}`)));

export const finiteNumber = check<number>((value) =>
	typeof value === 'number' && Number.isFinite(value) ? undefined : problem(`expected a number, found ${describe(value)}`),
);

export const count = check<number>((value) =>
	typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? undefined : problem(`expected a whole number of at least 0, found ${quoted(value)}`),
);

export const slug = check<string>((value) =>
	typeof value === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)
		? undefined
		: problem(`expected an id of lower-case letters, digits and "-", found ${quoted(value)}`),
);

/** ISO 8601 calendar date, year-month or year, and a real day of the calendar. */
export const isoDate = check<string>((value) => {
	const bad = () => problem(`expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), found ${quoted(value)}`);
	if (typeof value !== 'string') return bad();
	const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
	if (!match) return bad();
	const [, year, month, day] = match;
	if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return bad();
	if (day !== undefined) {
		const date = new Date(`${value}T00:00:00Z`);
		if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(day) || date.getUTCFullYear() !== Number(year)) {
			return bad();
		}
	}
	return undefined;
});

export const currencyCode = check<string>((value) =>
	typeof value === 'string' && /^[A-Z]{3}$/.test(value) ? undefined : problem(`expected a three-letter ISO 4217 currency code, found ${quoted(value)}`),
);

export const languageTag = check<string>((value) => {
	const invalid = () => problem(`expected a BCP 47 language tag such as sr-Latn, found ${quoted(value)}`);
	if (typeof value !== 'string') return invalid();
	try {
		return Intl.getCanonicalLocales(value)[0] === value ? undefined : invalid();
	} catch {
		return invalid();
	}
});

export const listOf = <T>(item: Check<T>, minimum = 0) =>
	check<T[]>((value) => {
		if (!Array.isArray(value)) return problem(`expected a list, found ${describe(value)}`);
		if (value.length < minimum) return problem(`needs at least ${minimum} item${minimum === 1 ? '' : 's'}`);
		for (const [index, element] of value.entries()) {
			const found = item(element);
			if (found) return {path: `[${index}]${found.path}`, message: found.message};
		}
		return undefined;
	});

/** The checks of an object's fields, by name. */
export type Shape = {readonly [field: string]: Check<unknown>};

/** The object type a shape describes. */
export type ShapeOf<S extends Shape> = {[Field in keyof S]: Checked<S[Field]>};

/** An object with exactly the fields of the shape: a missing or unknown field is a problem. */
export const object = <S extends Shape>(shape: S) => {
	const fields = Object.entries(shape);
	return check<ShapeOf<S>>((value) => {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			return problem(`expected an object, found ${describe(value)}`);
		}
		for (const [field, inner] of fields) {
			if (!Object.hasOwn(value, field)) return problem('is missing', `.${field}`);
			const found = inner((value as Record<string, unknown>)[field]);
			if (found) return {path: `.${field}${found.path}`, message: found.message};
		}
		// Every field of the shape is there: any more keys are unknown ones.
		const keys = Object.keys(value);
		if (keys.length === fields.length) return undefined;
		const unknown = keys.find((field) => !Object.hasOwn(shape, field));
		return problem('is not a field of this file (see data/README.md)', `.${shortened(unknown ?? '')}`);
	});
};

/** The value as the type its check gives, or the problem that keeps it from being one. */
export function validate<T>(check: Check<T>, value: unknown): {ok: true; value: T} | {ok: false; problem: Problem} {
	const problem = check(value);
	// The check is what the type stands for: a value it passes is a T.
	return problem === undefined ? {ok: true, value: value as T} : {ok: false, problem};
}
