// Imported first by cli.tsx: sql.js's WebAssembly compiles on other threads
// while the rest of the program (Ink, React) is still being evaluated.
import {initialiseSqlJs} from './db/database.js';
import {prestartLoader} from './open-database.js';

// A failure here surfaces, with its message, where the database is opened.
initialiseSqlJs().catch(() => {});

// A fact base named on the command line may be large enough for the loader
// thread: it starts now, while the rest of kzrs loads and parses arguments.
if (process.argv.some((argument) => argument === '--data' || argument.startsWith('--data='))) prestartLoader();
