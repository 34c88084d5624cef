// Composes the dashboard: state from the reducer (run by runtime.ts), keys
// from Ink, effects run after each command, and the layout the terminal's
// size allows.
import {Box, useApp, useInput, useIsScreenReaderEnabled, useStdin, useStdout} from 'ink';
import {type ReactNode, useCallback, useEffect, useMemo, useReducer} from 'react';
import type {AnyPane} from '../panes/pane.js';
import type {Panes} from '../panes/registry.js';
import type {FactViews} from '../views/fact-views.js';
import {Footer, Header, TabBar, TooSmall} from './chrome.js';
import {DetailView} from './detail.js';
import {runCommand} from './effects.js';
import {HelpView} from './help.js';
import {type Binding, keyBindings, readKeys} from './keys.js';
import {fullViewBox, layout, listHeight, type Size, summaryRows} from './layout.js';
import {PaneView} from './pane-view.js';
import {ReaderView} from './reader.js';
import {orderToMake, type RuntimeAction, settle, step} from './runtime.js';
import {initialState, paneOf, type State, viewQuery} from './state.js';
import {readMouse} from './terminal.js';
import {type Theme, ThemeContext} from './theme.js';
import {useTerminalSize} from './use-terminal-size.js';

/** How often the screen shows how much of a new order is made. */
const sortTickMs = 100;

type Props = {
	views: FactViews;
	/** The panes on screen, in order. */
	panes: Panes;
	initialSize: Size;
	today: string;
	theme: Theme;
	env: NodeJS.ProcessEnv;
	cwd: string;
	/** Sets the exit status kzrs ends with. */
	setExitCode: (code: number) => void;
	/** Whether clicks and the wheel act (the terminal reports them only when asked to). */
	mouse?: boolean;
};

/** How often the screen shows loading's progress and the rows come in since. */
const loadingTickMs = 200;

export function App({views, panes, initialSize, today, theme, env, cwd, setExitCode, mouse = true}: Props) {
	const {exit} = useApp();
	const {stdout} = useStdout();
	const {isRawModeSupported} = useStdin();
	const bindings = useMemo(() => keyBindings(panes), [panes]);
	const reducer = useCallback((state: State, action: RuntimeAction) => step(state, action, panes, views), [panes, views]);
	const [state, dispatch] = useReducer(reducer, initialSize, (size) => settle(initialState(size, panes, today, views.loadProgress() ?? null), panes, views));
	const whole = state.loading === null;

	useTerminalSize(
		stdout,
		useCallback((size: Size) => dispatch({type: 'resize', size}), []),
	);
	// A real boolean: Ink throws "Raw mode is not supported" for undefined on piped stdin.
	useInput(
		(input, key) => {
			// A mouse report is no key: its characters must not act as keys.
			const report = readMouse(input);
			if (report === 'other' || (report !== undefined && !mouse)) return;
			if (report !== undefined) dispatch({type: 'mouse', event: report});
			else for (const press of readKeys(bindings, input, key)) dispatch({type: 'key', key: press});
		},
		{isActive: Boolean(isRawModeSupported)},
	);

	const commandId = state.command?.id;
	// biome-ignore lint/correctness/useExhaustiveDependencies: each numbered command runs exactly once
	useEffect(() => {
		if (state.command) runCommand(state.command.run, {views, panes, dispatch, stdout, env, cwd, exit, setExitCode});
	}, [commandId]);

	// A new order that takes long to make (the first sort of a large pane) is
	// made in steps, between keys, the screen showing how far it is: Ctrl-C, q
	// or another order acts at once.
	// biome-ignore lint/correctness/useExhaustiveDependencies: the order asked for, not its progress, starts the steps
	useEffect(() => {
		const order = orderToMake(state, panes, views);
		if (order === undefined) return;
		let shown = Date.now();
		return inSteps(() => {
			const {whole, share} = views.prepareOrder(order.pane, order.query);
			if (whole) dispatch({type: 'answer-slow'});
			else if (Date.now() - shown >= sortTickMs) {
				shown = Date.now();
				dispatch({type: 'sort-progress', made: share});
			}
			return whole;
		});
	}, [state.sorting?.pane, state.sorting?.sort, state.sorting?.descending]);

	// The rows come in while the screen is up: counted again, and the progress shown, a few times a second.
	useEffect(() => {
		if (whole) return;
		const ticking = setInterval(() => dispatch({type: 'loaded', progress: views.loadProgress() ?? null}), loadingTickMs);
		return () => clearInterval(ticking);
	}, [views, whole]);

	// The filters' search texts, read in steps from the first frame with every
	// row in, between keys, so that no key typed into a filter waits for them.
	useEffect(() => {
		if (!whole) return;
		return inSteps(() => views.prepareFilters(panes));
	}, [views, panes, whole]);

	return (
		<ThemeContext.Provider value={theme}>
			<Screen state={state} views={views} panes={panes} bindings={bindings} />
		</ThemeContext.Provider>
	);
}

/** Runs `step` between turns of the event loop, keys and frames coming in between, until it says it is done; the function returned stops it. */
function inSteps(step: () => boolean): () => void {
	let next = setImmediate(function run() {
		if (!step()) next = setImmediate(run);
	});
	return () => clearImmediate(next);
}

type ScreenProps = {state: State; views: FactViews; panes: Panes; bindings: readonly Binding[]};

function Screen({state, views, panes, bindings}: ScreenProps) {
	const {size, overlay, focus} = state;
	const screenReader = useIsScreenReaderEnabled();
	const whole = state.loading === null;
	// biome-ignore lint/correctness/useExhaustiveDependencies: read again once every row is in
	const overview = useMemo(() => views.overview(), [views, whole]);
	const current = layout(size, panes, focus, state.zoomed);
	if (current.kind === 'too-small') return <TooSmall size={size} need={current.need} />;
	// Read aloud, panes side by side would interleave: one at a time, like the tabs.
	const grid = current.kind === 'grid' && !screenReader ? current : undefined;
	const {body, pane: area} = current;
	const slot = (pane: AnyPane) => (
		<PaneView
			key={pane.id}
			views={views}
			pane={pane}
			view={state.views[pane.id] as State['views'][string]}
			focused={pane.id === focus}
			width={grid ? area.width : body.width}
			height={area.height}
			listRows={listHeight(pane, size, panes, state.zoomed)}
			summaryRows={summaryRows(pane, area.height)}
			sorting={state.sorting?.pane === pane.id ? state.sorting.made : undefined}
		/>
	);

	const fullView = overlay.kind === 'detail' || overlay.kind === 'help' || overlay.kind === 'reader';
	const bodyHeight = fullView ? (fullViewBox(size, panes)?.height ?? body.height) : body.height;
	let content: ReactNode;
	if (overlay.kind === 'detail') {
		const pane = paneOf(panes, overlay.pane);
		const detail = views.detail(pane, viewQuery(pane, state.views[overlay.pane] as State['views'][string]), overlay.index);
		content = detail && <DetailView detail={detail} cursor={overlay.cursor} top={overlay.top} width={body.width} height={bodyHeight} />;
	} else if (overlay.kind === 'reader') {
		content = <ReaderView overlay={overlay} width={body.width} height={bodyHeight} />;
	} else if (overlay.kind === 'help') {
		content = <HelpView bindings={bindings} width={body.width} height={bodyHeight} offset={overlay.offset} />;
	} else if (grid) {
		content = (
			<Box flexDirection="column">
				{grid.rows.map((ids) => (
					<Box key={ids.join(' ')} flexDirection="row">
						{ids.map((id) => slot(paneOf(panes, id)))}
					</Box>
				))}
			</Box>
		);
	} else {
		content = slot(paneOf(panes, focus));
	}

	return (
		<Box flexDirection="column" width={size.columns} height={size.rows - 1}>
			<Header overview={overview} width={size.columns} />
			{current.kind === 'tabs' && !fullView && <TabBar panes={panes} focus={focus} width={size.columns} />}
			<Box height={bodyHeight}>{content}</Box>
			<Footer state={state} panes={panes} bindings={bindings} width={size.columns} />
		</Box>
	);
}
