import {fileURLToPath} from 'node:url';

// The shipped fact base, beside source/ (or dist/, once bundled).
export const shippedDataDir = fileURLToPath(new URL('../data/', import.meta.url));
export const shippedSeedsDir = fileURLToPath(new URL('../seeds/', import.meta.url));
