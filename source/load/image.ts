// The shipped fact base's database, built ahead. The build runs `kzrs check` on
// the shipped data/ and seeds/ and saves the database it loaded beside the
// program, with a digest of every file loading reads and of the program and
// Node that loaded them. A start of that same program that finds those files
// unchanged opens the saved database instead of reading, checking and
// inserting them again. Another fact base, a changed byte, another build or Node, or a missing or damaged image, and kzrs
// loads as usual; `kzrs check` always loads. Run from its sources (the tests),
// kzrs has no program digest, and loads too.

import {createHash} from 'node:crypto';
import {closeSync, openSync, readFileSync, readSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {UserError} from '../errors.js';
import type {FactPaths} from '../facts/check.js';
import {fileName} from '../facts/fields.js';
import {readBytes, readText, sizeLimits} from '../facts/read-file.js';
import {dataFileNames as recordFileNames} from '../facts/records.js';
import {prebuiltFile} from '../paths.js';
import {programDigest} from '../program-identity.js';
import {replaceFile} from '../replace-file.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();
const digestLength = 32;
/** The digest of the files loaded and the program, the digest of the image, the data files' total size (a float64), then the image. */
const headerLength = 2 * digestLength + 8;

const dataFileNames = recordFileNames.map((name) => `${name}.json`);

export type PrebuiltOptions = {file?: string; program?: Buffer | undefined};

/** The data files' total size: it tells most other fact bases apart without reading them. */
function dataSize({dataDir}: FactPaths): number | undefined {
	try {
		return dataFileNames.reduce((total, name) => total + statSync(join(dataDir, name)).size, 0);
	} catch {
		return undefined;
	}
}

/** A digest of the program and of every file loading reads: the data files, then the seeds sources.json names. */
function inputDigest({dataDir, seedsDir}: FactPaths, program: Buffer): Buffer | undefined {
	const hash = createHash('sha256').update(program);
	const add = (name: string, bytes: Buffer) => hash.update(`${name}\0${bytes.length}\0`).update(bytes);
	// Read as loading reads them: regular files in their folders, within their limits.
	const dataFile = (name: string) => ({path: join(dataDir, name), shown: name, folder: dataDir, limit: sizeLimits.dataFile});
	try {
		for (const name of dataFileNames) add(`data/${name}`, readBytes(dataFile(name)));
		const sources = JSON.parse(readText(dataFile('sources.json'))) as Array<{file: unknown}>;
		let seedBytes = 0;
		for (const {file} of sources) {
			if (fileName(file) !== undefined) return undefined;
			const seed = readBytes({path: join(seedsDir, file as string), shown: file as string, folder: seedsDir, limit: sizeLimits.seed});
			seedBytes += seed.length;
			if (seedBytes > sizeLimits.seeds) return undefined;
			add(`seeds/${file}`, seed);
		}
	} catch {
		// Unreadable, or not what the build read: loading says what is wrong.
		return undefined;
	}
	return hash.digest();
}

function readHeader(file: string): Buffer | undefined {
	let descriptor: number;
	try {
		descriptor = openSync(file, 'r');
	} catch {
		return undefined;
	}
	try {
		const header = Buffer.alloc(headerLength);
		return readSync(descriptor, header, 0, headerLength, 0) === headerLength ? header : undefined;
	} finally {
		closeSync(descriptor);
	}
}

/** The saved database of this fact base, if this program's build made one from the same files. */
export function readImage(paths: FactPaths, {file = prebuiltFile, program = programDigest()}: PrebuiltOptions = {}): Uint8Array | undefined {
	if (program === undefined) return undefined;
	// The header first: the files of a fact base of another size are not read at all.
	const header = readHeader(file);
	if (header === undefined || header.readDoubleBE(2 * digestLength) !== dataSize(paths)) return undefined;
	if (inputDigest(paths, program)?.equals(header.subarray(0, digestLength)) !== true) return undefined;
	let image: Buffer;
	try {
		image = readFileSync(file).subarray(headerLength);
	} catch {
		return undefined;
	}
	return image.length > 0 && sha256(image).equals(header.subarray(digestLength, 2 * digestLength)) ? image : undefined;
}

/**
 * Notes the fact base's files before they are loaded, and gives the function
 * that saves the database loaded from them: it saves only if no file changed
 * meanwhile, so the digest is of the very bytes that were checked.
 */
export function imageSaver(paths: FactPaths, {file = prebuiltFile, program = programDigest()}: PrebuiltOptions = {}): (image: Uint8Array) => void {
	if (program === undefined) throw new Error('only the kzrs command saves a database for itself');
	const before = inputDigest(paths, program);
	return (image) => {
		const after = inputDigest(paths, program);
		const size = dataSize(paths);
		if (before === undefined || after === undefined || !before.equals(after) || size === undefined) {
			throw new UserError(`the fact base in ${paths.dataDir} changed while it was checked; its database is not saved`);
		}
		const header = Buffer.alloc(headerLength);
		after.copy(header, 0);
		sha256(image).copy(header, digestLength);
		header.writeDoubleBE(size, 2 * digestLength);
		try {
			replaceFile(file, Buffer.concat([header, image]));
		} catch (error) {
			throw new UserError(`cannot save the database to ${file}: ${(error as Error).message}`);
		}
	};
}
