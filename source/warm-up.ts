// Imported first by cli.tsx: sql.js's WebAssembly compiles on other threads
// while the rest of the program (Ink, React) is still being evaluated.
import {setFlagsFromString} from 'node:v8';
import {initialiseSqlJs} from './db/database.js';
import {prestartLoader} from './open-database.js';

// V8's baseline WebAssembly compiler only. Its optimising tier re-compiles hot
// SQLite functions on background threads: on two cores that delays the first
// frame (by about 60 ms here), slows loading a large fact base by a quarter,
// and holds up exit, while speeding up a full scan of 100,000 rows by only a
// few milliseconds. Set before the first module is compiled, as V8 requires.
setFlagsFromString('--liftoff-only');

// A failure here surfaces, with its message, where the database is opened.
initialiseSqlJs().catch(() => {});

// A fact base named on the command line may be large enough for the loader
// thread: it starts now, while the rest of kzrs loads and parses arguments.
if (process.argv.some((argument) => argument === '--data' || argument.startsWith('--data='))) prestartLoader();
