// The marks kzrs draws, each also explained in the legend and the help: what
// a colour says is always said by one of these too (see ui/theme.ts).
export const symbols = {
	focused: '▶',
	visit: '◆',
	event: '·',
	derived: '*',
	disputed: '⚠',
	honour: '★',
	selected: '›',
	cited: '▌',
	passage: '▶',
} as const;
