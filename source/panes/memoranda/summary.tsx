import {Text} from 'ink';
import {fitColumns} from '../../text/fit.js';
import {qualified} from '../../text/shown.js';
import {useTheme} from '../../ui/theme.js';
import type {MemorandaCounts} from './queries.js';

/** `gap`: the sources name fewer areas than memoranda. */
export type MemorandaSummary = {line: string; gap: boolean};

/**
 * The count signed (or, where no source reports the signing, announced) and
 * the areas named, as the sources give them, saying when only an announcement
 * made in advance names them. Where they name fewer areas than memoranda, the
 * line says so and no more: they do not say which memorandum covers which
 * area, so kzrs does not count "unnamed" ones.
 */
export function summarise({counts, namedAreas, announcedAreas}: MemorandaCounts): MemorandaSummary {
	const areas = `${namedAreas} area${namedAreas === 1 ? '' : 's'}`;
	const signed = counts.filter((count) => count.signed);
	const reported = signed.length > 0 ? signed : counts;
	const readings = [...new Set(reported.map(({count, qualifier}) => qualified(count, qualifier)))];
	const [first] = reported;
	if (!first) return {line: `Sources name ${areas}; none gives a count`, gap: false};
	if (readings.length > 1) return {line: `Sources disagree on the count: ${readings.join(' · ')}; they name ${areas}`, gap: false};
	const gap = namedAreas < first.count;
	const naming = namedAreas > 0 && announcedAreas === namedAreas ? `${areas} named only in advance` : `sources name ${areas}${gap ? ' for them' : ''}`;
	return {line: `${readings[0]} ${signed.length > 0 ? 'signed' : 'announced'} · ${naming}`, gap};
}

export function MemorandaLine({summary, width}: {summary: MemorandaSummary; width: number}) {
	const theme = useTheme();
	return (
		<Text color={summary.gap ? theme.derived : theme.muted} wrap="truncate-end">
			{fitColumns(` ${summary.line}`, width)}
		</Text>
	);
}
