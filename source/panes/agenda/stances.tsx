// The agenda's marks: one cell per source, under the source's language tag,
// holding the letter of the stance that source takes on an area.
import {Box, Text} from 'ink';
import type {Stance} from '../../facts/records.js';
import {fitColumns} from '../../text/fit.js';
import {displayWidth} from '../../text/width.js';
import {useTheme} from '../../ui/theme.js';
import type {SourceLabel} from './queries.js';

export type AgendaSummary = {sources: SourceLabel[]};

const stanceMarks: Readonly<Record<Stance, string>> = {agreed: 'A', discussed: 'D', proposed: 'P', unresolved: 'U'};
/** The mark of a source that does not name the area. */
const notNamed = '·';

const legend = Object.entries(stanceMarks)
	.map(([stance, mark]) => `${mark}=${stance}`)
	.join(' ');
/** The areas' header, with the mark of a source that does not name one. */
export const areaHeading = `Area, ${notNamed}=not named`;

/** "s003 agreed; s004 agreed", as stored (see db/tables.ts), by source. */
export function parseStances(stored: string): Map<string, Stance> {
	// check.ts let only these stances in.
	return new Map(stored.split('; ').map((entry) => entry.split(' ') as [string, Stance]));
}

/** A cell as wide as its source's language tag, the mark in its middle. */
function cell(label: string, mark: string): string {
	const width = Math.max(1, displayWidth(label));
	const before = Math.floor((width - 1) / 2);
	return `${' '.repeat(before)}${mark}${' '.repeat(width - 1 - before)}`;
}

/** The marks of an area's stances, one cell per source, as wide as the heading. */
export function markCells(sources: readonly SourceLabel[], stances: ReadonlyMap<string, Stance>): string {
	return sources
		.map(({id, language}) => {
			const stance = stances.get(id);
			return cell(language, stance === undefined ? notNamed : stanceMarks[stance]);
		})
		.join(' ');
}

/** The heading over the marks: each source's language tag. */
export const marksHeading = (sources: readonly SourceLabel[]) => sources.map(({language}) => language || ' ').join(' ');

/** The legend's line, in a pane with room for it: the column headers give each source's language. */
export const agendaRows = (available: number) => (available >= 8 ? 1 : 0);

export function AgendaHeading({summary, width, height}: {summary: AgendaSummary; width: number; height: number}) {
	const theme = useTheme();
	const description = `Stance of each source (${summary.sources.map(({language}) => language).join(', ')}): ${legend} ${notNamed}=not named`;
	return (
		<Box flexDirection="column" height={height} aria-label={description}>
			<Text color={theme.muted}>{fitColumns(` ${legend}`, width)}</Text>
		</Box>
	);
}
