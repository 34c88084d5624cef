// Reading the files of the fact base, turning every way a file can be broken
// into one clear sentence that names it.
import {readFileSync} from 'node:fs';
import {relative} from 'node:path';
import {dataError, UserError} from '../errors.js';

/** The path as the user would type it: relative when under the working directory. */
export function displayPath(file: string): string {
	const near = relative(process.cwd(), file);
	return near === '' || near.startsWith('..') ? file : near;
}

function readBytes(file: string): Buffer {
	try {
		return readFileSync(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why =
			code === 'ENOENT'
				? 'file is missing'
				: code === 'EISDIR'
					? 'is a directory, not a file'
					: code === 'EACCES'
						? 'cannot be read: permission denied'
						: `cannot be read (${code ?? String(error)})`;
		throw new UserError(`${displayPath(file)}: ${why}`);
	}
}

const strictUtf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false});

/** The file's text; it must be non-empty UTF-8. */
export function readText(file: string): string {
	const bytes = readBytes(file);
	if (bytes.length === 0) throw new UserError(`${displayPath(file)}: file is empty`);
	try {
		return strictUtf8.decode(bytes);
	} catch {
		// Find the first byte that does not decode, so the user can look at it.
		const lenient = bytes.toString('utf8');
		const at = Buffer.byteLength(lenient.slice(0, lenient.indexOf('\uFFFD')));
		throw new UserError(`${displayPath(file)}: is not UTF-8 text (first bad byte at offset ${at})`);
	}
}

function lineAndColumn(textValue: string, position: number): string {
	const before = textValue.slice(0, position);
	const line = before.split('\n').length;
	const column = position - before.lastIndexOf('\n');
	return `line ${line}, column ${column}`;
}

/** A data file: a JSON list of records. */
export function readRecords(file: string): unknown[] {
	const content = readText(file);
	if (content.trim() === '') throw new UserError(`${displayPath(file)}: file is empty`);
	let parsed: unknown;
	try {
		parsed = JSON.parse(content);
	} catch (error) {
		const message = (error as Error).message;
		const position = /at position (\d+)/.exec(message);
		const detail = message.startsWith('Unexpected end of JSON input')
			? 'the JSON ends too early (is the file truncated?)'
			: position
				? `${message.replace(/ in JSON at position \d+.*$/, '')} (${lineAndColumn(content, Number(position[1]))})`
				: message;
		throw new UserError(`${displayPath(file)}: is not valid JSON: ${detail}`);
	}
	if (!Array.isArray(parsed)) {
		throw dataError(displayPath(file), 'expected a JSON list of records at the top level');
	}
	return parsed;
}
