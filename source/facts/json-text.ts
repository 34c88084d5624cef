// What JSON.parse does not tell of a text it accepts: a key given twice in
// one object (the last one wins, silently), and a number written more
// exactly than a JavaScript number holds, or past the integers it holds
// exactly (it is rounded, silently). A cheap test of each slice of records
// says whether anything may be wrong; only then is each record's text read
// token by token, to find what and where.
import {shortened} from '../errors.js';
import type {Problem} from './fields.js';

const quote = 0x22;
const backslash = 0x5c;
const comma = 0x2c;
const minus = 0x2d;
const plus = 0x2b;
const dot = 0x2e;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const openBracket = 0x5b;
const closeBracket = 0x5d;

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isExponentMark = (code: number) => code === 0x65 || code === 0x45;

/** The keys of every object in `values`, nested ones included: iteratively, as deep as JSON.parse goes. */
function keyCount(values: unknown[]): number {
	let keys = 0;
	const pending: object[] = [];
	for (const value of values) if (typeof value === 'object' && value !== null) pending.push(value);
	for (let value = pending.pop(); value !== undefined; value = pending.pop()) {
		if (Array.isArray(value)) {
			for (const item of value) if (typeof item === 'object' && item !== null) pending.push(item);
		} else {
			for (const key in value) {
				keys++;
				const item = (value as Record<string, unknown>)[key];
				if (typeof item === 'object' && item !== null) pending.push(item);
			}
		}
	}
	return keys;
}

/**
 * Whether `text`, which JSON.parse read as `records`, may hold a repeated key
 * or an inexact number. Every key is a string followed by a colon: the colons
 * that follow a quote are the text's keys, and perhaps a few colons inside
 * strings; fewer keys in the records than that is a key read twice, or a
 * false alarm. Every number a record's fields can hold follows a colon (a
 * number in a list has the wrong type for any field): one of at most 15
 * characters and no exponent has at most 15 digits, which a number holds
 * exactly; any other is a possible problem.
 */
export function mayHideProblems(text: string, records: unknown[]): boolean {
	let colons = 0;
	for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) {
		let before = at - 1;
		while (isSpace(text.charCodeAt(before))) before--;
		if (text.charCodeAt(before) === quote) colons++;
		let start = at + 1;
		while (isSpace(text.charCodeAt(start))) start++;
		let end = start;
		let code = text.charCodeAt(end);
		if (!isDigit(code) && code !== minus) continue;
		for (; isDigit(code) || code === minus || code === plus || code === dot || isExponentMark(code); code = text.charCodeAt(++end)) {
			if (isExponentMark(code)) return true;
		}
		if (end - start > 15) return true;
	}
	return colons !== keyCount(records);
}

/** Where the string that starts at `start` ends: past its closing quote. */
function stringEnd(text: string, start: number): number {
	for (let at = start + 1; at < text.length; at++) {
		const code = text.charCodeAt(at);
		if (code === backslash) at++;
		else if (code === quote) return at + 1;
	}
	return text.length;
}

/** A decimal's value written one way: sign, digits without leading or trailing zeros, and the power of ten of the last. */
function canonical(decimal: string): string {
	const [, sign = '', whole = '', fraction = '', exponent = '0'] = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/.exec(decimal) ?? [];
	const digits = whole + fraction;
	let first = 0;
	while (digits[first] === '0') first++;
	let last = digits.length;
	while (last > first && digits[last - 1] === '0') last--;
	if (first === last) return '0';
	return `${sign}${digits.slice(first, last)}e${BigInt(exponent) - BigInt(fraction.length) + BigInt(digits.length - last)}`;
}

/** Why the number written `written` does not stand for the number JavaScript reads, or undefined when it does. */
function numberProblem(written: string): string | undefined {
	const value = Number(written);
	if (!(Math.abs(value) <= Number.MAX_SAFE_INTEGER)) {
		return `the number ${shortened(written)} is too large: numbers are held exactly only up to ${Number.MAX_SAFE_INTEGER}`;
	}
	if (canonical(written) !== canonical(String(value))) {
		return `the number ${shortened(written)} cannot be held exactly: it would be read as ${value}`;
	}
	return undefined;
}

const numberToken = /-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/y;

/** An object or a list the scan is inside, and the key or position of the value it is at. */
type Open = {keys: Set<string> | undefined; key: string; index: number};

/** The path of the value the innermost open object or list is at, as a message names a field. */
const pathOf = (open: readonly Open[]) => open.map(({keys, key, index}) => (keys ? `.${key}` : `[${index}]`)).join('');

/**
 * The first repeated key or inexact number in one record's text, which is
 * valid JSON, with the path of the field it is in; undefined when there is
 * none. Linear in the text, whatever its nesting.
 */
export function findTextProblem(text: string): Problem | undefined {
	const open: Open[] = [];
	let keyNext = false;
	for (let at = 0; at < text.length; ) {
		const code = text.charCodeAt(at);
		const innermost = open.at(-1);
		if (code === quote) {
			const end = stringEnd(text, at);
			if (keyNext && innermost?.keys) {
				const key = JSON.parse(text.slice(at, end)) as string;
				innermost.key = key;
				if (innermost.keys.has(key)) return {path: shortened(pathOf(open)), message: 'is given twice in the same object'};
				innermost.keys.add(key);
				keyNext = false;
			}
			at = end;
			continue;
		}
		if (code === minus || isDigit(code)) {
			numberToken.lastIndex = at;
			const written = numberToken.exec(text)?.[0] ?? text.slice(at, at + 1);
			const wrong = numberProblem(written);
			if (wrong) return {path: shortened(pathOf(open)), message: wrong};
			at += written.length;
			continue;
		}
		if (code === openBrace || code === openBracket) {
			open.push({keys: code === openBrace ? new Set() : undefined, key: '', index: 0});
			keyNext = code === openBrace;
		} else if (code === closeBrace || code === closeBracket) open.pop();
		else if (code === comma && innermost) {
			if (innermost.keys) keyNext = true;
			else innermost.index++;
		}
		// Anything else (a colon, whitespace, a letter of true, false or null) changes nothing.
		at++;
	}
	return undefined;
}
