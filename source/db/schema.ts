// The in-memory database kzrs loads at start. Rows are inserted by column
// name (see tables.ts), so the order of the columns here is only for reading. `search` columns hold the
// case-, diacritic-, script- and transliteration-folded text of a row and of
// each quote (see facts/text.ts), computed once at load so that filtering is
// one scan with no per-key JavaScript.

import {factTables} from './tables.js';

/**
 * The schema's version, kept in SQLite's user_version: a saved database of
 * another version is not opened as if it were this one.
 */
export const schemaVersion = 5;

/**
 * The connection's settings, for a database loaded here and one opened from a
 * prebuilt image (see load/image.ts) alike. The database is rebuilt at every
 * start, or copied from the image, and lives in memory: nothing to journal.
 */
export const connectionSettings = `
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -4194304;
PRAGMA cache_spill = OFF;
PRAGMA foreign_keys = ON;
`;

export const schema = `${connectionSettings}
PRAGMA user_version = ${schemaVersion};
-- A loaded database lives in SQLite's page cache: sql.js backs it with a file
-- in an emulated file system whose writes cost more than the load itself, so
-- the loading transaction stays open and no page is written until a user
-- query or a save needs it (FactDatabase.finishLoading).

CREATE TABLE sources (
	id TEXT PRIMARY KEY,
	file TEXT NOT NULL,
	language TEXT NOT NULL,
	outlet TEXT,
	published TEXT NOT NULL,
	published_basis TEXT NOT NULL,
	title TEXT NOT NULL,
	search TEXT NOT NULL
) STRICT;

CREATE TABLE events (
	id TEXT PRIMARY KEY,
	date TEXT NOT NULL,
	end_date TEXT CHECK (end_date IS NULL OR end_date >= date),
	date_basis TEXT,
	title TEXT NOT NULL,
	place TEXT,
	participants TEXT NOT NULL,
	visit INTEGER NOT NULL CHECK (visit IN (0, 1)),
	status TEXT NOT NULL CHECK (status IN ('held', 'announced')),
	search TEXT NOT NULL,
	citation_list INTEGER NOT NULL
) STRICT;

CREATE TABLE memoranda (
	id TEXT PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('count', 'area')),
	count INTEGER CHECK (count >= 0),
	qualifier TEXT,
	area TEXT,
	term TEXT,
	status TEXT NOT NULL CHECK (status IN ('signed', 'announced')),
	search TEXT NOT NULL,
	citation_list INTEGER NOT NULL,
	CHECK ((kind = 'count') = (count IS NOT NULL AND area IS NULL))
) STRICT;

CREATE TABLE trade (
	id TEXT PRIMARY KEY,
	indicator TEXT NOT NULL,
	label TEXT NOT NULL,
	period TEXT,
	flow TEXT,
	product TEXT,
	value REAL NOT NULL,
	unit TEXT NOT NULL CHECK (unit IN ('million', 'percent')),
	currency TEXT CHECK ((unit = 'percent') = (currency IS NULL)),
	qualifier TEXT NOT NULL,
	reporter TEXT,
	derived_method TEXT,
	derived_inputs TEXT,
	derived_note TEXT,
	search TEXT NOT NULL,
	-- NULL only while loading, for a derived figure whose inputs may come later.
	citation_list INTEGER
) STRICT;

CREATE TABLE companies (
	id TEXT PRIMARY KEY,
	subject TEXT NOT NULL,
	label TEXT NOT NULL,
	count INTEGER NOT NULL CHECK (count >= 0),
	qualifier TEXT NOT NULL,
	side TEXT NOT NULL CHECK (side IN ('serbia', 'kazakhstan')),
	search TEXT NOT NULL,
	citation_list INTEGER NOT NULL
) STRICT;

CREATE TABLE people (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	role TEXT NOT NULL,
	country TEXT NOT NULL,
	delegation INTEGER NOT NULL CHECK (delegation IN (0, 1)),
	note TEXT,
	search TEXT NOT NULL,
	citation_list INTEGER NOT NULL
) STRICT;

CREATE TABLE honours (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	recipient TEXT NOT NULL,
	conferred_by TEXT NOT NULL,
	description TEXT NOT NULL,
	search TEXT NOT NULL,
	citation_list INTEGER NOT NULL
) STRICT;

-- stances: "s003 agreed; s004 agreed", one per source that names the area.
CREATE TABLE agenda (
	id TEXT PRIMARY KEY,
	area TEXT NOT NULL,
	stances TEXT NOT NULL,
	note TEXT,
	search TEXT NOT NULL,
	citation_list INTEGER NOT NULL
) STRICT;

-- Claims about the relations; records sharing a subject are readings of one matter.
CREATE TABLE standing (
	id TEXT PRIMARY KEY,
	subject TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('record', 'characterisation', 'gratitude', 'outcome', 'expectation')),
	claim TEXT NOT NULL,
	wording TEXT NOT NULL,
	term TEXT NOT NULL,
	speaker TEXT,
	note TEXT,
	search TEXT NOT NULL,
	citation_list INTEGER NOT NULL
) STRICT;

-- The goods a source names in a flow of trade, without values.
CREATE TABLE goods (
	id TEXT PRIMARY KEY,
	flow TEXT NOT NULL CHECK (flow IN ('Serbia → Kazakhstan', 'Kazakhstan → Serbia')),
	rank TEXT NOT NULL CHECK (rank IN ('leading', 'most')),
	product TEXT NOT NULL,
	term TEXT NOT NULL,
	search TEXT NOT NULL,
	citation_list INTEGER NOT NULL
) STRICT;

-- Each source's document as kzrs shows it (its seed, in NFC), and its
-- sentences as its language's rules cut them: UTF-16 offsets into text, the
-- end exclusive.
CREATE TABLE documents (
	source_id TEXT PRIMARY KEY REFERENCES sources (id),
	text TEXT NOT NULL
) STRICT;

CREATE TABLE sentences (
	source_id TEXT NOT NULL REFERENCES sources (id),
	sentence_start INTEGER NOT NULL,
	sentence_end INTEGER NOT NULL CHECK (sentence_end > sentence_start)
) STRICT;

-- Each distinct quote once: a long series may cite the same sentence in every
-- row. passage_start and passage_end: where it stands in its document, found
-- at its first occurrence as kzrs check finds it (runs of whitespace folded).
CREATE TABLE quotes (
	id INTEGER PRIMARY KEY,
	source_id TEXT NOT NULL REFERENCES sources (id),
	quote TEXT NOT NULL,
	search TEXT NOT NULL,
	passage_start INTEGER NOT NULL,
	passage_end INTEGER NOT NULL CHECK (passage_end > passage_start),
	UNIQUE (source_id, quote)
) STRICT;

-- The quotes behind a fact, as a numbered list each fact names in its
-- citation_list column: the rows of a long series cite the same quotes, so one
-- list serves them all. A derived trade figure's list ends with its inputs'
-- quotes, with via naming the input each came through.
CREATE TABLE citation_lists (
	list_id INTEGER NOT NULL,
	ordinal INTEGER NOT NULL,
	quote_id INTEGER NOT NULL REFERENCES quotes (id),
	spelling TEXT,
	via TEXT,
	PRIMARY KEY (list_id, ordinal)
) STRICT, WITHOUT ROWID;

-- Citations as a reader wants them: fact, source, quote.
CREATE VIEW citations AS
${factTables
	.map(
		(table) => `	SELECT '${table}' AS fact_table, f.id AS fact_id, l.ordinal, q.source_id, q.quote, l.spelling, l.via
	FROM ${table} f JOIN citation_lists l ON l.list_id = f.citation_list JOIN quotes q ON q.id = l.quote_id`,
	)
	.join('\n\tUNION ALL\n')};
`;

// Built after the rows are in: one sort per index instead of a tree kept in
// order through every insert. A pane's sort orders are made when a sort first
// asks for one (sort-order.ts), and its filter's search text is read once
// every row is in (search-text.ts): neither while loading.
export const indexes = `
CREATE INDEX events_by_date ON events (date, end_date);
CREATE INDEX companies_by_subject ON companies (subject);
CREATE INDEX quotes_by_source ON quotes (source_id);
CREATE INDEX sentences_by_source ON sentences (source_id, sentence_start);
`;
