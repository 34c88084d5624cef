import {Text} from 'ink';
import {fitColumns} from '../../format/fit.js';
import type {TimelineRow} from '../../views/rows.js';
import {EmptyList, ListLine} from '../pane-frame.js';
import {theme} from '../theme.js';

type Props = {rows: TimelineRow[]; offset: number; selected: number; focused: boolean; width: number; filter: string};

const dateWidth = 14;

/** A vertical timeline: date, a marker (◆ for the days of the state visit), event and place. */
export function TimelinePane({rows, offset, selected, focused, width, filter}: Props) {
	if (rows.length === 0) return <EmptyList filter={filter} />;
	const placeWidth = width >= 70 ? Math.min(18, Math.floor(width / 5)) : 0;
	const titleWidth = width - dateWidth - 4 - (placeWidth ? placeWidth + 1 : 0);
	return rows.map((row, position) => {
		const isSelected = offset + position === selected;
		const marker = row.visit ? theme.symbols.visit : theme.symbols.event;
		// A date read off "today" or "last year" is marked, like a derived value.
		const date = fitColumns(`${row.when}${row.dateDerived ? theme.symbols.derived : ''}`, dateWidth);
		const title = `${row.announced ? '(announced) ' : ''}${row.title}`;
		return (
			<ListLine key={row.id} selected={isSelected} focused={focused}>
				<Text color={row.visit ? theme.visit : undefined}>{isSelected ? theme.symbols.selected : ' '}{date} {marker} </Text>
				<Text bold={row.visit}>{fitColumns(title, titleWidth)}</Text>
				{placeWidth > 0 && <Text color={theme.muted}> {fitColumns(row.place, placeWidth)}</Text>}
			</ListLine>
		);
	});
}
