// What Ink 6 leaves to the program: the alternate screen, restored on every
// way out, and the clipboard through OSC 52.
import {writeSync} from 'node:fs';
import type {Output} from '../cli/io.js';

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';
const showCursor = '\u001B[?25h';

/** Enters the alternate screen; the returned function (also run at exit) leaves it, once. */
export function enterFullScreen(stdout: Output): () => void {
	stdout.write(enterAlternateScreen);
	let left = false;
	const leave = () => {
		if (left) return;
		left = true;
		process.off('exit', leave);
		// Synchronous, so it still happens inside an 'exit' handler.
		writeSync((stdout as {fd?: number}).fd ?? 1, leaveAlternateScreen + showCursor);
	};
	process.on('exit', leave);
	return leave;
}

/**
 * The escape sequence that puts text on the terminal's clipboard (OSC 52). It
 * works over SSH; inside tmux it is wrapped so tmux passes it on.
 */
export function clipboardSequence(text: string, insideTmux: boolean): string {
	const osc = `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
	return insideTmux ? `\u001BPtmux;${osc.replaceAll('\u001B', '\u001B\u001B')}\u001B\\` : osc;
}
