// What Ink 6 leaves to the program: the alternate screen and the mouse,
// restored on every way out and around a suspension, and the clipboard
// through OSC 52.
import {writeSync} from 'node:fs';
import {useInput, useStdin, useStdout} from 'ink';
import {useEffect, useRef} from 'react';
import type {Output} from '../cli/io.js';
import type {MouseEvent} from './state.js';

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';
const clearScreen = '\u001B[2J\u001B[H';
const showCursor = '\u001B[?25h';
const hideCursor = '\u001B[?25l';
// Button presses and releases, the wheel among them (1000), reported as SGR sequences (1006).
const mouseOn = '\u001B[?1000h\u001B[?1006h';
const mouseOff = '\u001B[?1006l\u001B[?1000l';

/** What the dashboard sets on the terminal while it runs (the alternate screen, the mouse if wanted), and what undoes it. */
export type TerminalModes = {mouse: boolean; enter: string; leave: string};

export const terminalModes = (mouse: boolean): TerminalModes => ({
	mouse,
	enter: enterAlternateScreen + (mouse ? mouseOn : ''),
	leave: (mouse ? mouseOff : '') + leaveAlternateScreen + showCursor,
});

/** An SGR mouse report as Ink passes it on (the escape removed): button code, column and row from 1, M for a press, m for a release. */
const sgrMouse = /^\[<(\d+);(\d+);(\d+)([Mm])$/;
// Bits of the button code: the modifier keys, motion, and the wheel.
const modifierBits = 4 | 8 | 16;
const motionBit = 32;
const wheelBit = 64;

/**
 * A mouse report as an event of the screen (0-based): a press of the left
 * button is a click, the wheel scrolls; 'other' for any other report (a
 * release, another button, motion), undefined for input that is no report.
 */
export function readMouse(input: string): MouseEvent | 'other' | undefined {
	const report = sgrMouse.exec(input);
	if (report === null) return undefined;
	const [, code, x, y, final] = report;
	const button = Number(code) & ~modifierBits;
	const at = {column: Number(x) - 1, row: Number(y) - 1};
	if (final !== 'M' || (button & motionBit) !== 0) return 'other';
	if (button === 0) return {kind: 'click', ...at};
	if (button === wheelBit) return {kind: 'wheel-up', ...at};
	if (button === wheelBit + 1) return {kind: 'wheel-down', ...at};
	return 'other';
}

/** Synchronous, so that it is on the terminal before kzrs exits or stops. */
const writeNow = (stdout: Output, text: string) => writeSync((stdout as {fd?: number}).fd ?? 1, text);

/** Enters the alternate screen (and the mouse mode); the returned function (also run at exit) leaves them, once. */
export function enterFullScreen(stdout: Output, modes: TerminalModes): () => void {
	stdout.write(modes.enter);
	let left = false;
	const leave = () => {
		if (left) return;
		left = true;
		process.off('exit', leave);
		writeNow(stdout, modes.leave);
	};
	process.on('exit', leave);
	return leave;
}

/**
 * Ctrl-Z, or SIGTSTP from outside: kzrs gives the terminal back as it found it
 * (the normal screen, the cursor, the line as the shell edits it) and stops,
 * as any program does. Continued (`fg`), it takes the terminal again and draws
 * the whole screen anew, at the terminal's size then.
 */
export function useSuspension(modes: TerminalModes): void {
	const {stdin, isRawModeSupported} = useStdin();
	const {stdout, write} = useStdout();
	const suspendNow = useRef<() => void>(undefined);

	useEffect(() => {
		/** The alternate screen, cleared of whatever was written while kzrs was stopped, and raw mode. */
		const takeTerminal = () => {
			try {
				writeNow(stdout, modes.enter + clearScreen + hideCursor);
				// Off first: Node keeps raw mode's settings and skips setting them again, though the shell may have reset them.
				stdin.setRawMode(false);
				stdin.setRawMode(true);
			} catch {
				// The terminal is gone (hung up): the SIGHUP that came with it ends kzrs.
				return;
			}
			// A stopped process is told of no resize: ask for the size as the terminal
			// would have told it (Node reads it on SIGWINCH), then draw.
			const {columns, rows} = stdout;
			process.once('SIGWINCH', () => {
				// Resized meanwhile, Ink and the dashboard have been told, and draw the frame anew at the new size.
				if (stdout.columns !== columns || stdout.rows !== rows) return;
				// Ink clears what it drew (on the cleared screen, nothing) and draws its last frame whole.
				write('');
			});
			process.kill(process.pid, 'SIGWINCH');
		};
		// Whether the suspension took the terminal again itself: the SIGCONT that continued kzrs has nothing left to do.
		let retaken = false;
		const suspend = () => {
			writeNow(stdout, modes.leave);
			stdin.setRawMode(false);
			// With no listener, SIGTSTP stops kzrs here until it is continued. Where
			// no shell could continue it (an orphaned process group), the system
			// discards it and kzrs carries on.
			process.off('SIGTSTP', suspend);
			process.kill(process.pid, 'SIGTSTP');
			process.on('SIGTSTP', suspend);
			takeTerminal();
			retaken = true;
		};
		// Stopped and continued from outside (SIGSTOP): the shell may have reset the terminal meanwhile.
		const continued = () => {
			if (!retaken) takeTerminal();
			retaken = false;
		};
		process.on('SIGTSTP', suspend);
		process.on('SIGCONT', continued);
		suspendNow.current = suspend;
		return () => {
			process.off('SIGTSTP', suspend);
			process.off('SIGCONT', continued);
		};
	}, [stdin, stdout, write, modes]);

	// Raw mode turns Ctrl-Z into a key: the terminal sends no SIGTSTP.
	useInput(
		(input, key) => {
			if (key.ctrl && input === 'z') suspendNow.current?.();
		},
		{isActive: Boolean(isRawModeSupported)},
	);
}

/**
 * The escape sequence that puts text on the terminal's clipboard (OSC 52). It
 * works over SSH; inside tmux it is wrapped so tmux passes it on.
 */
export function clipboardSequence(text: string, insideTmux: boolean): string {
	const osc = `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
	return insideTmux ? `\u001BPtmux;${osc.replaceAll('\u001B', '\u001B\u001B')}\u001B\\` : osc;
}
