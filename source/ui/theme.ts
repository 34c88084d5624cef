// Colours follow the terminal: NO_COLOR (https://no-color.org) turns them off,
// and every meaning colour carries is also carried by a symbol or a word
// (text/symbols.ts).
import {createContext, useContext} from 'react';
import type {Tone} from '../panes/pane.js';

/** A colour for each tone, for errors, and the background of text a filter matches (which is also underlined). */
export type Theme = Record<Tone | 'error' | 'match', string | undefined>;

const colours: Theme = {accent: 'cyan', visit: 'yellow', derived: 'magenta', disputed: 'red', muted: 'gray', error: 'red', bar: 'green', match: 'yellow'};
const none: Theme = {
	accent: undefined,
	visit: undefined,
	derived: undefined,
	disputed: undefined,
	muted: undefined,
	error: undefined,
	bar: undefined,
	match: undefined,
};

export function themeFor(env: NodeJS.ProcessEnv): Theme {
	return env.NO_COLOR !== undefined && env.NO_COLOR !== '' ? none : colours;
}

export const ThemeContext = createContext<Theme>(colours);

export const useTheme = () => useContext(ThemeContext);
