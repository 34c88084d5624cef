// Trade and investment figures, with turnover charted above them.
import type {FactDatabase, Row} from '../../db/database.js';
import {amount, goodsRankWords} from '../../text/shown.js';
import {symbols} from '../../text/symbols.js';
import {goodsBySentence, goodsOf} from '../goods/queries.js';
import {type Note, pane, text} from '../pane.js';
import {chartRows, TradeChart} from './chart.js';
import {type TradeOverview, tradeOverview} from './overview.js';
import {query, totalOfGood} from './queries.js';

/** The flow whose goods a row's figure totals: a total of exports or imports (not a product's), or none. */
const flowOfTotal = (row: Row): string | undefined =>
	(row.indicator === 'exports' || row.indicator === 'imports') && row.product === null && typeof row.flow === 'string' ? row.flow : undefined;

/** The goods a source names in the flow of an exports or imports total, which it gives no values for. */
function compositionNotes(row: Row, db: FactDatabase): Note[] {
	const flow = flowOfTotal(row);
	const named = flow === undefined ? [] : goodsOf(db, flow);
	if (named.length === 0) return [];
	const ranks = [...new Set(named.map(({rank}) => goodsRankWords[rank] ?? rank))].join(', ');
	return [{kind: 'context', text: `Goods named in this flow (${ranks}), without values: ${named.map(({product}) => product).join('; ')}.`}];
}

type TradeRow = {id: string; label: string; period: string; figure: string; derived: boolean};

export const trade = pane<TradeRow, TradeOverview>({
	id: 'trade',
	key: '3',
	title: 'Trade',
	onScreen: true,
	query,
	present: (row) => ({
		id: text(row.id),
		label: row.product ? `${text(row.product)} · ${text(row.label)}` : text(row.label),
		period: text(row.period),
		// Amounts are never cut (the unit and the derived mark matter): the label gives way.
		figure: `${amount(row.value, row.unit, row.currency, row.qualifier)}${row.derived_method !== null ? symbols.derived : ' '}`,
		derived: row.derived_method !== null,
	}),
	list: [
		{header: 'Period', sort: 'period', keep: true, text: (row) => row.period},
		{header: 'Figure', sort: 'label', grow: true, cut: 'words', text: (row) => row.label},
		{
			header: 'Value',
			sort: 'value',
			keep: true,
			align: 'right',
			text: (row) => row.figure,
			tone: (row) => (row.derived ? 'derived' : undefined),
		},
	],
	summary: {read: (reader) => tradeOverview(reader.db), rows: chartRows, View: TradeChart},
	detail: {
		table: 'trade',
		hidden: ['derived_note'],
		notes: (row, db) => [
			...(typeof row.derived_note === 'string' ? [{kind: 'derived' as const, text: `Derived value. ${row.derived_note}`}] : []),
			...compositionNotes(row, db),
		],
		// The sentences that name the goods follow the figure's own quotes.
		related: (row, db) => {
			const flow = flowOfTotal(row);
			return flow === undefined ? [] : goodsBySentence(db, flow).map((id) => ({table: 'goods' as const, id}));
		},
		shows: {table: 'goods', row: totalOfGood},
	},
});
