// The shipped fact base's database, built ahead. The build runs `kzrs check` on
// the shipped data/ and seeds/ and saves the database it loaded beside the
// program, with a digest of every file loading read. A start that finds those
// files unchanged opens the saved database instead of reading, checking and
// inserting them again (about 18 ms of the first frame). Another fact base, a
// changed byte, or a missing or damaged image, and kzrs loads as usual; `kzrs
// check` always loads. There is no image beside the sources, only beside the
// bundle, so code run from source/ (the tests) always loads too.
import {createHash} from 'node:crypto';
import {readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {FactPaths} from './facts/load.js';
import {dataFiles} from './facts/shapes.js';
import {prebuiltFile} from './paths.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();
const digestLength = 32;
/** The digest of the files loaded, the digest of the image, the data files' total size (a float64), then the image. */
const headerLength = 2 * digestLength + 8;

const dataFileNames = Object.keys(dataFiles).map((name) => `${name}.json`);

/** The data files' total size: telling a large fact base apart without reading it. */
function dataSize({dataDir}: FactPaths): number | undefined {
	try {
		return dataFileNames.reduce((total, name) => total + statSync(join(dataDir, name)).size, 0);
	} catch {
		return undefined;
	}
}

/** A digest of every file loading reads: the data files, then the seeds sources.json names. */
function inputDigest({dataDir, seedsDir}: FactPaths): Buffer | undefined {
	const hash = createHash('sha256');
	const add = (name: string, bytes: Buffer) => hash.update(`${name}\0${bytes.length}\0`).update(bytes);
	try {
		for (const name of dataFileNames) add(`data/${name}`, readFileSync(join(dataDir, name)));
		const sources = JSON.parse(readFileSync(join(dataDir, 'sources.json'), 'utf8')) as Array<{file: string}>;
		for (const {file} of sources) add(`seeds/${file}`, readFileSync(join(seedsDir, file)));
	} catch {
		// Unreadable, or not what the build read: loading says what is wrong.
		return undefined;
	}
	return hash.digest();
}

/** The saved database of this fact base, if the build made one from the same files. */
export function readPrebuilt(paths: FactPaths, file = prebuiltFile): Uint8Array | undefined {
	let saved: Buffer;
	try {
		saved = readFileSync(file);
	} catch {
		return undefined;
	}
	if (saved.length <= headerLength || saved.readDoubleBE(2 * digestLength) !== dataSize(paths)) return undefined;
	const image = saved.subarray(headerLength);
	const sameFiles = inputDigest(paths)?.equals(saved.subarray(0, digestLength)) === true;
	return sameFiles && sha256(image).equals(saved.subarray(digestLength, 2 * digestLength)) ? image : undefined;
}

/** Saves the database loaded from `paths`, atomically: a start never reads half an image. */
export function savePrebuilt(paths: FactPaths, image: Uint8Array, file = prebuiltFile): void {
	const inputs = inputDigest(paths);
	const size = dataSize(paths);
	if (inputs === undefined || size === undefined) throw new Error(`cannot read the fact base in ${paths.dataDir} to save its database`);
	const header = Buffer.alloc(headerLength);
	inputs.copy(header, 0);
	sha256(image).copy(header, digestLength);
	header.writeDoubleBE(size, 2 * digestLength);
	const partial = `${file}.${process.pid}.partial`;
	try {
		writeFileSync(partial, Buffer.concat([header, image]));
		renameSync(partial, file);
	} finally {
		rmSync(partial, {force: true});
	}
}
