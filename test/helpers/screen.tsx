// The dashboard rendered by ink-testing-library (whose stdout is 100 columns),
// driven by raw key sequences as a terminal sends them, and read as plain text.
import {cleanup, render} from 'ink-testing-library';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import {expect} from 'vitest';
import type {Panes} from '../../source/panes/registry.js';
import {App} from '../../source/ui/app.js';
import type {Size} from '../../source/ui/layout.js';
import {themeFor} from '../../source/ui/theme.js';
import type {FactViews} from '../../source/views/fact-views.js';
import {fixedToday, shippedViews, panes as shownPanes} from './dashboard.js';

/** ink-testing-library's stdout is always this wide. */
export const inkColumns = 100;

/** What a terminal sends for the keys that are not text. */
export const sequences = {
	up: '\u001B[A',
	down: '\u001B[B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	enter: '\r',
	escape: '\u001B',
	backspace: '\u007F',
	ctrlU: '\u0015',
} as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const controlCharacter = /[\u0000-\u001F\u007F]/;

/** Every way a frame can spill out of the terminal or smuggle a control character; empty when there is none. */
export function frameProblems(frame: string, width: number = inkColumns): string[] {
	const problems: string[] = [];
	stripAnsi(frame)
		.split('\n')
		.forEach((line, index) => {
			const columns = stringWidth(line);
			if (columns > width) problems.push(`line ${index + 1} is ${columns} columns wide: ${line}`);
			if (controlCharacter.test(line)) problems.push(`line ${index + 1} holds a control character: ${JSON.stringify(line)}`);
		});
	return problems;
}

// OSC 52, as source/ui/terminal.ts writes it straight to stdout (tmux-wrapped or not).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the sequence is made of them
const clipboardWrite = /^(?:\u001BPtmux;)?\u001B\u001B?\]52;c;([A-Za-z0-9+/=]*)\u0007(?:\u001B\\)?$/;

/** What the app put on the clipboard, in order. */
export const clipboardTexts = (writes: readonly string[]): string[] =>
	writes.flatMap((write) => {
		const base64 = clipboardWrite.exec(write)?.[1];
		return base64 === undefined ? [] : [Buffer.from(base64, 'base64').toString('utf8')];
	});

export type Dashboard = {
	/** The last frame, colour stripped. */
	frame(): string;
	/** Sends one key (or one character of text) per write. */
	press(...keys: string[]): void;
	/** Types text, one character per write. */
	type(text: string): void;
	/** Waits until the frame shows every text. */
	shows(...texts: string[]): Promise<void>;
	/** Every frame written so far, raw. */
	frames(): readonly string[];
	/** What the app has put on the clipboard so far. */
	clipboard(): string[];
	/** The exit status the app set, if any. */
	exitCode(): number | undefined;
	unmount(): void;
};

export type DashboardOptions = {views?: FactViews; panes?: Panes; env?: NodeJS.ProcessEnv; cwd?: string};

/** The dashboard over the shipped fact base on the fixed day, as `kzrs` starts it at `size`. */
export async function renderDashboard(size: Size, {views, panes = shownPanes, env = {}, cwd = process.cwd()}: DashboardOptions = {}): Promise<Dashboard> {
	const data = views ?? (await shippedViews());
	let status: number | undefined;
	const instance = render(
		<App
			views={data}
			panes={panes}
			initialSize={size}
			today={fixedToday}
			theme={themeFor(env)}
			env={env}
			cwd={cwd}
			setExitCode={(code) => {
				status = code;
			}}
		/>,
	);
	rendered.push({frames: instance.frames, width: size.columns});
	const frame = () => stripAnsi(instance.lastFrame() ?? '');
	const press = (...keys: string[]) => {
		for (const key of keys) instance.stdin.write(key);
	};
	return {
		frame,
		press,
		type: (text) => press(...text),
		async shows(...texts) {
			for (const text of texts) await expect.poll(frame, {interval: 5, timeout: 5000}).toContain(text);
		},
		frames: () => instance.frames,
		clipboard: () => clipboardTexts(instance.frames),
		exitCode: () => status,
		unmount: instance.unmount,
	};
}

/** Every dashboard's frames, with the width of the terminal it was drawn for. */
const rendered: Array<{frames: string[]; width: number}> = [];

/**
 * Unmounts every dashboard rendered so far and gives the problems of every
 * frame they wrote; for afterEach. A clipboard write is no frame: it is the
 * one escape sequence the app writes on purpose.
 */
export function finishDashboards(): string[] {
	cleanup();
	const problems = rendered.flatMap(({frames, width}) => frames.filter((frame) => !clipboardWrite.test(frame)).flatMap((frame) => frameProblems(frame, width)));
	rendered.length = 0;
	return problems;
}

/** The lines of the frame that contain `text`. */
export const linesWith = (frame: string, text: string): string[] => frame.split('\n').filter((line) => line.includes(text));
