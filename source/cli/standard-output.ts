// Whether what a command wrote to standard output went out. A reader that went
// away (`kzrs export trade | head -1`, EPIPE) is no failure: kzrs stops
// writing and ends as it would have. Any other failure (a full disk) is one
// line and exit code 2, whichever way the command wrote: through a stream or
// one write.
import {writeFailure} from '../export/write-file.js';
import type {Output} from './io.js';

export type OutputFailure = NodeJS.ErrnoException;

export const readerWentAway = (failure: OutputFailure) => failure.code === 'EPIPE';

export const failureMessage = (failure: OutputFailure) => `cannot write to standard output: ${writeFailure(failure)}`;

/**
 * Listens for standard output's failure while a command runs: a stream says a
 * write failed with an 'error' event, which would otherwise end the process
 * with a stack trace. `finish` stops listening and gives the first failure.
 */
export function watchOutput(stdout: Output): {finish(): Promise<OutputFailure | undefined>} {
	let failure: OutputFailure | undefined;
	const onError = (error: OutputFailure) => {
		failure ??= error;
	};
	stdout.on('error', onError);
	return {
		async finish() {
			// A write still queued ends, one way or the other, before its callback runs.
			if ((stdout.writableLength ?? 0) > 0) await new Promise<void>((resolve) => stdout.write('', () => resolve()));
			// A failed write is reported on a later tick than the write.
			await new Promise<void>((resolve) => setImmediate(resolve));
			stdout.off('error', onError);
			return failure;
		},
	};
}
