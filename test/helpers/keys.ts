// Key presses as the dashboard's reducer receives them: an Ink `Key` (every
// flag false unless given) read through the same `readKey` the app uses. The
// inputs mirror what Ink 6 passes for each key (e.g. '' for Tab and arrows).
import type {Key} from 'ink';
import {type KeyCommand, type KeyPress, readKey} from '../../source/ui/keys.js';
import {bindings, panes} from './dashboard.js';

const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/** A key press: `key('j')`, `key('', {downArrow: true})`, `key('', {tab: true, shift: true})`. */
export function key(input: string, flags: Partial<Key> = {}): KeyPress {
	// Ink marks a single capital letter as shifted.
	const shift = /^[A-Z]$/.test(input) || flags.shift === true;
	return readKey(bindings, input, {...noKey, ...flags, shift});
}

/** The keys that are not a printable character, as Ink 6 reports them. */
export const keys = {
	tab: key('', {tab: true}),
	shiftTab: key('', {tab: true, shift: true}),
	enter: key('\r', {return: true}),
	// Ink reports Esc with the meta flag set.
	escape: key('', {escape: true, meta: true}),
	// Most terminals send DEL (0x7F) for Backspace, which Ink calls delete.
	backspace: key('', {delete: true}),
	backspaceCtrlH: key('', {backspace: true}),
	ctrlU: key('u', {ctrl: true}),
	ctrlW: key('w', {ctrl: true}),
	ctrlA: key('a', {ctrl: true}),
	ctrlE: key('e', {ctrl: true}),
	ctrlC: key('c', {ctrl: true}),
	ctrlB: key('b', {ctrl: true}),
	ctrlF: key('f', {ctrl: true}),
	up: key('', {upArrow: true}),
	down: key('', {downArrow: true}),
	left: key('', {leftArrow: true}),
	right: key('', {rightArrow: true}),
	pageUp: key('', {pageUp: true}),
	pageDown: key('', {pageDown: true}),
	home: key('', {home: true}),
	end: key('', {end: true}),
} satisfies Record<string, KeyPress>;

/** Each character of `text` as one key press. */
export const typed = (text: string): KeyPress[] => [...text].map((character) => key(character));

/** Bound printable keys, one each. */
const boundCharacters = [...panes.map((pane) => pane.key), 'h', 'l', 'k', 'j', 'g', 'G', '/', 's', 'S', 'e', 'y', 'o', 'n', 'N', 'z', '?', 'q'];

/** At least one key press for every binding in the key table (checked by the reducer tests). */
export const everyBoundKey: readonly KeyPress[] = [...Object.values(keys), ...boundCharacters.map((character) => key(character))];

/** The commands `everyBoundKey` gives. */
export const commandsOf = (presses: readonly KeyPress[]): Set<KeyCommand> => new Set(presses.flatMap(({command}) => (command === undefined ? [] : [command])));
