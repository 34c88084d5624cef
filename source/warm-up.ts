// Imported first by cli.tsx: sql.js's WebAssembly compiles on other threads
// while the rest of the program (Ink, React) is still being evaluated.
import {initialiseSqlJs} from './db/database.js';
import {namesFactBase, prestartLoader} from './loader-thread.js';
import {loaderFile} from './paths.js';

// A failure here surfaces, with its message, where the database is opened.
initialiseSqlJs().catch(() => {});

// A fact base named on the command line may be large enough for the loader
// thread: it starts now, while the rest of kzrs loads and parses arguments,
// unless the kzrs command started it already (see loader-thread.ts).
if (namesFactBase(process.argv)) prestartLoader(loaderFile);
