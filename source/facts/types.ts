// The records of data/*.json, as data/README.md defines them.

export type Qualifier = 'exact' | 'approximately' | 'more-than' | 'at-least';

export type Citation = {source: string; quote: string};

export type Source = {
	id: string;
	file: string;
	language: string;
	outlet: string | null;
	published: string;
	published_basis: string;
	title: string;
};

export type Event = {
	id: string;
	date: string;
	end_date: string | null;
	date_basis: string | null;
	title: string;
	place: string | null;
	participants: string[];
	visit: boolean;
	status: 'held' | 'announced';
	citations: Citation[];
};

export type Memorandum = {
	id: string;
	kind: 'count' | 'area';
	count: number | null;
	qualifier: Qualifier | null;
	area: string | null;
	term: string | null;
	citations: Citation[];
};

export type Derivation = {
	method: 'previous-from-growth' | 'difference';
	inputs: string[];
	note: string;
};

export type TradeFigure = {
	id: string;
	indicator: string;
	label: string;
	period: string | null;
	flow: string | null;
	product: string | null;
	value: number;
	unit: 'million' | 'percent';
	currency: string | null;
	qualifier: Qualifier;
	reporter: string | null;
	derived: Derivation | null;
	citations: Citation[];
};

export type CompanyCount = {
	id: string;
	subject: string;
	label: string;
	count: number;
	qualifier: Qualifier;
	side: 'serbia' | 'kazakhstan';
	citations: Citation[];
};

export type Spelling = {spelling: string; source: string; quote: string};

export type Person = {
	id: string;
	name: string;
	role: string;
	country: 'Serbia' | 'Kazakhstan';
	delegation: boolean;
	spellings: Spelling[];
	note: string | null;
};

export type Honour = {
	id: string;
	name: string;
	recipient: string;
	conferred_by: string;
	description: string;
	citations: Citation[];
};

export type FactBase = {
	sources: Source[];
	events: Event[];
	memoranda: Memorandum[];
	/** Read and checked batch by batch, once: it may hold hundreds of thousands of figures. */
	trade: Iterable<TradeFigure[]>;
	/** Each trade figure's position in trade.json (and in the order `trade` gives them), by id: complete once `trade` has been read. */
	tradePositions: ReadonlyMap<string, number>;
	companies: CompanyCount[];
	people: Person[];
	honours: Honour[];
};
