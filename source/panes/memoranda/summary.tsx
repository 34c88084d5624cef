import {Text} from 'ink';
import {fitColumns} from '../../text/fit.js';
import {qualified} from '../../text/shown.js';
import {useTheme} from '../../ui/theme.js';
import type {MemorandaCounts} from './queries.js';

/** `gap`: the sources name fewer areas than memoranda. */
export type MemorandaSummary = {line: string; gap: boolean};

/**
 * The count signed and the areas named, as the sources give them. Where they
 * name fewer areas than memoranda, the line says so and no more: they do not
 * say which memorandum covers which area, so kzrs does not count "unnamed" ones.
 */
export function summarise({counts, namedAreas}: MemorandaCounts): MemorandaSummary {
	const areas = `${namedAreas} area${namedAreas === 1 ? '' : 's'}`;
	const readings = [...new Set(counts.map(({count, qualifier}) => qualified(count, qualifier)))];
	const [first] = counts;
	if (!first) return {line: `Sources name ${areas}; none gives a count`, gap: false};
	if (readings.length > 1) return {line: `Sources disagree on the count: ${readings.join(' · ')}; they name ${areas}`, gap: false};
	const gap = namedAreas < first.count;
	return {line: `${readings[0]} signed · sources name ${areas}${gap ? ' for them' : ''}`, gap};
}

export function MemorandaLine({summary, width}: {summary: MemorandaSummary; width: number}) {
	const theme = useTheme();
	return (
		<Text color={summary.gap ? theme.derived : theme.muted} wrap="truncate-end">
			{fitColumns(` ${summary.line}`, width)}
		</Text>
	);
}
