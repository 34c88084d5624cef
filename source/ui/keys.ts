// Key bindings as data: one table from commands to the keys that give them,
// read by the reducer (through `keyCommand`), the footer and the help overlay.
import type {Key} from 'ink';

export type KeyCommand =
	| 'next-pane'
	| 'previous-pane'
	| 'pane-1'
	| 'pane-2'
	| 'pane-3'
	| 'pane-4'
	| 'left'
	| 'right'
	| 'up'
	| 'down'
	| 'page-up'
	| 'page-down'
	| 'first'
	| 'last'
	| 'open'
	| 'back'
	| 'filter'
	| 'sort'
	| 'reverse'
	| 'export'
	| 'copy'
	| 'help'
	| 'quit'
	| 'erase'
	| 'clear-line';

type Binding = {command: KeyCommand; keys: string; help: string; matches: (input: string, key: Key) => boolean};

const char = (wanted: string) => (input: string, key: Key) => input === wanted && !key.ctrl && !key.meta;

export const bindings: readonly Binding[] = [
	{command: 'next-pane', keys: 'Tab', help: 'next pane', matches: (_, key) => key.tab && !key.shift},
	{command: 'previous-pane', keys: 'Shift-Tab', help: 'previous pane', matches: (_, key) => key.tab && key.shift},
	{command: 'pane-1', keys: '1', help: 'Timeline', matches: char('1')},
	{command: 'pane-2', keys: '2', help: 'Memoranda', matches: char('2')},
	{command: 'pane-3', keys: '3', help: 'Trade', matches: char('3')},
	{command: 'pane-4', keys: '4', help: 'Companies', matches: char('4')},
	{command: 'left', keys: 'h ←', help: 'pane to the left', matches: (input, key) => key.leftArrow || char('h')(input, key)},
	{command: 'right', keys: 'l →', help: 'pane to the right', matches: (input, key) => key.rightArrow || char('l')(input, key)},
	{command: 'up', keys: 'k ↑', help: 'previous row', matches: (input, key) => key.upArrow || char('k')(input, key)},
	{command: 'down', keys: 'j ↓', help: 'next row', matches: (input, key) => key.downArrow || char('j')(input, key)},
	{command: 'page-up', keys: 'PgUp', help: 'page up', matches: (input, key) => key.pageUp || (key.ctrl && input === 'b')},
	{command: 'page-down', keys: 'PgDn', help: 'page down', matches: (input, key) => key.pageDown || (key.ctrl && input === 'f')},
	{command: 'first', keys: 'g Home', help: 'first row', matches: (input, key) => key.home || char('g')(input, key)},
	{command: 'last', keys: 'G End', help: 'last row', matches: (input, key) => key.end || char('G')(input, key)},
	{command: 'open', keys: 'Enter', help: 'sources of the row', matches: (_, key) => key.return},
	{command: 'back', keys: 'Esc', help: 'close, or clear the filter', matches: (_, key) => key.escape},
	{command: 'filter', keys: '/', help: 'filter rows', matches: char('/')},
	{command: 'sort', keys: 's', help: 'sort by next column', matches: char('s')},
	{command: 'reverse', keys: 'S', help: 'reverse the sort', matches: char('S')},
	{command: 'export', keys: 'e', help: 'export the pane as CSV', matches: char('e')},
	{command: 'copy', keys: 'y', help: 'copy row (quote in detail)', matches: char('y')},
	{command: 'help', keys: '?', help: 'this help', matches: char('?')},
	{command: 'quit', keys: 'q Ctrl-C', help: 'quit (close in detail/help)', matches: (input, key) => char('q')(input, key) || (key.ctrl && input === 'c')},
	{command: 'erase', keys: 'Backspace', help: 'delete a character', matches: (_, key) => key.backspace || key.delete},
	{command: 'clear-line', keys: 'Ctrl-U', help: 'clear the line', matches: (input, key) => key.ctrl && input === 'u'},
];

/** What the reducer receives for a key press. */
export type KeyPress = {command?: KeyCommand; text: string};

/**
 * A key press as a command (if bound) and as typed text: in the filter and
 * the file-name prompt, printable keys are text even when they are bound.
 */
export function readKey(input: string, key: Key): KeyPress {
	const binding = bindings.find((candidate) => candidate.matches(input, key));
	return {command: binding?.command, text: isPrintable(key) ? input : ''};
}

const isPrintable = (key: Key) => !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab && !key.backspace && !key.delete;

/**
 * The key presses in what the terminal sent at once. Keys typed faster than
 * they are read (or pasted) arrive together, as "jjq": each character is a
 * press of its own, as it would have been one at a time.
 */
export function readKeys(input: string, key: Key): KeyPress[] {
	const characters = Array.from(input);
	if (characters.length <= 1 || !isPrintable(key)) return [readKey(input, key)];
	return characters.map((character) => readKey(character, key));
}
