// One width function for kzrs and for Ink: every import of string-width (by
// Ink, widest-line, cli-truncate, wrap-ansi, and kzrs) resolves to
// source/text/width.ts, which gives string-width's answer and itself asks
// string-width for text it cannot count directly. The build (build.mjs) and
// the tests (vitest.config.ts) resolve it alike, so the tests run the width
// the program ships with.
import {fileURLToPath} from 'node:url';

export const widthModule = fileURLToPath(new URL('../source/text/width.ts', import.meta.url));

/** Where an import resolves instead, or undefined for where it resolves anyway. */
export const sharedWidth = (specifier, importer) => (specifier === 'string-width' && importer !== widthModule ? widthModule : undefined);
