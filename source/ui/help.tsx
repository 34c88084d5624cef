import {Box, Text} from 'ink';
import {fitColumns} from '../format/fit.js';
import {bindings} from './keys.js';
import {theme} from './theme.js';

/** Every key, from the same table the reducer reads; j/k scroll it when it does not fit. */
export function HelpView({width, height, offset}: {width: number; height: number; offset: number}) {
	const keyWidth = Math.max(...bindings.map(({keys}) => keys.length)) + 2;
	// Lines inside the border, less the title, the scroll line and the two legend lines.
	const room = Math.max(1, height - 2 - 1 - 1 - 2);
	const shown = bindings.slice(offset);
	// As many columns as the keys need, but none narrower than a key and its words.
	const columns = Math.min(Math.ceil(shown.length / room), Math.max(1, Math.floor((width - 2) / 34)));
	const perColumn = Math.min(room, Math.ceil(shown.length / columns));
	const below = shown.length - perColumn * columns;
	const columnWidth = Math.floor((width - 2) / columns);
	const scroll = offset > 0 || below > 0 ? `${offset > 0 ? `${offset} above` : ''}${offset > 0 && below > 0 ? ', ' : ''}${below > 0 ? `${below} more below` : ''} (j/k)` : '';
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
						const binding = shown[column * perColumn + row];
						return binding ? fitColumns(`${fitColumns(binding.keys, keyWidth)}${binding.help}`, columnWidth) : '';
					}).join('')}
				</Text>
			))}
			<Text color={theme.muted}>{fitColumns(scroll ? `… ${scroll}` : '', width - 2)}</Text>
			{legend.map((line) => (
				<Text key={line} color={theme.muted}>
					{fitColumns(line, width - 2)}
				</Text>
			))}
		</Box>
	);
}
