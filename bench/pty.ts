// The TypeScript side of bench/pty_driver.py: the plan it reads and the raw
// timings it reports, and running it.
import {spawn} from 'node:child_process';

export type Step = {key: string; label: string; expect?: string; settle?: boolean};

export type SessionPlan = {
	name: string;
	argv: string[];
	cwd?: string;
	env?: Record<string, string>;
	/** Texts that must all be on screen for the first frame to count. */
	frame: string[];
	frame_timeout?: number;
	steps?: Step[];
	/** Keys that should end the program (it is killed afterwards either way). */
	quit?: string[];
	/** A regular expression for the screen once everything is loaded: timed from the start, as the frame is. */
	loaded?: string;
	/** Read the program's peak resident memory this long after it loaded (or after its first frame). */
	peak_rss_after_ms?: number;
};

export type Plan = {cols: number; rows: number; term: string; quiet_ms?: number; gap_ms?: number; key_timeout?: number; sessions: SessionPlan[]};

export type KeyTiming = {
	label: string;
	key: string;
	first_byte_ms?: number | null;
	expect_ms?: number | null;
	burst_ms?: number | null;
	bytes?: number;
	/** Whether the output after the key showed what the step expected; null when it expected nothing. */
	verified?: boolean | null;
	error?: string;
};

export type SessionResult = {
	name: string;
	ok: boolean;
	frame_ms: number | null;
	first_byte_ms: number | null;
	keys: KeyTiming[];
	quit_ok: boolean | null;
	loaded_ms: number | null;
	peak_rss_mb: number | null;
	error?: string;
	tail?: string;
};

/** Runs the driver on a plan; its progress lines pass through to standard error. */
export function runPty(driver: string, plan: Plan): Promise<SessionResult[]> {
	return new Promise((resolve, reject) => {
		const child = spawn('python3', [driver], {stdio: ['pipe', 'pipe', 'inherit']});
		const chunks: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
		child.on('error', (error) => reject(new Error(`cannot run python3 ${driver}: ${error.message}`)));
		child.on('close', (status, signal) => {
			if (status !== 0) {
				reject(new Error(`the PTY driver ${signal ? `was killed by ${signal}` : `exited with ${status}`}`));
				return;
			}
			try {
				resolve((JSON.parse(Buffer.concat(chunks).toString('utf8')) as {sessions: SessionResult[]}).sessions);
			} catch (error) {
				reject(new Error(`the PTY driver printed no JSON report: ${(error as Error).message}`));
			}
		});
		child.stdin.end(JSON.stringify(plan));
	});
}
