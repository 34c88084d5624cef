import {Box, Text} from 'ink';
import {fitColumns} from '../format/fit.js';
import {bindings} from './keys.js';
import {theme} from './theme.js';

/** Every key, from the same table the reducer reads. */
export function HelpView({width, height}: {width: number; height: number}) {
	const keyWidth = Math.max(...bindings.map(({keys}) => keys.length)) + 2;
	// As many columns as the keys need to fit the height.
	const room = Math.max(1, height - 2 - 1 - 2 - 1);
	// Columns narrower than a key and its words are no use: then some keys wait for a taller window.
	const columns = Math.min(Math.ceil(bindings.length / room), Math.max(1, Math.floor((width - 2) / 34)));
	const perColumn = Math.min(room, Math.ceil(bindings.length / columns));
	const hidden = bindings.length - perColumn * columns;
	const columnWidth = Math.floor((width - 2) / columns);
	const legend = [
		`${theme.symbols.visit} a day of the February 2026 state visit   ${theme.symbols.derived} derived (computed, or dated from "today", "last year")`,
		`${theme.symbols.disputed} sources disagree: Enter shows every reading with its sources`,
	];
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="double" borderColor={theme.accent}>
			<Text bold color={theme.accent}>
				{fitColumns('Keys', width - 2)}
			</Text>
			{Array.from({length: perColumn}, (_, row) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: a line is its position on screen
				<Text key={row}>
					{Array.from({length: columns}, (_, column) => {
						const binding = bindings[column * perColumn + row];
						return binding ? fitColumns(`${fitColumns(binding.keys, keyWidth)}${binding.help}`, columnWidth) : '';
					}).join('')}
				</Text>
			))}
			{hidden > 0 && <Text color={theme.muted}>{fitColumns(`… ${hidden} more keys in a taller window`, width - 2)}</Text>}
			{legend.map((line) => (
				<Text key={line} color={theme.muted}>
					{fitColumns(line, width - 2)}
				</Text>
			))}
		</Box>
	);
}
