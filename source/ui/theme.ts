// Colours follow the terminal: NO_COLOR (https://no-color.org) turns them off,
// and every meaning colour carries is also carried by a symbol or a word.
const colour = !(process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '');

const pick = (name: string) => (colour ? name : undefined);

export const theme = {
	accent: pick('cyan'),
	visit: pick('yellow'),
	derived: pick('magenta'),
	disputed: pick('red'),
	muted: pick('gray'),
	error: pick('red'),
	bar: pick('green'),
	symbols: {
		focused: '▶',
		visit: '◆',
		event: '·',
		derived: '*',
		disputed: '⚠',
		selected: '›',
	},
};
