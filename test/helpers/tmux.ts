// A real terminal for end-to-end tests: each session runs on its own tmux
// server (a unique socket), is driven one key per `send-keys` call and read
// with `capture-pane`. Tests wait for what they expect by polling the screen,
// never by sleeping a fixed time.
import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {requireTool} from './tools.js';

export type Size = {width: number; height: number};

export type TmuxOptions = Size & {
	/** Shell command the pane runs (by tmux's default shell, `sh -c`). */
	command: string;
	/** Environment of the tmux server, and so of the pane; defaults to `terminalEnvironment()`. */
	env?: NodeJS.ProcessEnv;
};

export type WaitOptions = {timeoutMs?: number; what?: string};

/** How long `waitFor` polls by default: generous, for a slow two-core machine. */
export const defaultWaitMs = 10_000;
const pollMs = 50;

/** Single-quotes a word for a POSIX shell. */
export function shellQuote(word: string): string {
	return `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The environment of a person's terminal, whatever ran the tests: not inside
 * another tmux, no CI marker (chalk turns colour off on a terminal when CI is
 * set), no colour overrides, xterm-256color and a UTF-8 locale.
 */
export function terminalEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env};
	for (const name of ['TMUX', 'TMUX_PANE', 'CI', 'NO_COLOR', 'FORCE_COLOR']) delete env[name];
	env.TERM = 'xterm-256color';
	if (!env.LC_ALL && !env.LC_CTYPE && !env.LANG) env.LANG = 'C.UTF-8';
	return {...env, ...extra};
}

const running = new Set<TmuxSession>();
let counter = 0;

export class TmuxSession {
	readonly socket: string;
	readonly env: NodeJS.ProcessEnv;
	/** Where this server's socket lives (TMUX_TMPDIR), removed with the server. */
	private readonly socketDir: string;

	private constructor(socket: string, env: NodeJS.ProcessEnv) {
		this.socket = socket;
		this.socketDir = mkdtempSync(join(tmpdir(), 'kzrs-tmux-'));
		this.env = {...env, TMUX_TMPDIR: this.socketDir};
	}

	/** Starts a new tmux server with one detached session of the given size running `command`. */
	static start({width, height, command, env = terminalEnvironment()}: TmuxOptions): TmuxSession {
		requireTool('tmux', 'the tests in a real terminal');
		counter += 1;
		const socket = `kzrs-e2e-${process.pid}-${counter}-${randomBytes(4).toString('hex')}`;
		const session = new TmuxSession(socket, env);
		running.add(session);
		// The pane's TERM is tmux's default-terminal: set it before the pane starts.
		session.tmux(
			['-f', '/dev/null', 'start-server', ';', 'set-option', '-g', 'default-terminal', 'xterm-256color', ';'],
			['new-session', '-d', '-x', String(width), '-y', String(height), command],
		);
		return session;
	}

	/** Runs one tmux command (or several, joined by `;`) on this session's server; gives its output. */
	tmux(...commands: string[][]): string {
		return execFileSync('tmux', ['-L', this.socket, ...commands.flat()], {
			env: this.env,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
			timeout: defaultWaitMs,
		});
	}

	/** The visible screen as text, one line per terminal row; `escapes` keeps colours and attributes. */
	screen({escapes = false, joinWrapped = false} = {}): string {
		return this.tmux(['capture-pane', '-p', ...(escapes ? ['-e'] : []), ...(joinWrapped ? ['-J'] : [])]);
	}

	lines(): string[] {
		return this.screen().replace(/\n$/, '').split('\n');
	}

	/** A tmux format about the pane, such as `#{alternate_on}` or `#{cursor_flag}`. */
	format(format: string): string {
		return this.tmux(['display-message', '-p', format]).trim();
	}

	/** Presses one key, by tmux's name for it: `j`, `Enter`, `Escape`, `Tab`, `C-u`. */
	press(key: string): void {
		this.tmux(['send-keys', key]);
	}

	/** Types text, one character per `send-keys` call, so each arrives as its own key press. */
	type(text: string): void {
		for (const character of text) this.tmux(['send-keys', '-l', character]);
	}

	resize({width, height}: Size): void {
		this.tmux(['resize-window', '-x', String(width), '-y', String(height)]);
	}

	/**
	 * Polls the screen every 50 ms until `predicate` holds for it, and gives
	 * that screen; fails with the last screen seen when the time runs out.
	 */
	async waitFor(predicate: (screen: string) => boolean, {timeoutMs = defaultWaitMs, what = predicate.toString()}: WaitOptions = {}): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		let last = '';
		for (;;) {
			try {
				last = this.screen();
				if (predicate(last)) return last;
			} catch (error) {
				last = `(capture-pane failed: ${String(error)})\n${last}`;
			}
			if (Date.now() >= deadline) break;
			await new Promise((resolve) => setTimeout(resolve, pollMs));
		}
		throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last screen:\n${last}`);
	}

	/** Waits until the screen shows `text`. */
	waitForText(text: string, options: WaitOptions = {}): Promise<string> {
		return this.waitFor((screen) => screen.includes(text), {what: JSON.stringify(text), ...options});
	}

	/** Stops the server and every process in it; safe to call twice. */
	kill(): void {
		if (!running.delete(this)) return;
		try {
			this.tmux(['kill-server']);
		} catch {
			// Already gone.
		}
		// tmux leaves its socket file behind.
		rmSync(this.socketDir, {recursive: true, force: true});
	}
}

/** Kills every server this process started and has not killed yet; call from afterEach. */
export function killTmuxSessions(): void {
	for (const session of [...running]) session.kill();
}
