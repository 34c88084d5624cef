// A fault in kzrs itself: anything that goes wrong but a mistake kzrs can name
// (a UserError). The user gets one line saying so and how to report it; the
// stack only when they ask for it, to report it.
import {escaped} from '../text/printable.js';

/** The report of a fault, for stderr: one line, and the stack after it when KZRS_DEBUG=1. */
export function faultReport(error: unknown, env: NodeJS.ProcessEnv): string {
	const line = `kzrs: internal error: ${escaped(String(error))} (a fault in kzrs: run it again with KZRS_DEBUG=1 and report what it prints)\n`;
	const stack = error instanceof Error ? error.stack : undefined;
	if (env.KZRS_DEBUG !== '1' || stack === undefined) return line;
	return `${line}${stack.split('\n').map(escaped).join('\n')}\n`;
}
