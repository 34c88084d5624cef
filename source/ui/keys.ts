// Key bindings as data: one table from commands to the keys that give them,
// with what each does in words. The reducer reads it (through readKeys), and
// the footer and the help are drawn from it: a key is bound, described and
// hinted in this one place. Each pane adds the key that focuses it.
import type {Key} from 'ink';
import type {Panes} from '../panes/registry.js';
import {displayWidth} from '../text/width.js';

type FixedCommand =
	| 'next-pane'
	| 'previous-pane'
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
	| 'read'
	| 'next-passage'
	| 'previous-passage'
	| 'help'
	| 'zoom'
	| 'quit'
	| 'erase'
	| 'erase-word'
	| 'clear-line'
	| 'line-start'
	| 'line-end';

/** A command: a fixed one, or focusing the pane of that id. */
export type KeyCommand = FixedCommand | `pane:${string}`;

export type Binding = {
	command: KeyCommand;
	/** The keys, as the help shows them: the first is the footer's. */
	keys: string;
	help: string;
	matches: (input: string, key: Key) => boolean;
};

const char = (wanted: string) => (input: string, key: Key) => input === wanted && !key.ctrl && !key.meta;

const fixedBindings: ReadonlyArray<Binding & {command: FixedCommand}> = [
	{command: 'next-pane', keys: 'Tab', help: 'next pane', matches: (_, key) => key.tab && !key.shift},
	{command: 'previous-pane', keys: 'Shift-Tab', help: 'previous pane', matches: (_, key) => key.tab && key.shift},
	{command: 'left', keys: 'h ←', help: 'pane to the left', matches: (input, key) => key.leftArrow || char('h')(input, key)},
	{command: 'right', keys: 'l →', help: 'pane to the right', matches: (input, key) => key.rightArrow || char('l')(input, key)},
	{command: 'up', keys: 'k ↑', help: 'previous row', matches: (input, key) => key.upArrow || char('k')(input, key)},
	{command: 'down', keys: 'j ↓', help: 'next row', matches: (input, key) => key.downArrow || char('j')(input, key)},
	{command: 'page-up', keys: 'PgUp Ctrl-B', help: 'page up', matches: (input, key) => key.pageUp || (key.ctrl && input === 'b')},
	{command: 'page-down', keys: 'PgDn Ctrl-F', help: 'page down', matches: (input, key) => key.pageDown || (key.ctrl && input === 'f')},
	{command: 'first', keys: 'g Home', help: 'first row', matches: (input, key) => key.home || char('g')(input, key)},
	{command: 'last', keys: 'G End', help: 'last row', matches: (input, key) => key.end || char('G')(input, key)},
	{command: 'open', keys: 'Enter', help: 'sources of the row', matches: (_, key) => key.return},
	{command: 'back', keys: 'Esc', help: 'close, or clear the filter', matches: (_, key) => key.escape},
	{command: 'filter', keys: '/', help: 'filter rows', matches: char('/')},
	{command: 'sort', keys: 's', help: 'sort by next column', matches: char('s')},
	{command: 'reverse', keys: 'S', help: 'reverse the sort', matches: char('S')},
	{command: 'export', keys: 'e', help: 'export the pane as CSV', matches: char('e')},
	{command: 'copy', keys: 'y', help: 'copy row (quote in detail)', matches: char('y')},
	{command: 'read', keys: 'o', help: 'read the source at the quote', matches: char('o')},
	{command: 'next-passage', keys: 'n', help: 'next cited passage', matches: char('n')},
	{command: 'previous-passage', keys: 'N', help: 'previous cited passage', matches: char('N')},
	{command: 'zoom', keys: 'z', help: 'the pane alone on screen, and back', matches: char('z')},
	{command: 'help', keys: '?', help: 'this help', matches: char('?')},
	{command: 'quit', keys: 'q Ctrl-C', help: 'quit (close in detail/help)', matches: (input, key) => char('q')(input, key) || (key.ctrl && input === 'c')},
	{command: 'erase', keys: 'Backspace', help: 'delete a character', matches: (_, key) => key.backspace || key.delete},
	{command: 'erase-word', keys: 'Ctrl-W', help: 'delete a word', matches: (input, key) => key.ctrl && input === 'w'},
	{command: 'clear-line', keys: 'Ctrl-U', help: 'clear to the line’s start', matches: (input, key) => key.ctrl && input === 'u'},
	{command: 'line-start', keys: 'Ctrl-A', help: 'to the line’s start', matches: (input, key) => key.ctrl && input === 'a'},
	{command: 'line-end', keys: 'Ctrl-E', help: 'to the line’s end', matches: (input, key) => key.ctrl && input === 'e'},
];

/** Every binding: the panes' number keys after the pane keys, then the rest. */
export function keyBindings(panes: Panes): Binding[] {
	const paneKeys = panes.map((pane): Binding => ({command: `pane:${pane.id}`, keys: pane.key, help: pane.title, matches: char(pane.key)}));
	return [...fixedBindings.slice(0, 2), ...paneKeys, ...fixedBindings.slice(2)];
}

/** The pane a command focuses, if it is a pane's key. */
export const paneOfCommand = (command: KeyCommand | undefined): string | undefined => (command?.startsWith('pane:') ? command.slice(5) : undefined);

/** What the reducer receives for a key press. */
export type KeyPress = {command?: KeyCommand; text: string};

const isPrintable = (key: Key) => !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab && !key.backspace && !key.delete;

/**
 * A key press as a command (if bound) and as typed text: in the filter and
 * the file-name prompt, printable keys are text even when they are bound.
 */
export function readKey(bindings: readonly Binding[], input: string, key: Key): KeyPress {
	const binding = bindings.find((candidate) => candidate.matches(input, key));
	return {command: binding?.command, text: isPrintable(key) ? input : ''};
}

/** What a control character among keys that arrived together is, as Ink reports it alone. */
const controlCharacters: Readonly<Record<string, Partial<Key>>> = {
	'\r': {return: true},
	'\t': {tab: true},
	'\u007F': {delete: true},
};

/**
 * The key presses in what the terminal sent at once. Keys typed faster than
 * they are read (or pasted) arrive together, as "jjq": each character is a
 * press of its own, as it would have been one at a time.
 */
export function readKeys(bindings: readonly Binding[], input: string, key: Key): KeyPress[] {
	const characters = Array.from(input);
	if (characters.length <= 1 || !isPrintable(key)) return [readKey(bindings, input, key)];
	return characters.map((character) => readKey(bindings, character, {...key, ...controlCharacters[character]}));
}

/** The modes the footer hints for: browsing, or an overlay. */
export type Mode = 'none' | 'filter' | 'detail' | 'help' | 'export-name' | 'export-confirm' | 'reader';

/**
 * A hint: the commands whose keys it shows (their first keys, or their arrow
 * keys where letters are text, joined by "/") and what they do; or a text.
 * `keep`: where the footer is too narrow for every hint, those with the
 * lowest `keep` go first (1 unless given); help and quit always stay.
 */
type Hint = ({commands: ReadonlyArray<KeyCommand | 'panes'>; does: string; arrows?: true} | {text: string}) & {keep?: number};

const always = 9;

/** What the footer says in each mode, in order. */
const hints: Record<Mode, readonly Hint[]> = {
	none: [
		{commands: ['next-pane', 'panes'], does: 'pane', keep: 7},
		{commands: ['down', 'up'], does: 'move', keep: 6},
		{commands: ['open'], does: 'sources', keep: 5},
		{commands: ['filter'], does: 'filter', keep: 4},
		{commands: ['sort', 'reverse'], does: 'sort', keep: 3},
		{commands: ['export'], does: 'export', keep: 2},
		{commands: ['copy'], does: 'copy'},
		{commands: ['read'], does: 'read'},
		{commands: ['zoom'], does: 'zoom'},
		{commands: ['help'], does: 'help', keep: always},
		{commands: ['quit'], does: 'quit', keep: always},
	],
	filter: [
		{text: 'type to filter'},
		{commands: ['up', 'down'], does: 'move', arrows: true, keep: 2},
		{commands: ['open'], does: 'keep', keep: always},
		{commands: ['back'], does: 'clear', keep: always},
	],
	detail: [
		{commands: ['down', 'up'], does: 'scroll', keep: 3},
		{commands: ['first', 'last'], does: 'top/end', keep: 2},
		{commands: ['copy'], does: 'copy quote'},
		{commands: ['read'], does: 'read', keep: 2},
		{commands: ['back', 'quit'], does: 'close', keep: always},
	],
	reader: [
		{commands: ['next-passage', 'previous-passage'], does: 'passage', keep: 5},
		{commands: ['open'], does: 'facts', keep: 4},
		{commands: ['filter'], does: 'search', keep: 3},
		{commands: ['copy'], does: 'copy', keep: 2},
		{commands: ['down', 'up'], does: 'scroll'},
		{commands: ['back'], does: 'back', keep: always},
	],
	help: [
		{commands: ['down', 'up'], does: 'scroll', keep: 2},
		{commands: ['back', 'quit', 'help'], does: 'close', keep: always},
	],
	'export-name': [
		{text: '.csv or .json', keep: 3},
		{commands: ['left', 'right'], does: 'move', arrows: true, keep: 2},
		{commands: ['open'], does: 'export', keep: always},
		{commands: ['clear-line'], does: 'clear', keep: 2},
		{commands: ['back'], does: 'cancel', keep: always},
	],
	'export-confirm': [
		{text: 'y overwrite', keep: always},
		{text: 'n/Esc keep the file', keep: always},
	],
};

/** The keys of a command as the footer writes them. */
function footerKey(bindings: readonly Binding[], command: KeyCommand | 'panes', arrows: boolean): string {
	if (command === 'panes') {
		const keys = bindings.filter((binding) => paneOfCommand(binding.command) !== undefined).map((binding) => binding.keys);
		return keys.length > 1 ? `${keys[0]}-${keys.at(-1)}` : (keys[0] ?? '');
	}
	const keys = bindings.find((binding) => binding.command === command)?.keys.split(' ') ?? [];
	return (arrows ? keys.find((key) => /^[\u2190-\u2193]$/.test(key)) : undefined) ?? keys[0] ?? '';
}

/** The footer's line of hints for a mode, the least needed left out until it fits in `width` columns. */
export function footerHints(bindings: readonly Binding[], mode: Mode, width = Number.POSITIVE_INFINITY): string {
	const shown = hints[mode].map((hint) => ({
		keep: hint.keep ?? 1,
		text: 'text' in hint ? hint.text : `${hint.commands.map((command) => footerKey(bindings, command, hint.arrows === true)).join('/')} ${hint.does}`,
	}));
	const line = () => shown.map(({text}) => text).join(' · ');
	while (displayWidth(line()) > width) {
		const least = Math.min(...shown.map(({keep}) => keep));
		if (least >= always) break;
		shown.splice(shown.map(({keep}) => keep).lastIndexOf(least), 1);
	}
	return line();
}
