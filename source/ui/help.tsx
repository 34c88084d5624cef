import {Box, Text} from 'ink';
import {fitColumns} from '../text/fit.js';
import {symbols} from '../text/symbols.js';
import type {Binding} from './keys.js';
import {helpGrid} from './layout.js';
import {scrollNote} from './scroll-note.js';
import {useTheme} from './theme.js';

/** The marks kzrs draws, in words: the help's and the snapshot's legend. */
const legend = [
	`${symbols.visit} a day of the February 2026 official visit   ${symbols.derived} derived (computed, or dated from "today", "last year")`,
	`${symbols.disputed} sources disagree: Enter shows every reading with its sources   ${symbols.honour} holds an honour (People)`,
];

/** Every key, from the same table the reducer reads; j/k scroll it when it does not fit. */
export function HelpView({bindings, width, height, offset}: {bindings: readonly Binding[]; width: number; height: number; offset: number}) {
	const theme = useTheme();
	const keyWidth = Math.max(...bindings.map(({keys}) => keys.length)) + 2;
	const {rows: perColumn, columns, page} = helpGrid(width, height, bindings.length);
	const shown = bindings.slice(offset, offset + page);
	const below = Math.max(0, bindings.length - offset - page);
	const columnWidth = Math.floor((width - 2) / columns);
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="double" borderColor={theme.accent}>
			<Text bold color={theme.accent}>
				{fitColumns('Keys', width - 2)}
			</Text>
			{Array.from({length: perColumn}, (_, row) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: a line is its position on screen
				<Text key={row}>
					{Array.from({length: columns}, (_, column) => {
						const binding = shown[column * perColumn + row];
						return binding ? fitColumns(`${fitColumns(binding.keys, keyWidth)}${binding.help}`, columnWidth) : '';
					}).join('')}
				</Text>
			))}
			<Text color={theme.muted}>{fitColumns(scrollNote(offset, below, 'j/k'), width - 2)}</Text>
			{legend.map((line) => (
				<Text key={line} color={theme.muted}>
					{fitColumns(line, width - 2)}
				</Text>
			))}
		</Box>
	);
}
