import {Box, Text} from 'ink';
import {fitColumns} from '../../text/fit.js';
import {useTheme} from '../../ui/theme.js';
import type {Wording} from './queries.js';

export type StandingSummary = {claims: number; wordings: Wording[]};

/** "10 claims · partnership in 3 wordings: pragmatic … (sr-Latn) · strategic partnership (sr-Cyrl) · …": each reading its source's. */
export function wordingsLine(summary: StandingSummary): string {
	const subjects = [...new Set(summary.wordings.map(({subject}) => subject))];
	const parts = subjects.map((subject) => {
		const readings = summary.wordings.filter((wording) => wording.subject === subject);
		return `${subject.replaceAll('-', ' ')} in ${readings.length} wordings: ${readings.map(({wording, languages}) => `${wording} (${languages})`).join(' · ')}`;
	});
	return [`${summary.claims} claims`, ...parts].join(' · ');
}

export function StandingLine({summary, width}: {summary: StandingSummary; width: number}) {
	const theme = useTheme();
	const line = wordingsLine(summary);
	// A screen reader hears the whole line, which the pane may cut.
	return (
		<Box aria-label={line}>
			<Text color={theme.muted} wrap="truncate-end">
				{fitColumns(` ${line}`, width)}
			</Text>
		</Box>
	);
}
