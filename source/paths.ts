import {fileURLToPath} from 'node:url';

// The shipped fact base, beside source/ (or dist/, once bundled).
export const shippedDataDir = fileURLToPath(new URL('../data/', import.meta.url));
export const shippedSeedsDir = fileURLToPath(new URL('../seeds/', import.meta.url));
/** The shipped fact base's database, saved by the build beside the bundle (see load/image.ts). */
export const prebuiltFile = fileURLToPath(new URL('./facts.prebuilt', import.meta.url));
/** The loader's worker thread, bundled beside the command line (built from source/load/worker.ts). */
export const loaderFile = fileURLToPath(new URL('../dist/load-worker.js', import.meta.url));
