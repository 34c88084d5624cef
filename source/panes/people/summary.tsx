import {Text} from 'ink';
import {fitColumns} from '../../text/fit.js';
import {symbols} from '../../text/symbols.js';
import {useTheme} from '../../ui/theme.js';
import type {Decoration} from './queries.js';

export type PeopleSummary = {delegation: number; honours: Decoration[]};

/** Each honour, which ★ marks its recipient with in the list, and the delegation's size. */
export function PeopleLine({summary, width}: {summary: PeopleSummary; width: number}) {
	const theme = useTheme();
	const honours = summary.honours.map((honour) => `${symbols.honour} ${honour.name}`);
	return (
		<Text color={theme.muted} wrap="truncate-end">
			{fitColumns(` ${[...honours, `${summary.delegation} in the visiting delegation`].join(' · ')}`, width)}
		</Text>
	);
}
