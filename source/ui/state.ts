// The dashboard's state and its one update function, (state, action, panes)
// → state, in the Elm architecture: no terminal, no React, no database in
// here. What the state needs to know of the data (how many rows a filter
// matches, how many quotes stand behind a row) it asks for by leaving it
// unknown (see questions), and runtime.ts answers with an action; what it
// wants done (write a file, copy, quit) it leaves in `command` for the effects.

import type {AnyPane} from '../panes/pane.js';
import type {Panes} from '../panes/registry.js';
import type {Span} from '../views/documents.js';
import type {LoadProgress, ReaderStart, RowQuery} from '../views/fact-views.js';
import {type KeyPress, keyBindings, paneOfCommand} from './keys.js';
import {type DetailShape, detailRoom, fullViewBox, helpGrid, layout, listHeight, paneAt, readerRoom, type Size} from './layout.js';
import {openedTop, type ReaderOpening, type ReaderOverlay, type ReaderShape, readerKey, scrolledTo} from './reader-state.js';

export type PaneView = {
	/** Index of the selected row among the filtered, sorted rows. */
	selected: number;
	/** Index of the first visible row. */
	offset: number;
	filter: string;
	/** Index into the pane's sortable columns; -1 for the pane's own order. */
	sort: number;
	descending: boolean;
	/** Rows matching the filter; null until they are counted. */
	total: number | null;
	/** Whether the pane's table is still loading: `total` counts the rows in so far, and more may come. */
	growing: boolean;
};

export type Overlay =
	| {kind: 'none'}
	| {kind: 'filter'}
	/**
	 * `cursor`: the quote `y` copies; `top`: the first line in view; `shape`:
	 * where the lines stand at the view's width, null until it is measured.
	 */
	| {kind: 'detail'; pane: string; index: number; cursor: number; top: number; shape: DetailShape | null}
	/** `offset`: the first key shown, when they do not all fit. */
	| {kind: 'help'; offset: number}
	/** `cursor`: the characters of the name before the caret. */
	| {kind: 'export-name'; name: string; cursor: number}
	| {kind: 'export-confirm'; name: string}
	| ReaderOverlay;

export type Command =
	| {kind: 'export'; pane: string; query: RowQuery; file: string; force: boolean}
	| {kind: 'copy-row'; pane: string; query: RowQuery; index: number}
	| {kind: 'copy-quote'; pane: string; query: RowQuery; index: number; cursor: number}
	| {kind: 'copy-passage'; text: string; source: string}
	/** `interrupted`: by Ctrl-C, which by convention exits with 130. */
	| {kind: 'quit'; interrupted?: true};

export type Status = {text: string; tone: 'info' | 'error'};

export type State = {
	focus: string;
	views: Readonly<Record<string, PaneView>>;
	overlay: Overlay;
	size: Size;
	status: Status | null;
	/** The latest command for the effects to carry out, numbered so each runs once. */
	command: {id: number; run: Command} | null;
	/** Today, YYYY-MM-DD, for default file names. */
	today: string;
	/** Whether the focused pane has the whole screen. */
	zoomed: boolean;
	/** The name last typed for an export that was refused or failed: the next export starts from it. */
	exportDraft: string | null;
	/** A fact chosen in the reader, to select in its pane once the pane's rows are counted. */
	jump: {pane: string; id: string} | null;
	/** An order asked for and not yet applied: the pane keeps its rows in the old order until the selected row is found in the new. */
	sorting: {pane: string; sort: number; descending: boolean; made: number | null} | null;
	/** How far loading is; null once every row is in. */
	loading: LoadProgress | null;
};

/** What the state waits to know of the data. */
export type Question =
	| {kind: 'count'; pane: string; filter: string}
	/** The detail of row `index`, laid out `width` columns wide. */
	| {kind: 'detail'; pane: string; query: RowQuery; index: number; width: number}
	/** The document a reader opens on, laid out `width` columns wide. */
	| {kind: 'reader'; opening: ReaderOpening; width: number}
	/** Where a fact stands in its pane's own order. */
	| {kind: 'locate'; pane: string; id: string}
	/** Where the row at `index` of the rows `from` gives stands among those `to` gives: a new order keeps the selection. */
	| {kind: 'position'; pane: string; from: RowQuery; index: number; to: RowQuery};

/** A mouse event at a point of the screen (0-based column and row): a click of the left button, or the wheel. */
export type MouseEvent = {kind: 'click' | 'wheel-up' | 'wheel-down'; column: number; row: number};

export type Action =
	| {type: 'key'; key: KeyPress}
	| {type: 'mouse'; event: MouseEvent}
	| {type: 'resize'; size: Size}
	/** The answer to a count question. */
	| {type: 'counted'; pane: string; filter: string; total: number}
	/** The answer to a position question: the new order, and the selected row's place in it. */
	| {type: 'sorted'; pane: string; to: RowQuery; selected: number}
	/** How much of the order being made is made, from 0 to 1. */
	| {type: 'sort-progress'; made: number}
	/** The answer to a detail question. */
	| {type: 'detail-measured'; pane: string; index: number; width: number; shape: DetailShape}
	/** The export target exists: ask before replacing it. */
	/** The answer to a reader question: the document laid out, and what to select on opening (none: no document). */
	| {type: 'reader-shown'; opening: ReaderOpening; width: number; shape: ReaderShape | null; selection: Span | null}
	/** The answer to a locate question. */
	| {type: 'located'; pane: string; id: string; index: number | undefined}
	| {type: 'export-exists'; file: string}
	/** The export could not be written: why, and the name to start from next time. */
	| {type: 'export-failed'; file: string; reason: string}
	| {type: 'status'; status: Status}
	/** More rows are in; `progress` null: all of them. */
	| {type: 'loaded'; progress: LoadProgress | null};

/** Whether a pane's table is still loading. */
const growingIn = (pane: AnyPane, loading: LoadProgress | null) => loading !== null && !loading.finishedTables.includes(pane.query.table);

export function initialState(size: Size, panes: Panes, today: string, loading: LoadProgress | null = null): State {
	const views: Record<string, PaneView> = {};
	for (const pane of panes) {
		views[pane.id] = {selected: 0, offset: 0, filter: '', sort: -1, descending: false, total: null, growing: growingIn(pane, loading)};
	}
	return {
		focus: panes[0]?.id ?? '',
		views,
		overlay: {kind: 'none'},
		size,
		status: null,
		command: null,
		today,
		zoomed: false,
		exportDraft: null,
		jump: null,
		sorting: null,
		loading,
	};
}

/** The questions a state waits on: answering them (runtime.ts) settles it. */
export function questions(state: State, panes: Panes): Question[] {
	const asked: Question[] = [];
	for (const [pane, view] of Object.entries(state.views)) if (view.total === null) asked.push({kind: 'count', pane, filter: view.filter});
	const {overlay} = state;
	const room = detailRoomOf(state, panes);
	if (overlay.kind === 'detail' && overlay.shape === null && room !== undefined) {
		const pane = paneOf(panes, overlay.pane);
		const query = viewQuery(pane, state.views[overlay.pane] as PaneView);
		asked.push({kind: 'detail', pane: overlay.pane, query, index: overlay.index, width: room.width});
	}
	if (overlay.kind === 'reader' && overlay.shape === null && room !== undefined) asked.push({kind: 'reader', opening: overlay.opening, width: room.width});
	const {jump} = state;
	if (jump !== null && state.views[jump.pane]?.total !== null) asked.push({kind: 'locate', pane: jump.pane, id: jump.id});
	const {sorting} = state;
	const sorted = sorting && (state.views[sorting.pane] as PaneView);
	if (sorting && sorted?.total !== null && sorted !== null) {
		const pane = paneOf(panes, sorting.pane);
		const to = viewQuery(pane, {...sorted, sort: sorting.sort, descending: sorting.descending});
		asked.push({kind: 'position', pane: pane.id, from: viewQuery(pane, sorted), index: sorted.selected, to});
	}
	return asked;
}

/** The pane of this id; the state names only panes it was made with. */
export function paneOf(panes: Panes, id: string): AnyPane {
	const pane = panes.find((candidate) => candidate.id === id);
	if (pane === undefined) throw new Error(`no pane "${id}"`);
	return pane;
}

/** The query that gives the rows a pane shows, in the order it shows them. */
export function viewQuery(pane: AnyPane, view: PaneView): RowQuery {
	// A count of rows still coming is not the exact total a window may be read from the end by.
	return {filter: view.filter, sort: pane.query.sortable[view.sort], descending: view.descending, total: view.growing ? undefined : (view.total ?? undefined)};
}

/**
 * The sort after `sort` (an index into the pane's sortable keys; -1 its own
 * order): the next column of its list that sorts, in the list's order, then
 * the pane's own order. Sort keys no column shows (a trade's product) are left
 * to `kzrs export --sort`.
 */
export function nextSort(pane: AnyPane, sort: number): number {
	const shown = pane.list.flatMap((column) => {
		const index = column.sort === undefined ? -1 : pane.query.sortable.indexOf(column.sort);
		return index >= 0 ? [index] : [];
	});
	return shown[shown.indexOf(sort) + 1] ?? -1;
}

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));

/** The detail view's lines and width at this size; none while the terminal is too small. */
function detailRoomOf(state: State, panes: Panes): {width: number; rows: number} | undefined {
	const box = fullViewBox(state.size, panes);
	return box && detailRoom(box);
}

/** Selection inside the rows, and the window around it. */
function fitSelection(view: PaneView, height: number): PaneView {
	// Uncounted, as while more rows load: fitted once counted.
	if (view.total === null) return view;
	const total = view.total;
	const selected = clamp(view.selected, 0, Math.max(0, total - 1));
	let offset = clamp(view.offset, selected - height + 1, selected);
	offset = clamp(offset, 0, Math.max(0, total - height));
	return selected === view.selected && offset === view.offset ? view : {...view, selected, offset};
}

function withView(state: State, panes: Panes, id: string, change: Partial<PaneView>): State {
	const view = fitSelection({...(state.views[id] as PaneView), ...change}, listHeight(paneOf(panes, id), state.size, panes, state.zoomed));
	return {...state, views: {...state.views, [id]: view}};
}

const focused = (state: State) => state.views[state.focus] as PaneView;

/** Every pane's window fitted to the lists' heights now. */
function refit(state: State, panes: Panes): State {
	let next = state;
	for (const id of Object.keys(state.views)) next = withView(next, panes, id, {});
	return next;
}

/** A new filter: counted before anything depends on it. */
const refilter = (state: State, panes: Panes, filter: string): State => withView(state, panes, state.focus, {filter, total: null, selected: 0, offset: 0});

/** Quitting by this key: Ctrl-C (no text) is an interruption. */
const quitting = (key: KeyPress): Command => (key.text === '' ? {kind: 'quit', interrupted: true} : {kind: 'quit'});

function issue(state: State, run: Command): State {
	return {...state, command: {id: (state.command?.id ?? 0) + 1, run}};
}

function move(state: State, panes: Panes, command: KeyPress['command']): State | undefined {
	const view = focused(state);
	if (view.total === null) return undefined;
	const page = listHeight(paneOf(panes, state.focus), state.size, panes, state.zoomed);
	const target: Partial<Record<NonNullable<KeyPress['command']>, number>> = {
		up: view.selected - 1,
		down: view.selected + 1,
		'page-up': view.selected - page,
		'page-down': view.selected + page,
		first: 0,
		last: view.total - 1,
	};
	const selected = command === undefined ? undefined : target[command];
	return selected === undefined ? undefined : withView(state, panes, state.focus, {selected});
}

function switchPane(state: State, panes: Panes, command: KeyPress['command']): State | undefined {
	const ids = panes.map((pane) => pane.id);
	const count = ids.length;
	const index = ids.indexOf(state.focus);
	const current = layout(state.size, panes, state.focus, state.zoomed);
	let next = paneOfCommand(command);
	if (command === 'next-pane') next = ids[(index + 1) % count];
	else if (command === 'previous-pane') next = ids[(index + count - 1) % count];
	else if (command === 'left' || command === 'right') {
		// In the grid, left and right stay in the row; one pane at a time, they go round all of them.
		const row = current.kind === 'grid' ? current.rows.find((ids) => ids.includes(state.focus)) : undefined;
		if (row) next = row[Math.max(0, Math.min(row.length - 1, row.indexOf(state.focus) + (command === 'left' ? -1 : 1)))];
		else next = ids[(index + (command === 'left' ? count - 1 : 1)) % count];
	}
	return next === undefined || !ids.includes(next) ? undefined : {...state, focus: next};
}

/** The reader, opened from the focused row (or the detail's row) at `start`; Esc returns to the view it was opened from. */
function openReader(state: State, pane: AnyPane, start: ReaderStart, index = (state.views[pane.id] as PaneView).selected): State {
	const view = state.views[pane.id] as PaneView;
	if (!view.total) return state;
	const opening: ReaderOpening = {pane: pane.id, query: viewQuery(pane, view), index, start};
	return {...state, overlay: {kind: 'reader', opening, back: state.overlay, shape: null, selection: null, top: 0, search: null, facts: null}};
}

/** The reader's lines of document at this size; none while the terminal is too small. */
function readerRoomOf(state: State, panes: Panes): {width: number; rows: number} | undefined {
	const box = fullViewBox(state.size, panes);
	return box && readerRoom(box);
}

/** A key in the reader: scrolling and selecting stay in it; Esc returns, a chosen fact is selected in its pane. */
function inReader(state: State, panes: Panes, overlay: ReaderOverlay, key: KeyPress): State {
	const outcome = readerKey(overlay, readerRoomOf(state, panes)?.rows ?? 1, key);
	if (outcome === undefined) return state;
	if ('overlay' in outcome) return {...state, overlay: outcome.overlay};
	if ('close' in outcome) return {...state, overlay: overlay.back};
	if ('copy' in outcome) return issue(state, {kind: 'copy-passage', ...outcome.copy});
	const {jump} = outcome;
	if (jump.pane === null || !panes.some((pane) => pane.id === jump.pane?.id)) {
		return {...state, status: {text: `${jump.table} ${jump.id} is in no pane on screen`, tone: 'info'}};
	}
	const target = jump.pane.id;
	const cleared = withView({...state, overlay: {kind: 'none'}, focus: target}, panes, target, {
		filter: '',
		sort: -1,
		descending: false,
		total: null,
		selected: 0,
		offset: 0,
	});
	return {...cleared, jump: {pane: target, id: jump.row}};
}

function browse(state: State, panes: Panes, key: KeyPress): State {
	const {command} = key;
	const pane = paneOf(panes, state.focus);
	const view = focused(state);
	switch (command) {
		case 'open':
			return !view.total ? state : {...state, overlay: {kind: 'detail', pane: pane.id, index: view.selected, cursor: 0, top: 0, shape: null}};
		case 'back':
			return view.filter === '' ? state : refilter(state, panes, '');
		case 'filter':
			return {...state, overlay: {kind: 'filter'}};
		case 'sort':
		case 'reverse': {
			// Rows still coming have no index to read in order: each frame would sort them all again.
			if (view.growing) return {...state, status: {text: `${pane.title} is still loading: sort it once every row is in`, tone: 'error'}};
			// A second key while the first order is being made builds on it.
			const from = state.sorting?.pane === pane.id ? state.sorting : view;
			const sorting = command === 'sort' ? {sort: nextSort(pane, from.sort), descending: from.descending} : {sort: from.sort, descending: !from.descending};
			return {...state, sorting: {pane: pane.id, ...sorting, made: null}};
		}
		case 'export': {
			if (view.growing) return {...state, status: {text: `${pane.title} is still loading: export it once every row is in`, tone: 'error'}};
			const name = state.exportDraft ?? `kzrs-${pane.id}-${state.today}.csv`;
			return {...state, overlay: {kind: 'export-name', name, cursor: [...name].length}};
		}
		case 'copy':
			return !view.total ? state : issue(state, {kind: 'copy-row', pane: pane.id, query: viewQuery(pane, view), index: view.selected});
		case 'read':
			return openReader(state, pane, pane.documents === true ? 'top' : {quote: 0});
		case 'next-passage':
			return pane.documents === true ? openReader(state, pane, 'uncited') : state;
		case 'help':
			return {...state, overlay: {kind: 'help', offset: 0}};
		case 'zoom':
			return refit({...state, zoomed: !state.zoomed}, panes);
		case 'quit':
			return issue(state, quitting(key));
		default:
			return move(state, panes, command) ?? switchPane(state, panes, command) ?? state;
	}
}

function filtering(state: State, panes: Panes, key: KeyPress): State {
	const {filter} = focused(state);
	if (key.text !== '') return refilter(state, panes, filter + key.text);
	switch (key.command) {
		case 'erase':
			return refilter(state, panes, [...filter].slice(0, -1).join(''));
		case 'clear-line':
			return refilter(state, panes, '');
		case 'open':
			return {...state, overlay: {kind: 'none'}};
		case 'back':
			return {...refilter(state, panes, ''), overlay: {kind: 'none'}};
		case 'up':
		case 'down':
		case 'page-up':
		case 'page-down':
			return move(state, panes, key.command) ?? state;
		default:
			return state;
	}
}

/**
 * The detail view after a key: ↑/↓ go from quote to quote, and line by line
 * where a quote or the fields above the quotes do not fit; PgUp/PgDn by a
 * screen; g/G to the top and the bottom. The cursor stays on a quote in view.
 */
function scrollDetail(shape: DetailShape, rows: number, cursor: number, top: number, command: KeyPress['command']): {cursor: number; top: number} | undefined {
	const last = shape.quoteStarts.length - 1;
	const bottom = Math.max(0, shape.lines - rows);
	const span = (quote: number): [number, number] => [shape.quoteStarts[quote] ?? 0, (shape.quoteStarts[quote + 1] ?? shape.lines) - 1];
	const scrolled = (to: number) => clamp(to, 0, bottom);
	/** The view moved as little as brings the quote in, its start first. */
	const into = (quote: number) => {
		const [start, end] = span(quote);
		if (start < top) return scrolled(start);
		return end > top + rows - 1 ? scrolled(Math.min(start, end - rows + 1)) : top;
	};
	/** The cursor's quote if it is in view at `at`, else the first one that is, else the first. */
	const inView = (at: number) => {
		const shows = (quote: number) => span(quote)[1] >= at && span(quote)[0] <= at + rows - 1;
		if (last < 0 || shows(cursor)) return Math.max(0, cursor);
		return Math.max(
			0,
			shape.quoteStarts.findIndex((_, quote) => shows(quote)),
		);
	};
	const [start, end] = span(cursor);
	let next: {cursor: number; top: number};
	switch (command) {
		case 'down':
			next = last < 0 || cursor >= last || end > top + rows - 1 ? {cursor, top: scrolled(top + 1)} : {cursor: cursor + 1, top: into(cursor + 1)};
			break;
		case 'up':
			next = cursor > 0 && start >= top ? {cursor: cursor - 1, top: into(cursor - 1)} : {cursor, top: scrolled(top - 1)};
			break;
		case 'page-down':
			next = {cursor, top: scrolled(top + rows)};
			break;
		case 'page-up':
			next = {cursor, top: scrolled(top - rows)};
			break;
		case 'first':
			return {cursor: 0, top: 0};
		case 'last':
			return {cursor: Math.max(0, last), top: bottom};
		default:
			return undefined;
	}
	return {top: next.top, cursor: next.cursor === cursor ? inView(next.top) : next.cursor};
}

/** How many keys the help shows at once in a terminal of this size. */
function helpPage(size: Size, panes: Panes): number {
	const count = keyBindings(panes).length;
	const box = fullViewBox(size, panes);
	return box ? helpGrid(box.width, box.height, count).page : count;
}

/** The help's first key, kept so that the last key is in view at most at the bottom, and no scrolling while all fit. */
function helpOffset(state: State, panes: Panes, offset: number): number {
	return clamp(offset, 0, Math.max(0, keyBindings(panes).length - helpPage(state.size, panes)));
}

/** A line edited by a key, as shells edit theirs; undefined for a key that does not edit. */
function editLine(name: string, cursor: number, key: KeyPress): {name: string; cursor: number} | undefined {
	const characters = [...name];
	const before = characters.slice(0, cursor);
	const after = characters.slice(cursor);
	const line = (left: string[], right: string[]) => ({name: [...left, ...right].join(''), cursor: left.length});
	if (key.text !== '') return line([...before, ...key.text], after);
	switch (key.command) {
		case 'erase':
			return line(before.slice(0, -1), after);
		case 'erase-word': {
			// Back over spaces and separators, then the word before them.
			let start = before.length;
			while (start > 0 && /[\s/]/.test(before[start - 1] ?? '')) start--;
			while (start > 0 && !/[\s/]/.test(before[start - 1] ?? '')) start--;
			return line(before.slice(0, start), after);
		}
		case 'clear-line':
			return line([], after);
		case 'left':
			return {name, cursor: Math.max(0, cursor - 1)};
		case 'right':
			return {name, cursor: Math.min(characters.length, cursor + 1)};
		case 'first':
		case 'line-start':
			return {name, cursor: 0};
		case 'last':
		case 'line-end':
			return {name, cursor: characters.length};
		default:
			return undefined;
	}
}

function exportCommand(state: State, panes: Panes, file: string, force: boolean): Command {
	const pane = paneOf(panes, state.focus);
	return {kind: 'export', pane: pane.id, query: viewQuery(pane, focused(state)), file, force};
}

function overlayKey(state: State, panes: Panes, key: KeyPress): State {
	const {overlay} = state;
	const close = {...state, overlay: {kind: 'none'} as const};
	switch (overlay.kind) {
		case 'filter':
			return filtering(state, panes, key);
		case 'help': {
			if (key.command === 'back' || key.command === 'quit' || key.command === 'help') return close;
			const page = helpPage(state.size, panes);
			const all = keyBindings(panes).length;
			const offsets: Partial<Record<string, number>> = {up: -1, down: 1, 'page-up': -page, 'page-down': page, first: -all, last: all};
			const step = key.command === undefined ? undefined : offsets[key.command];
			return step === undefined ? state : {...state, overlay: {kind: 'help', offset: helpOffset(state, panes, overlay.offset + step)}};
		}
		case 'detail': {
			if (key.command === 'back' || key.command === 'quit') return close;
			const pane = paneOf(panes, overlay.pane);
			const query = viewQuery(pane, state.views[overlay.pane] as PaneView);
			if (key.command === 'copy') return issue(state, {kind: 'copy-quote', pane: pane.id, query, index: overlay.index, cursor: overlay.cursor});
			if (key.command === 'read') return openReader(state, pane, {quote: overlay.cursor}, overlay.index);
			const room = detailRoomOf(state, panes);
			if (overlay.shape === null || room === undefined) return state;
			const moved = scrollDetail(overlay.shape, room.rows, overlay.cursor, overlay.top, key.command);
			return moved === undefined ? state : {...state, overlay: {...overlay, ...moved}};
		}
		case 'export-name': {
			if (key.command === 'back') return {...close, status: {text: 'Export cancelled', tone: 'info'}};
			if (key.command === 'open') {
				const file = overlay.name.trim();
				if (file === '') return {...state, status: {text: 'Type a file name, or Esc to cancel', tone: 'error'}};
				return issue({...close, exportDraft: null}, exportCommand(state, panes, file, false));
			}
			const edited = editLine(overlay.name, overlay.cursor, key);
			return edited === undefined ? state : {...state, overlay: {kind: 'export-name', ...edited}};
		}
		case 'export-confirm': {
			if (key.text === 'y' || key.text === 'Y') return issue(close, exportCommand(state, panes, overlay.name, true));
			if (key.text === 'n' || key.text === 'N' || key.command === 'back') {
				return {...close, exportDraft: overlay.name, status: {text: `Kept ${overlay.name}; nothing written`, tone: 'info'}};
			}
			return state;
		}
		case 'reader':
			return inReader(state, panes, overlay, key);
		default:
			return state;
	}
}

/** Rows the wheel moves a list or a view by, a notch at a time. */
const wheelRows = 3;

/**
 * A click focuses the pane under it and selects the row under it; the wheel
 * moves the selection of the pane under it (focused or not), and scrolls the
 * detail and the help. Prompts and the too-small notice take no mouse.
 */
function mouse(state: State, panes: Panes, event: MouseEvent): State {
	const {overlay} = state;
	const wheel = event.kind === 'click' ? undefined : event.kind === 'wheel-up' ? 'up' : 'down';
	if (overlay.kind === 'detail' || overlay.kind === 'help') {
		if (wheel === undefined) return state;
		let next = state;
		for (let notch = 0; notch < wheelRows; notch++) next = overlayKey(next, panes, {command: wheel, text: ''});
		return next;
	}
	// While a new order is being made, the rows under the pointer are about to move.
	if (overlay.kind !== 'none' || state.sorting !== null || layout(state.size, panes).kind === 'too-small') return state;
	const point = paneAt(state.size, panes, state.focus, state.zoomed, event.column, event.row);
	if (point === undefined) return state;
	const view = state.views[point.pane] as PaneView;
	if (view.total === null) return state;
	if (wheel !== undefined) return withView(state, panes, point.pane, {selected: view.selected + (wheel === 'up' ? -wheelRows : wheelRows)});
	const focused = {...state, focus: point.pane};
	if (point.listRow === undefined || view.offset + point.listRow >= view.total) return focused;
	return withView(focused, panes, point.pane, {selected: view.offset + point.listRow});
}

export function update(state: State, action: Action, panes: Panes): State {
	switch (action.type) {
		case 'mouse':
			return mouse({...state, status: null}, panes, action.event);
		case 'resize': {
			// The detail and the reader are laid out again at the new width.
			const overlay = state.overlay.kind === 'detail' || state.overlay.kind === 'reader' ? {...state.overlay, shape: null} : state.overlay;
			const next = refit({...state, size: action.size, overlay}, panes);
			// A larger window may show every key: the help scrolls back as far as it needs.
			return next.overlay.kind === 'help' ? {...next, overlay: {kind: 'help', offset: helpOffset(next, panes, next.overlay.offset)}} : next;
		}
		case 'counted': {
			const view = state.views[action.pane];
			// An answer for a filter since changed is stale: the newer question is answered too.
			return view?.total === null && view.filter === action.filter ? withView(state, panes, action.pane, {total: action.total}) : state;
		}
		case 'sorted': {
			const {sorting} = state;
			const pane = sorting && paneOf(panes, sorting.pane);
			if (!sorting || !pane || pane.query.sortable[sorting.sort] !== action.to.sort || sorting.descending !== action.to.descending) return state;
			return withView({...state, sorting: null}, panes, sorting.pane, {sort: sorting.sort, descending: sorting.descending, selected: action.selected});
		}
		case 'sort-progress':
			return state.sorting === null ? state : {...state, sorting: {...state.sorting, made: action.made}};
		case 'detail-measured': {
			const {overlay} = state;
			const room = detailRoomOf(state, panes);
			if (overlay.kind !== 'detail' || overlay.pane !== action.pane || overlay.index !== action.index || room?.width !== action.width) return state;
			const {shape} = action;
			const cursor = clamp(overlay.cursor, 0, Math.max(0, shape.quoteStarts.length - 1));
			return {...state, overlay: {...overlay, shape, cursor, top: clamp(overlay.top, 0, Math.max(0, shape.lines - room.rows))}};
		}
		case 'reader-shown': {
			const {overlay} = state;
			const room = readerRoomOf(state, panes);
			if (overlay.kind !== 'reader' || overlay.opening !== action.opening || room?.width !== action.width) return state;
			if (action.shape === null) {
				// A derived figure's quotes come in last.
				const text = state.loading === null ? 'No source document to open here' : 'Its quotes are read once every row is loaded';
				return {...state, overlay: overlay.back, status: {text, tone: 'info'}};
			}
			// Laid out again (a resize): the selection stays, and stays in view.
			const first = overlay.selection === null && overlay.top === 0;
			const selection = first ? action.selection : overlay.selection;
			const top = first ? openedTop(action.shape, room.rows, selection) : scrolledTo(action.shape, room.rows, overlay.top, selection);
			return {...state, overlay: {...overlay, shape: action.shape, selection, top}};
		}
		case 'located': {
			const {jump} = state;
			if (jump === null || jump.pane !== action.pane || jump.id !== action.id) return state;
			return {...withView(state, panes, action.pane, {selected: action.index ?? 0}), jump: null};
		}
		case 'export-exists':
			return {...state, overlay: {kind: 'export-confirm', name: action.file}};
		case 'export-failed':
			return {...state, exportDraft: action.file, status: {text: `Export failed: ${action.reason}`, tone: 'error'}};
		case 'status':
			return {...state, status: action.status};
		case 'loaded': {
			let next: State = {...state, loading: action.progress};
			// The panes still loading, and those that just finished, are counted again, the selection kept.
			for (const pane of panes) {
				const view = next.views[pane.id];
				const growing = growingIn(pane, action.progress);
				if (view !== undefined && (growing || view.growing)) next = {...next, views: {...next.views, [pane.id]: {...view, growing, total: null}}};
			}
			// A detail is measured again: a derived figure's quotes come in last. The reader, whose
			// passages may be cited by thousands of rows, is laid out again once, when every row is in.
			const {overlay} = next;
			if (overlay.kind === 'detail' || (overlay.kind === 'reader' && action.progress === null)) return {...next, overlay: {...overlay, shape: null}};
			return next;
		}
		case 'key': {
			const {key} = action;
			const quiet = state.status === null ? state : {...state, status: null};
			// Behind the too-small notice nothing is seen to act on: only quitting does.
			if (layout(state.size, panes).kind === 'too-small') return key.command === 'quit' ? issue(quiet, quitting(key)) : state;
			// Ctrl-C always quits; a plain q may be text in a prompt.
			if (key.command === 'quit' && key.text === '' && state.overlay.kind !== 'none') return issue(quiet, {kind: 'quit', interrupted: true});
			return state.overlay.kind === 'none' ? browse(quiet, panes, key) : overlayKey(quiet, panes, key);
		}
	}
}
