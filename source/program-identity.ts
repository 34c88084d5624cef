// Which build of kzrs runs, on which Node: the `kzrs` command (source/bin.ts)
// publishes the digest of the bundle it runs and of the Node running it
// (code-cache.ts), so that what the build saved for that very program (see
// load/image.ts) serves it alone. The command and the program are separate
// bundles; the global symbol registry is what they share.
const slot = Symbol.for('kzrs.program-digest');
const registry = globalThis as {[slot]?: Buffer};

export function publishProgramDigest(digest: Buffer): void {
	registry[slot] = digest;
}

/** Undefined when the program runs other than through the kzrs command (its sources, in the tests). */
export function programDigest(): Buffer | undefined {
	return registry[slot];
}
