// Trade and investment figures, with turnover charted above them.
import {amount} from '../../text/shown.js';
import {symbols} from '../../text/symbols.js';
import {pane, text} from '../pane.js';
import {chartRows, TradeChart} from './chart.js';
import {type TradeOverview, tradeOverview} from './overview.js';
import {query} from './queries.js';

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
		{header: 'Figure', sort: 'label', grow: true, text: (row) => row.label},
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
		notes: (row) => (typeof row.derived_note === 'string' ? [{kind: 'derived', text: `Derived value. ${row.derived_note}`}] : []),
	},
});
