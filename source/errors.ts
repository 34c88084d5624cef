/**
 * A mistake in what the user gave kzrs (arguments, data files, paths): it is
 * reported as one line and exit code 2, never as a stack trace.
 */
export class UserError extends Error {
	override name = 'UserError';
}

/** Text cut to a length a one-line message can quote, between characters. */
export function shortened(value: string, length = 60): string {
	if (value.length <= length) return value;
	const cut = value.slice(0, length - 1);
	return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/** Where a problem is inside a data file: the record and, if known, the field. */
export type Location = {index: number; id?: unknown; path?: string};

export function dataError(file: string, message: string, where?: Location): UserError {
	let place = '';
	if (where) {
		place = ` record ${where.index + 1}`;
		if (typeof where.id === 'string') place += ` (id "${shortened(where.id)}")`;
		if (where.path) place += `, field ${where.path.replace(/^\./, '')}`;
		place += ':';
	}
	return new UserError(`${file}:${place} ${message}`);
}
