// What Ink 6 leaves to the program: the alternate screen, restored on every
// way out and around a suspension, and the clipboard through OSC 52.
import {writeSync} from 'node:fs';
import {useInput, useStdin, useStdout} from 'ink';
import {useEffect, useRef} from 'react';
import type {Output} from '../cli/io.js';

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';
const clearScreen = '\u001B[2J\u001B[H';
const showCursor = '\u001B[?25h';
const hideCursor = '\u001B[?25l';

/** Synchronous, so that it is on the terminal before kzrs exits or stops. */
const writeNow = (stdout: Output, text: string) => writeSync((stdout as {fd?: number}).fd ?? 1, text);

/** Enters the alternate screen; the returned function (also run at exit) leaves it, once. */
export function enterFullScreen(stdout: Output): () => void {
	stdout.write(enterAlternateScreen);
	let left = false;
	const leave = () => {
		if (left) return;
		left = true;
		process.off('exit', leave);
		writeNow(stdout, leaveAlternateScreen + showCursor);
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
export function useSuspension(): void {
	const {stdin, isRawModeSupported} = useStdin();
	const {stdout, write} = useStdout();
	const suspendNow = useRef<() => void>(undefined);

	useEffect(() => {
		/** The alternate screen, cleared of whatever was written while kzrs was stopped, and raw mode. */
		const takeTerminal = () => {
			try {
				writeNow(stdout, enterAlternateScreen + clearScreen + hideCursor);
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
			writeNow(stdout, leaveAlternateScreen + showCursor);
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
	}, [stdin, stdout, write]);

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
