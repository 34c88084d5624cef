import {Text} from 'ink';
import {fitColumns} from '../../format/fit.js';
import type {MemorandaSummary} from '../../views/summaries.js';
import type {MemorandumRow} from '../../views/rows.js';
import {EmptyList, ListLine} from '../pane-frame.js';
import {theme} from '../theme.js';

type Props = {summary: MemorandaSummary; rows: MemorandumRow[]; offset: number; selected: number; focused: boolean; width: number; filter: string};

/** The count signed, the areas the sources name, and an honest line for those they do not. */
export function MemorandaPane({summary, rows, offset, selected, focused, width, filter}: Props) {
	return (
		<>
			<Text color={summary.gap ? theme.derived : theme.muted} wrap="truncate-end">
				{fitColumns(` ${summary.line}`, width)}
			</Text>
			{rows.length === 0 ? (
				<EmptyList filter={filter} />
			) : (
				rows.map((row, position) => {
					const isSelected = offset + position === selected;
					return (
						<ListLine key={row.id} selected={isSelected} focused={focused}>
							{isSelected ? theme.symbols.selected : ' '}
							{fitColumns(row.text, width - 2 - 12)}
							<Text color={theme.muted}> {fitColumns(row.languages, 11, 'right')}</Text>
						</ListLine>
					);
				})
			)}
		</>
	);
}
