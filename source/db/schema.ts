// The in-memory database kzrs loads at start. `search` columns hold the
// case-, diacritic- and script-folded text of a row (and its quotes), computed
// once at load so that filtering is one scan with no per-key JavaScript.
export const schema = `
PRAGMA foreign_keys = ON;

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
	search TEXT NOT NULL
) STRICT;
CREATE INDEX events_by_date ON events (date, end_date);

CREATE TABLE memoranda (
	id TEXT PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('count', 'area')),
	count INTEGER CHECK (count >= 0),
	qualifier TEXT,
	area TEXT,
	term TEXT,
	search TEXT NOT NULL,
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
	search TEXT NOT NULL
) STRICT;
CREATE INDEX trade_by_indicator ON trade (indicator, period);
CREATE INDEX trade_by_period ON trade (period);
CREATE INDEX trade_by_value ON trade (value);
CREATE INDEX trade_by_label ON trade (label);
CREATE INDEX trade_by_product ON trade (product);

CREATE TABLE companies (
	id TEXT PRIMARY KEY,
	subject TEXT NOT NULL,
	label TEXT NOT NULL,
	count INTEGER NOT NULL CHECK (count >= 0),
	qualifier TEXT NOT NULL,
	side TEXT NOT NULL CHECK (side IN ('serbia', 'kazakhstan')),
	search TEXT NOT NULL
) STRICT;
CREATE INDEX companies_by_subject ON companies (subject);

CREATE TABLE people (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	role TEXT NOT NULL,
	country TEXT NOT NULL,
	delegation INTEGER NOT NULL CHECK (delegation IN (0, 1)),
	note TEXT,
	search TEXT NOT NULL
) STRICT;

CREATE TABLE honours (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	recipient TEXT NOT NULL,
	conferred_by TEXT NOT NULL,
	description TEXT NOT NULL,
	search TEXT NOT NULL
) STRICT;

-- Every quote behind every fact. A derived trade figure has its inputs'
-- citations, with via naming the input they came through.
CREATE TABLE citations (
	fact_table TEXT NOT NULL CHECK (fact_table IN ('events', 'memoranda', 'trade', 'companies', 'people', 'honours')),
	fact_id TEXT NOT NULL,
	ordinal INTEGER NOT NULL,
	source_id TEXT NOT NULL REFERENCES sources (id),
	quote TEXT NOT NULL,
	spelling TEXT,
	via TEXT,
	PRIMARY KEY (fact_table, fact_id, ordinal)
) STRICT, WITHOUT ROWID;
CREATE INDEX citations_by_source ON citations (source_id);
`;
