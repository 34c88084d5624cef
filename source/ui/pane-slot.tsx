// One pane in its frame, reading only the rows it can show. Memoised, so a key
// that changes one pane re-reads and redraws only that pane.
import {useIsScreenReaderEnabled} from 'ink';
import {memo, useMemo} from 'react';
import type {FactDatabase} from '../db/database.js';
import {paneRows} from '../views/rows.js';
import {memorandaSummary, tradeOverview} from '../views/summaries.js';
import type {DashboardPane} from './layout.js';
import {PaneFrame} from './pane-frame.js';
import {CompaniesPane} from './panes/companies.js';
import {MemorandaPane} from './panes/memoranda.js';
import {TimelinePane} from './panes/timeline.js';
import {TradePane} from './panes/trade.js';
import {type Environment, type PaneView, viewQuery} from './state.js';

type Props = {
	database: FactDatabase;
	environment: Environment;
	pane: DashboardPane;
	view: PaneView;
	focused: boolean;
	width: number;
	height: number;
	/** How many rows of the list to show, and lines of chart above it. */
	listRows: number;
	chartHeight: number;
};

function PaneContent({database, environment, pane, view, focused, width, listRows: visible, chartHeight}: Props) {
	const query = viewQuery(pane, view, environment);
	// A screen reader's "listitem: (selected) " prefix takes room from the line.
	const inner = width - 2 - (useIsScreenReaderEnabled() ? 22 : 0);
	const common = {offset: view.offset, selected: view.selected, focused, width: inner, filter: view.filter};
	// The query is rebuilt each render; its parts are what matter.
	// biome-ignore lint/correctness/useExhaustiveDependencies: the query's parts are listed
	const window = useMemo(
		() => paneRows(database, pane, query, view.offset, visible),
		[database, pane, view.filter, view.sort, view.descending, view.offset, view.total, visible],
	);
	const summary = useMemo(() => (pane === 'memoranda' ? memorandaSummary(database) : undefined), [database, pane]);
	const overview = useMemo(() => (pane === 'trade' ? tradeOverview(database) : undefined), [database, pane]);
	const largest = useMemo(() => (pane === 'companies' ? database.largestCompanyCount(view.filter) : 0), [database, pane, view.filter]);
	switch (pane) {
		case 'timeline':
			return <TimelinePane rows={window as ReturnType<typeof paneRows<'timeline'>>} {...common} />;
		case 'memoranda':
			return <MemorandaPane summary={summary ?? {line: '', gap: false}} rows={window as ReturnType<typeof paneRows<'memoranda'>>} {...common} />;
		case 'trade':
			return (
				<TradePane
					overview={overview ?? {series: [], figures: []}}
					chartHeight={chartHeight}
					rows={window as ReturnType<typeof paneRows<'trade'>>}
					{...common}
				/>
			);
		case 'companies':
			return <CompaniesPane rows={window as ReturnType<typeof paneRows<'companies'>>} largest={largest} {...common} />;
	}
}

export const PaneSlot = memo(function PaneSlot(props: Props) {
	const {pane, view, focused, width, height, environment} = props;
	const sortKey = environment.sortable(pane)[view.sort];
	return (
		<PaneFrame pane={pane} area={{width, height}} focused={focused} view={view} sortKey={sortKey}>
			<PaneContent {...props} />
		</PaneFrame>
	);
});
