// How each record of the fact base becomes a row: for every field of its
// shape (facts/records.ts), the column or columns that store it, or its
// citations, which go to the citation lists; and the text a filter searches:
// what the row's pane shows of it, in the words the pane shows (text/shown.ts),
// and the fields its detail adds. A row's quotes are searched in their own
// table (see db/pane-reads.ts), not repeated in every row that cites them.
// TypeScript requires every field to be named here; test/db/tables.test.ts
// checks these columns against the schema (schema.ts) and the panes that show
// them. Rows are inserted by these column names, never by position.
import type {DataFileName, RecordOf} from '../facts/records.js';
import {
	type AmountParts,
	amountParts,
	dateRange,
	eventTitle,
	goodsFlowWords,
	goodsRankWords,
	memorandumLine,
	qualified,
	saidBy,
	standingKindWords,
} from '../text/shown.js';

export type Value = string | number | null;

/** A field stored as it is, in the column of its name (true and false as 1 and 0). */
const sameName = 'column';
/** A field that is the record's citations (or, for a person, the spellings that cite): stored in citation lists. */
const cited = 'citations';

type Storage<Record, Field extends keyof Record> =
	| (Record[Field] extends string | number | boolean | null ? typeof sameName : never)
	| (Record[Field] extends ReadonlyArray<{source: string; quote: string}> ? typeof cited : never)
	| {readonly [column: string]: (record: Record) => Value};

/**
 * A part of a row's search text: a text, folded; a number as it is; an
 * amount as it is shown, its measure folded (its figure is digits and signs,
 * which folding leaves as they are, and differs from row to row).
 */
export type SearchPart = string | number | AmountParts | null | undefined;

/** What a row's search text needs besides its record. */
export type SearchContext = {
	/** The languages of the sources cited, each once, in the order cited: "sr-Latn bg", as a pane shows them. */
	languages: (citations: ReadonlyArray<{source: string}>) => string;
};

type TableSpec<Name extends DataFileName> = {
	fields: {[Field in keyof RecordOf<Name>]-?: Storage<RecordOf<Name>, Field>};
	/** The parts of a row's search text, in order (see load/rows.ts). */
	search: (record: RecordOf<Name>, context: SearchContext) => SearchPart[];
};

export type Table<Name extends DataFileName> = {
	name: Name;
	/** The record's fields, each stored in a column or in the citation lists. */
	fields: readonly string[];
	/** The stored columns, in the order rows give them: then `search`, then `citation_list` where the table is cited. */
	columns: ReadonlyArray<{name: string; value: (record: RecordOf<Name>) => Value}>;
	cited: boolean;
	search: TableSpec<Name>['search'];
	/** Its citations, for a cited table. */
	citations: (record: RecordOf<Name>) => Array<{source: string; quote: string; spelling?: string}>;
};

const stored = (value: unknown): Value => (typeof value === 'boolean' ? (value ? 1 : 0) : (value as Value));

function table<Name extends DataFileName>(name: Name, {fields, search}: TableSpec<Name>): Table<Name> {
	type Row = RecordOf<Name>;
	const columns: Array<{name: string; value: (record: Row) => Value}> = [];
	let citationField: string | undefined;
	for (const [field, storage] of Object.entries(fields) as Array<[string, Storage<Row, keyof Row>]>) {
		if (storage === sameName) columns.push({name: field, value: (record) => stored(record[field as keyof Row])});
		else if (storage === cited) citationField = field;
		else for (const [column, value] of Object.entries(storage)) columns.push({name: column, value});
	}
	return {
		name,
		fields: Object.keys(fields),
		columns,
		cited: citationField !== undefined,
		search,
		citations: (record) =>
			citationField === undefined ? [] : (record[citationField as keyof Row] as Array<{source: string; quote: string; spelling?: string}>),
	};
}

export const tables: {[Name in DataFileName]: Table<Name>} = {
	sources: table('sources', {
		fields: {id: sameName, file: sameName, language: sameName, outlet: sameName, published: sameName, published_basis: sameName, title: sameName},
		search: (s) => [s.id, s.language, s.outlet, s.published, s.title],
	}),
	events: table('events', {
		fields: {
			id: sameName,
			date: sameName,
			end_date: sameName,
			date_basis: sameName,
			title: sameName,
			place: sameName,
			participants: {participants: (e) => e.participants.join('; ')},
			visit: sameName,
			status: sameName,
			citations: cited,
		},
		search: (e) => [dateRange(e.date, e.end_date), eventTitle(e.title, e.status), e.place, e.participants.join(' '), e.status],
	}),
	memoranda: table('memoranda', {
		fields: {id: sameName, kind: sameName, count: sameName, qualifier: sameName, area: sameName, term: sameName, status: sameName, citations: cited},
		search: (m, {languages}) => [memorandumLine(m.kind, m.count, m.qualifier, m.area, m.term, m.status), languages(m.citations), m.kind, m.status],
	}),
	trade: table('trade', {
		fields: {
			id: sameName,
			indicator: sameName,
			label: sameName,
			period: sameName,
			flow: sameName,
			product: sameName,
			value: sameName,
			unit: sameName,
			currency: sameName,
			qualifier: sameName,
			reporter: sameName,
			derived: {
				derived_method: (t) => t.derived?.method ?? null,
				derived_inputs: (t) => t.derived?.inputs.join(' ') ?? null,
				derived_note: (t) => t.derived?.note ?? null,
			},
			citations: cited,
		},
		// The list shows the product before the label; a label that names its product has it once.
		search: (t) => [t.label, t.product, t.period, amountParts(t.value, t.unit, t.currency, t.qualifier), t.indicator, t.flow, t.derived ? 'derived' : null],
	}),
	companies: table('companies', {
		fields: {id: sameName, subject: sameName, label: sameName, count: sameName, qualifier: sameName, side: sameName, citations: cited},
		search: (c, {languages}) => [c.label, qualified(c.count, c.qualifier), languages(c.citations), c.qualifier, c.side],
	}),
	people: table('people', {
		fields: {id: sameName, name: sameName, role: sameName, country: sameName, delegation: sameName, spellings: cited, note: sameName},
		search: (p) => [p.name, p.role, p.delegation ? 'delegation' : null, p.country, p.spellings.map(({spelling}) => spelling).join(' ')],
	}),
	honours: table('honours', {
		fields: {id: sameName, name: sameName, recipient: sameName, conferred_by: sameName, description: sameName, citations: cited},
		search: (h) => [h.name, h.recipient, h.description],
	}),
	agenda: table('agenda', {
		fields: {
			id: sameName,
			area: sameName,
			stances: {stances: (a) => a.stances.map(({source, stance}) => `${source} ${stance}`).join('; ')},
			note: sameName,
			citations: cited,
		},
		search: (a) => [a.area, a.stances.map(({stance}) => stance).join(' '), a.note],
	}),
	standing: table('standing', {
		fields: {
			id: sameName,
			subject: sameName,
			kind: sameName,
			claim: sameName,
			wording: sameName,
			term: sameName,
			speaker: sameName,
			note: sameName,
			citations: cited,
		},
		search: (s, {languages}) => [standingKindWords[s.kind], s.claim, saidBy(s.speaker), languages(s.citations), s.wording, s.term, s.note],
	}),
	goods: table('goods', {
		fields: {id: sameName, flow: sameName, rank: sameName, product: sameName, term: sameName, citations: cited},
		search: (g) => [g.product, goodsFlowWords[g.flow], goodsRankWords[g.rank], g.flow, g.term],
	}),
};

/** The tables of facts, which cite their quotes through citation lists. */
export const factTables = ['events', 'memoranda', 'trade', 'companies', 'people', 'honours', 'agenda', 'standing', 'goods'] as const;
export type FactTable = (typeof factTables)[number];

/** The columns of a table's rows as loading gives them. */
export function rowColumns(name: DataFileName): string[] {
	const {columns, cited: isCited} = tables[name];
	return [...columns.map((column) => column.name), 'search', ...(isCited ? ['citation_list'] : [])];
}

/** The tables kzrs fills itself: each distinct quote, with its folded text to search, and the citation lists made of them. */
export const linkTables = {
	quotes: ['id', 'source_id', 'quote', 'search'],
	citation_lists: ['list_id', 'ordinal', 'quote_id', 'spelling', 'via'],
} as const;
