// The records of every data file, as data/README.md documents them: each
// record's shape is checked by these checks, and its type is inferred from
// them, so a field is added in one place.
import {
	boolean,
	type Check,
	type Checked,
	count,
	currencyCode,
	fileName,
	finiteNumber,
	isoDate,
	languageTag,
	listOf,
	nullable,
	object,
	oneOf,
	slug,
	text,
} from './fields.js';

const qualifier = oneOf('exact', 'approximately', 'more-than', 'at-least');
const citation = object({source: slug, quote: text});
const citations = listOf(citation, 1);
/** How far a source says a cooperation area got. */
const stance = oneOf('agreed', 'discussed', 'proposed', 'unresolved');
/** The direction of a flow of goods. */
const flow = oneOf('Serbia → Kazakhstan', 'Kazakhstan → Serbia');

const shapes = {
	sources: object({
		id: slug,
		file: fileName,
		language: languageTag,
		outlet: nullable(text),
		published: isoDate,
		published_basis: text,
		title: text,
	}),
	events: object({
		id: slug,
		date: isoDate,
		end_date: nullable(isoDate),
		date_basis: nullable(text),
		title: text,
		place: nullable(text),
		participants: listOf(text),
		visit: boolean,
		status: oneOf('held', 'announced'),
		citations,
	}),
	memoranda: object({
		id: slug,
		kind: oneOf('count', 'area'),
		count: nullable(count),
		qualifier: nullable(qualifier),
		area: nullable(text),
		term: nullable(text),
		// Whether a source reports it done, or only announces it in advance.
		status: oneOf('signed', 'announced'),
		citations,
	}),
	trade: object({
		id: slug,
		indicator: oneOf('turnover', 'exports', 'imports', 'balance', 'growth', 'coverage', 'investment', 'tariff-free-share'),
		label: text,
		period: nullable(isoDate),
		flow: nullable(text),
		product: nullable(text),
		value: finiteNumber,
		unit: oneOf('million', 'percent'),
		currency: nullable(currencyCode),
		qualifier,
		reporter: nullable(text),
		derived: nullable(object({method: oneOf('previous-from-growth', 'difference'), inputs: listOf(slug, 2), note: text})),
		// A derived figure may have none: its sources are its inputs'.
		citations: listOf(citation),
	}),
	companies: object({
		id: slug,
		subject: slug,
		label: text,
		count,
		qualifier,
		side: oneOf('serbia', 'kazakhstan'),
		citations,
	}),
	people: object({
		id: slug,
		name: text,
		role: text,
		country: oneOf('Serbia', 'Kazakhstan'),
		delegation: boolean,
		spellings: listOf(object({spelling: text, source: slug, quote: text}), 1),
		note: nullable(text),
	}),
	honours: object({
		id: slug,
		name: text,
		recipient: text,
		conferred_by: text,
		description: text,
		citations,
	}),
	agenda: object({
		id: slug,
		area: text,
		// One per source that names the area: every cited source has one (see check.ts).
		stances: listOf(object({source: slug, stance}), 1),
		note: nullable(text),
		citations,
	}),
	standing: object({
		id: slug,
		// Records sharing a subject are readings of one matter, each in its source's words: shown side by side, never merged.
		subject: slug,
		kind: oneOf('record', 'characterisation', 'gratitude', 'outcome', 'expectation'),
		claim: text,
		wording: text,
		// The source's own words for `wording`, found in one of its quotes (see check.ts).
		term: text,
		// Null: the source says it in its own voice.
		speaker: nullable(text),
		note: nullable(text),
		citations,
	}),
	goods: object({
		id: slug,
		flow,
		// How the source ranks the goods: among the leading ones, or the most traded.
		rank: oneOf('leading', 'most'),
		product: text,
		term: text,
		citations,
	}),
};

/** A data file, by its name without `.json`. */
export type DataFileName = keyof typeof shapes;

/** The record of a data file. */
export type RecordOf<Name extends DataFileName> = Checked<(typeof shapes)[Name]>;

/** Each data file's check of its records. */
export const recordShapes: {[Name in DataFileName]: Check<RecordOf<Name>>} = shapes;
export const dataFileNames = Object.keys(shapes) as DataFileName[];

export type Source = RecordOf<'sources'>;
export type Event = RecordOf<'events'>;
export type Memorandum = RecordOf<'memoranda'>;
export type TradeFigure = RecordOf<'trade'>;
export type CompanyCount = RecordOf<'companies'>;
export type Person = RecordOf<'people'>;
export type Honour = RecordOf<'honours'>;
export type AgendaArea = RecordOf<'agenda'>;
export type StandingClaim = RecordOf<'standing'>;
export type TradedGood = RecordOf<'goods'>;
export type Stance = Checked<typeof stance>;
export type Citation = Checked<typeof citation>;
export type Qualifier = Checked<typeof qualifier>;
export type Derivation = NonNullable<TradeFigure['derived']>;
