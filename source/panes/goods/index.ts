// The goods Serbia's trade with Kazakhstan is made of, as s000 names them,
// without values. On screen they stand beside the trade figures (the Trade
// pane's detail of exports and imports); this pane is their export.
import {goodsFlowWords, goodsRankWords} from '../../text/shown.js';
import {pane, text} from '../pane.js';
import {query} from './queries.js';

type GoodRow = {id: string; product: string; flow: string; rank: string};

export const goods = pane<GoodRow>({
	id: 'goods',
	key: '0',
	title: 'Goods',
	onScreen: false,
	query,
	present: (row) => ({
		id: text(row.id),
		product: text(row.product),
		flow: goodsFlowWords[text(row.flow)] ?? text(row.flow),
		rank: goodsRankWords[text(row.rank)] ?? text(row.rank),
	}),
	list: [
		{header: 'Product', sort: 'product', grow: true, text: (row) => row.product},
		{header: 'Flow', sort: 'flow', text: (row) => row.flow, tone: () => 'muted'},
		{header: 'Rank', text: (row) => row.rank, tone: () => 'muted'},
	],
	detail: {table: 'goods'},
});
