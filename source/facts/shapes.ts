// The shape of every record in every data file, as data/README.md documents it.
import {
	boolean,
	count,
	currencyCode,
	finiteNumber,
	isoDate,
	languageTag,
	listOf,
	nullable,
	object,
	oneOf,
	type Shape,
	slug,
	text,
} from './fields.js';

const qualifier = oneOf('exact', 'approximately', 'more-than', 'at-least');
const citation = object({source: slug, quote: text});
const citations = listOf(citation, 1);

export const dataFiles = {
	sources: {
		id: slug,
		file: text,
		language: languageTag,
		outlet: nullable(text),
		published: isoDate,
		published_basis: text,
		title: text,
	},
	events: {
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
	},
	memoranda: {
		id: slug,
		kind: oneOf('count', 'area'),
		count: nullable(count),
		qualifier: nullable(qualifier),
		area: nullable(text),
		term: nullable(text),
		citations,
	},
	trade: {
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
		derived: nullable(
			object({method: oneOf('previous-from-growth', 'difference'), inputs: listOf(slug, 2), note: text}),
		),
		// A derived figure may have none: its sources are its inputs'.
		citations: listOf(citation),
	},
	companies: {
		id: slug,
		subject: slug,
		label: text,
		count,
		qualifier,
		side: oneOf('serbia', 'kazakhstan'),
		citations,
	},
	people: {
		id: slug,
		name: text,
		role: text,
		country: oneOf('Serbia', 'Kazakhstan'),
		delegation: boolean,
		spellings: listOf(object({spelling: text, source: slug, quote: text}), 1),
		note: nullable(text),
	},
	honours: {
		id: slug,
		name: text,
		recipient: text,
		conferred_by: text,
		description: text,
		citations,
	},
} as const satisfies Record<string, Shape>;

export type DataFileName = keyof typeof dataFiles;
