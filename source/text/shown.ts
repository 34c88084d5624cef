// How facts read on screen: dates, qualifiers, amounts and the lines the
// panes make of them, in one place, for the panes that show them and for the
// search text (db/tables.ts) that finds a row by what it shows.

/** A stored value, or none. */
type Value = string | number | null | undefined;

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
/** A number's own text that Intl would give unchanged: up to three digits, two decimals, no grouping to add. */
const plainNumber = /^-?\d{1,3}(\.\d{1,2})?$/;

/** "903.7", "1,234.57": numberFormat's text, without its cost for most figures (loading formats every figure of a long series). */
function formatted(value: number): string {
	const plain = String(value);
	// Intl writes negative zero "-0".
	return plainNumber.test(plain) && !Object.is(value, -0) ? plain : numberFormat.format(value);
}

/** A count of rows, grouped by thousands: "26,573". */
export const countText = (count: number): string => formatted(count);

/** An amount in two parts: its figure ("≈903.7", "−752.3": digits and signs, no letter) and its measure ("million USD", "%"). */
export type AmountParts = {figure: string; measure: string};

export function amountParts(value: Value, unit: Value, currency: Value, qualifier: Value = 'exact', compact = false): AmountParts {
	const sign = qualifierSigns[String(qualifier)] ?? '';
	const scale = compact && unit === 'million' ? 'mn' : (unit ?? '');
	return {
		figure: `${sign}${formatted(Number(value)).replace('-', '−')}`,
		measure: unit === 'percent' ? '%' : `${scale} ${currency ?? ''}`.trimEnd(),
	};
}

/** An amount's parts as one text. */
export const amountText = ({figure, measure}: AmountParts): string => `${figure} ${measure}`.trimEnd();

/** "903.7 million USD", "49.7 %", "−752.3 million USD"; compact: "903.7 mn USD". */
export function amount(value: Value, unit: Value, currency: Value, qualifier: Value = 'exact', compact = false): string {
	return amountText(amountParts(value, unit, currency, qualifier, compact));
}

/** An event's title, marked when it was announced rather than reported as held. */
export function eventTitle(title: Value, status: Value): string {
	return `${status === 'announced' ? '(announced) ' : ''}${title ?? ''}`;
}

/** "10 memoranda signed", or an area with its term in the original language: "Health (“zdravstva”)". */
export function memorandumLine(kind: Value, count: Value, qualifier: Value, area: Value, term: Value, status: Value): string {
	const announced = status === 'announced';
	const line = kind === 'count' ? `${qualified(count, qualifier)} memoranda${announced ? '' : ' signed'}` : `${area ?? ''} (“${term ?? ''}”)`;
	return `${announced ? '(announced) ' : ''}${line}`;
}

/** What a claim about the relations is, in a word: the Standing pane's first column. */
export const standingKindWords: Readonly<Record<string, string>> = {
	record: 'record',
	characterisation: 'called',
	gratitude: 'thanks',
	outcome: 'outcome',
	expectation: 'expected',
};

/** Who says a claim: its speaker, or the source in its own voice. */
export const saidBy = (speaker: Value): string => (speaker === null || speaker === undefined ? 'source' : String(speaker));

/** A flow of goods as Serbia's statistics name it, keeping its direction. */
export const goodsFlowWords: Readonly<Record<string, string>> = {
	'Serbia → Kazakhstan': 'Serbian exports to Kazakhstan',
	'Kazakhstan → Serbia': 'Serbian imports from Kazakhstan',
};

/** How a source ranks a good among its flow. */
export const goodsRankWords: Readonly<Record<string, string>> = {leading: 'among the leading', most: 'the most'};
/** A source's outlet, or that it names none. */
export const outletShown = (outlet: string | null): string => outlet ?? 'no outlet named';
