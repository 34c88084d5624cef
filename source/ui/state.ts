// The dashboard's state and its one update function, (state, action) → state,
// in the Elm architecture: no terminal, no React, no database in here. What
// the update needs to know of the data comes through `Environment`; what it
// wants done (write a file, copy, quit) it leaves in `command` for the app.
import type {RowQuery} from '../db/database.js';
import {bindings, type KeyPress} from './keys.js';
import {type DashboardPane, dashboardPanes, fullViewBox, helpGrid, layout, listHeight, type Size} from './layout.js';

export type PaneView = {
	/** Index of the selected row among the filtered, sorted rows. */
	selected: number;
	/** Index of the first visible row. */
	offset: number;
	filter: string;
	/** Index into the pane's sortable columns; -1 for the pane's own order. */
	sort: number;
	descending: boolean;
	/** Rows matching the filter. */
	total: number;
};

export type Overlay =
	| {kind: 'none'}
	| {kind: 'filter'}
	| {kind: 'detail'; pane: DashboardPane; index: number; cursor: number}
	/** `offset`: the first key shown, when they do not all fit. */
	| {kind: 'help'; offset: number}
	| {kind: 'export-name'; name: string}
	| {kind: 'export-confirm'; name: string};

export type Command =
	| {kind: 'export'; pane: DashboardPane; query: RowQuery; file: string; force: boolean}
	| {kind: 'copy-row'; pane: DashboardPane; query: RowQuery; index: number}
	| {kind: 'copy-quote'; pane: DashboardPane; query: RowQuery; index: number; cursor: number}
	/** `interrupted`: by Ctrl-C, which by convention exits with 130. */
	| {kind: 'quit'; interrupted?: true};

export type Status = {text: string; tone: 'info' | 'error'};

export type State = {
	focus: DashboardPane;
	views: Record<DashboardPane, PaneView>;
	overlay: Overlay;
	size: Size;
	status: Status | null;
	/** The latest command for the app to carry out, numbered so each runs once. */
	command: {id: number; run: Command} | null;
};

export type Action =
	| {type: 'key'; key: KeyPress}
	| {type: 'resize'; size: Size}
	/** The export target exists: ask before replacing it. */
	| {type: 'export-exists'; file: string}
	| {type: 'status'; status: Status};

/** What the update may ask of the data. Answers must depend only on the arguments. */
export type Environment = {
	count(pane: DashboardPane, filter: string): number;
	sortable(pane: DashboardPane): readonly string[];
	/** How many quotes stand behind a row. */
	quoteCount(pane: DashboardPane, query: RowQuery, index: number): number;
	/** Today, YYYY-MM-DD, for default file names. */
	today: string;
};

export function initialState(size: Size, environment: Environment): State {
	const views = {} as Record<DashboardPane, PaneView>;
	for (const pane of dashboardPanes) {
		views[pane] = {selected: 0, offset: 0, filter: '', sort: -1, descending: false, total: environment.count(pane, '')};
	}
	return {focus: 'timeline', views, overlay: {kind: 'none'}, size, status: null, command: null};
}

/** The query that gives the rows a pane shows, in the order it shows them. */
export function viewQuery(pane: DashboardPane, view: PaneView, environment: Environment): RowQuery {
	return {filter: view.filter, sort: environment.sortable(pane)[view.sort], descending: view.descending, total: view.total};
}

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));

/** Selection inside the rows, and the window around it. */
function settle(view: PaneView, height: number): PaneView {
	const selected = clamp(view.selected, 0, Math.max(0, view.total - 1));
	let offset = clamp(view.offset, selected - height + 1, selected);
	offset = clamp(offset, 0, Math.max(0, view.total - height));
	return selected === view.selected && offset === view.offset ? view : {...view, selected, offset};
}

function withView(state: State, pane: DashboardPane, change: Partial<PaneView>): State {
	const view = settle({...state.views[pane], ...change}, listHeight(pane, state.size));
	return {...state, views: {...state.views, [pane]: view}};
}

function refilter(state: State, filter: string, environment: Environment): State {
	const pane = state.focus;
	return withView(state, pane, {filter, total: environment.count(pane, filter), selected: 0, offset: 0});
}

function issue(state: State, run: Command): State {
	return {...state, command: {id: (state.command?.id ?? 0) + 1, run}};
}

function move(state: State, command: KeyPress['command']): State | undefined {
	const view = state.views[state.focus];
	const page = listHeight(state.focus, state.size);
	const target: Partial<Record<NonNullable<KeyPress['command']>, number>> = {
		up: view.selected - 1,
		down: view.selected + 1,
		'page-up': view.selected - page,
		'page-down': view.selected + page,
		first: 0,
		last: view.total - 1,
	};
	const selected = command === undefined ? undefined : target[command];
	return selected === undefined ? undefined : withView(state, state.focus, {selected});
}

function switchPane(state: State, command: KeyPress['command']): State | undefined {
	const index = dashboardPanes.indexOf(state.focus);
	const count = dashboardPanes.length;
	const grid = layout(state.size).kind === 'grid';
	let next: number | undefined;
	if (command === 'next-pane') next = (index + 1) % count;
	else if (command === 'previous-pane') next = (index + count - 1) % count;
	else if (command?.startsWith('pane-')) next = Number(command.slice(5)) - 1;
	// In the grid, left and right stay in the row: Timeline|Memoranda over Trade|Companies.
	else if (command === 'left') next = grid ? index - (index % 2) : (index + count - 1) % count;
	else if (command === 'right') next = grid ? index - (index % 2) + 1 : (index + 1) % count;
	const pane = next === undefined ? undefined : dashboardPanes[next];
	return pane === undefined ? undefined : {...state, focus: pane};
}

function browse(state: State, key: KeyPress, environment: Environment): State {
	const {command} = key;
	const pane = state.focus;
	const view = state.views[pane];
	const query = viewQuery(pane, view, environment);
	switch (command) {
		case 'open':
			return view.total === 0 ? state : {...state, overlay: {kind: 'detail', pane, index: view.selected, cursor: 0}};
		case 'back':
			return view.filter === '' ? state : refilter(state, '', environment);
		case 'filter':
			return {...state, overlay: {kind: 'filter'}};
		case 'sort': {
			const columns = environment.sortable(pane).length;
			const sort = view.sort + 1 >= columns ? -1 : view.sort + 1;
			return withView(state, pane, {sort, selected: 0, offset: 0});
		}
		case 'reverse':
			return withView(state, pane, {descending: !view.descending, selected: 0, offset: 0});
		case 'export':
			return {...state, overlay: {kind: 'export-name', name: `kzrs-${pane}-${environment.today}.csv`}};
		case 'copy':
			return view.total === 0 ? state : issue(state, {kind: 'copy-row', pane, query, index: view.selected});
		case 'help':
			return {...state, overlay: {kind: 'help', offset: 0}};
		case 'quit':
			return issue(state, key.text === '' ? {kind: 'quit', interrupted: true} : {kind: 'quit'});
		default:
			return move(state, command) ?? switchPane(state, command) ?? state;
	}
}

function filtering(state: State, key: KeyPress, environment: Environment): State {
	const {filter} = state.views[state.focus];
	if (key.text !== '') return refilter(state, filter + key.text, environment);
	switch (key.command) {
		case 'erase':
			return refilter(state, [...filter].slice(0, -1).join(''), environment);
		case 'clear-line':
			return refilter(state, '', environment);
		case 'open':
			return {...state, overlay: {kind: 'none'}};
		case 'back':
			return {...refilter(state, '', environment), overlay: {kind: 'none'}};
		case 'up':
		case 'down':
		case 'page-up':
		case 'page-down':
			return move(state, key.command) ?? state;
		default:
			return state;
	}
}

/** How many keys the help shows at once in a terminal of this size. */
function helpPage(size: Size): number {
	const box = fullViewBox(size);
	return box ? helpGrid(box.width, box.height, bindings.length).page : bindings.length;
}

/** The help's first key, kept so that the last key is in view at most at the bottom, and no scrolling while all fit. */
function helpOffset(state: State, offset: number): number {
	return clamp(offset, 0, Math.max(0, bindings.length - helpPage(state.size)));
}

function editName(name: string, key: KeyPress): string | undefined {
	if (key.text !== '') return name + key.text;
	if (key.command === 'erase') return [...name].slice(0, -1).join('');
	if (key.command === 'clear-line') return '';
	return undefined;
}

function overlayKey(state: State, key: KeyPress, environment: Environment): State {
	const {overlay} = state;
	const close = {...state, overlay: {kind: 'none'} as const};
	switch (overlay.kind) {
		case 'filter':
			return filtering(state, key, environment);
		case 'help': {
			if (key.command === 'back' || key.command === 'quit' || key.command === 'help') return close;
			const page = helpPage(state.size);
			const offsets = {up: -1, down: 1, 'page-up': -page, 'page-down': page, first: -bindings.length, last: bindings.length} as Record<string, number>;
			const step = key.command === undefined ? undefined : offsets[key.command];
			return step === undefined ? state : {...state, overlay: {kind: 'help', offset: helpOffset(state, overlay.offset + step)}};
		}
		case 'detail': {
			const view = state.views[overlay.pane];
			const query = viewQuery(overlay.pane, view, environment);
			const last = Math.max(0, environment.quoteCount(overlay.pane, query, overlay.index) - 1);
			const cursor = {up: overlay.cursor - 1, down: overlay.cursor + 1, first: 0, last} as Record<string, number>;
			if (key.command === 'back' || key.command === 'quit') return close;
			if (key.command === 'copy') return issue(state, {kind: 'copy-quote', pane: overlay.pane, query, index: overlay.index, cursor: overlay.cursor});
			const next = key.command === undefined ? undefined : cursor[key.command];
			return next === undefined ? state : {...state, overlay: {...overlay, cursor: clamp(next, 0, last)}};
		}
		case 'export-name': {
			if (key.command === 'back') return {...close, status: {text: 'Export cancelled', tone: 'info'}};
			if (key.command === 'open') {
				const file = overlay.name.trim();
				if (file === '') return {...state, status: {text: 'Type a file name, or Esc to cancel', tone: 'error'}};
				const pane = state.focus;
				return issue(close, {kind: 'export', pane, query: viewQuery(pane, state.views[pane], environment), file, force: false});
			}
			const name = editName(overlay.name, key);
			return name === undefined ? state : {...state, overlay: {kind: 'export-name', name}};
		}
		case 'export-confirm': {
			if (key.text === 'y' || key.text === 'Y') {
				const pane = state.focus;
				return issue(close, {kind: 'export', pane, query: viewQuery(pane, state.views[pane], environment), file: overlay.name, force: true});
			}
			if (key.text === 'n' || key.text === 'N' || key.command === 'back') {
				return {...close, status: {text: `Kept ${overlay.name}; nothing written`, tone: 'info'}};
			}
			return state;
		}
		default:
			return state;
	}
}

export function update(state: State, action: Action, environment: Environment): State {
	switch (action.type) {
		case 'resize': {
			let next: State = {...state, size: action.size};
			for (const pane of dashboardPanes) next = withView(next, pane, {});
			// A larger window may show every key: the help scrolls back as far as it needs.
			return next.overlay.kind === 'help' ? {...next, overlay: {kind: 'help', offset: helpOffset(next, next.overlay.offset)}} : next;
		}
		case 'export-exists':
			return {...state, overlay: {kind: 'export-confirm', name: action.file}};
		case 'status':
			return {...state, status: action.status};
		case 'key': {
			const {key} = action;
			const quiet = state.status === null ? state : {...state, status: null};
			// Ctrl-C always quits; a plain q may be text in a prompt.
			if (key.command === 'quit' && key.text === '' && state.overlay.kind !== 'none') return issue(quiet, {kind: 'quit', interrupted: true});
			return state.overlay.kind === 'none' ? browse(quiet, key, environment) : overlayKey(quiet, key, environment);
		}
	}
}
