// How facts read on screen: dates, qualifiers and amounts, in one place.
import type {Value as DatabaseValue} from '../db/database.js';

type Value = DatabaseValue | undefined;

const qualifierSigns: Record<string, string> = {exact: '', approximately: '≈', 'more-than': '>', 'at-least': '≥'};
const qualifierWords: Record<string, string> = {exact: '', approximately: 'approximately ', 'more-than': 'more than ', 'at-least': 'at least '};

/** "≈60", ">60", "36". */
export function qualified(count: Value, qualifier: Value): string {
	return `${qualifierSigns[String(qualifier)] ?? ''}${count ?? ''}`;
}

/** "approximately 60". */
export function qualifiedInWords(count: Value, qualifier: Value): string {
	return `${qualifierWords[String(qualifier)] ?? ''}${count ?? ''}`;
}

/** "2026-02-26", "2026-02-26–27", "2024-11 – 2025-01". */
export function dateRange(date: Value, end: Value): string {
	const start = String(date ?? '');
	if (end === null || end === undefined || end === start) return start;
	const last = String(end);
	if (start.length === 10 && last.length === 10 && start.slice(0, 8) === last.slice(0, 8)) return `${start}–${last.slice(8)}`;
	return `${start} – ${last}`;
}

const numberFormat = new Intl.NumberFormat('en-GB', {maximumFractionDigits: 2});

/** "903.7 million USD", "49.7 %", "−752.3 million USD"; compact: "903.7 mn USD". */
export function amount(value: Value, unit: Value, currency: Value, qualifier: Value = 'exact', compact = false): string {
	const sign = qualifierSigns[String(qualifier)] ?? '';
	const figure = `${sign}${numberFormat.format(Number(value)).replace('-', '−')}`;
	const scale = compact && unit === 'million' ? 'mn' : (unit ?? '');
	return unit === 'percent' ? `${figure} %` : `${figure} ${scale} ${currency ?? ''}`.trimEnd();
}
