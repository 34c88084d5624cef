import {Text} from 'ink';
import {fitColumns} from '../../format/fit.js';
import type {CompanyRow} from '../../views/rows.js';
import {EmptyList, ListLine} from '../pane-frame.js';
import {theme} from '../theme.js';

type Props = {rows: CompanyRow[]; largest: number; offset: number; selected: number; focused: boolean; width: number; filter: string};

/** Counts as labelled horizontal bars; a reading that sources dispute carries ⚠ and its own sources. */
export function CompaniesPane({rows, largest, offset, selected, focused, width, filter}: Props) {
	if (rows.length === 0) return <EmptyList filter={filter} />;
	const labelWidth = Math.max(12, Math.floor(width * 0.5));
	const tailWidth = 18;
	const barWidth = Math.max(1, width - 1 - labelWidth - 1 - tailWidth);
	return rows.map((row, position) => {
		const isSelected = offset + position === selected;
		const length = largest > 0 ? Math.max(1, Math.round((row.count / largest) * barWidth)) : 0;
		const tail = `${row.reading} ${row.disputed ? theme.symbols.disputed : ' '} ${row.languages}`;
		return (
			<ListLine key={row.id} selected={isSelected} focused={focused}>
				{isSelected ? theme.symbols.selected : ' '}
				{fitColumns(row.label, labelWidth)} <Text color={theme.bar}>{fitColumns('█'.repeat(length), barWidth)}</Text>
				<Text color={row.disputed ? theme.disputed : undefined}>{fitColumns(tail, tailWidth, 'right')}</Text>
			</ListLine>
		);
	});
}
