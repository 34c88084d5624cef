// Composes the dashboard: state from the reducer, keys from Ink, effects run
// after each command, and the layout the terminal's size allows.
import {Box, useApp, useInput, useIsScreenReaderEnabled, useStdin, useStdout} from 'ink';
import {useCallback, useEffect, useMemo, useReducer} from 'react';
import type {FactDatabase} from './db/database.js';
import {Footer, Header, TabBar, TooSmall} from './ui/chrome.js';
import {DetailView} from './ui/detail.js';
import {runCommand} from './ui/effects.js';
import {HelpView} from './ui/help.js';
import {readKeys} from './ui/keys.js';
import {chartRows, dashboardPanes, fullViewBox, layout, listHeight, type Size} from './ui/layout.js';
import {PaneSlot} from './ui/pane-slot.js';
import {type Action, type Environment, initialState, type State, update, viewQuery} from './ui/state.js';
import {useTerminalSize} from './ui/use-terminal-size.js';
import {rowDetail} from './views/detail.js';

type Props = {database: FactDatabase; environment: Environment; initialSize: Size};

export function App({database, environment, initialSize}: Props) {
	const {exit} = useApp();
	const {stdout} = useStdout();
	const {isRawModeSupported} = useStdin();
	const reducer = useCallback((state: State, action: Action) => update(state, action, environment), [environment]);
	const [state, dispatch] = useReducer(reducer, initialSize, (size) => initialState(size, environment));

	useTerminalSize(stdout, useCallback((size: Size) => dispatch({type: 'resize', size}), []));
	// A real boolean: Ink throws "Raw mode is not supported" for undefined on piped stdin.
	useInput(
		(input, key) => {
			for (const press of readKeys(input, key)) dispatch({type: 'key', key: press});
		},
		{isActive: Boolean(isRawModeSupported)},
	);

	const commandId = state.command?.id;
	// biome-ignore lint/correctness/useExhaustiveDependencies: each numbered command runs exactly once
	useEffect(() => {
		if (state.command) runCommand(state.command.run, {database, dispatch, stdout, exit});
	}, [commandId]);

	// Built once the filter's prompt is on screen, while the user starts typing.
	const filtering = state.overlay.kind === 'filter' ? state.focus : undefined;
	useEffect(() => {
		if (filtering) database.prepareFilter(filtering);
	}, [database, filtering]);

	const overview = useMemo(() => database.overview(), [database]);
	return <Screen state={state} database={database} environment={environment} overview={overview} />;
}

type ScreenProps = {state: State; database: FactDatabase; environment: Environment; overview: ReturnType<FactDatabase['overview']>};

function Screen({state, database, environment, overview}: ScreenProps) {
	const {size, overlay, focus, views} = state;
	const screenReader = useIsScreenReaderEnabled();
	const current = layout(size);
	// Read aloud, four panes side by side would interleave: one at a time, like the tabs.
	const grid = current.kind === 'grid' && !screenReader;
	if (current.kind === 'too-small') return <TooSmall size={size} need={current.need} />;
	const {body, pane: area} = current;
	const slot = (pane: (typeof dashboardPanes)[number]) => (
		<PaneSlot
			key={pane}
			database={database}
			environment={environment}
			pane={pane}
			view={views[pane]}
			focused={pane === focus}
			width={grid ? area.width : body.width}
			height={area.height}
			listRows={listHeight(pane, size)}
			chartHeight={pane === 'trade' ? chartRows(area.height) : 0}
		/>
	);

	const fullView = overlay.kind === 'detail' || overlay.kind === 'help';
	const bodyHeight = fullView ? (fullViewBox(size)?.height ?? body.height) : body.height;
	let content: React.ReactNode;
	if (overlay.kind === 'detail') {
		const detail = rowDetail(database, overlay.pane, viewQuery(overlay.pane, views[overlay.pane], environment), overlay.index);
		content = detail && <DetailView detail={detail} cursor={overlay.cursor} width={body.width} height={bodyHeight} />;
	} else if (overlay.kind === 'help') {
		content = <HelpView width={body.width} height={bodyHeight} offset={overlay.offset} />;
	} else if (grid) {
		content = (
			<Box flexDirection="column">
				<Box flexDirection="row">{dashboardPanes.slice(0, 2).map(slot)}</Box>
				<Box flexDirection="row">{dashboardPanes.slice(2).map(slot)}</Box>
			</Box>
		);
	} else {
		content = slot(focus);
	}

	return (
		<Box flexDirection="column" width={size.columns} height={size.rows - 1}>
			<Header overview={overview} width={size.columns} />
			{current.kind === 'tabs' && !fullView && <TabBar focus={focus} width={size.columns} />}
			<Box height={bodyHeight}>{content}</Box>
			<Footer state={state} width={size.columns} />
		</Box>
	);
}
