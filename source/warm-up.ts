// Imported first by the program: sql.js's WebAssembly compiles on other
// threads while the rest of the program (Ink, React) is still being evaluated.
import {initialiseSqlJs} from './db/sqlite.js';

// A failure here surfaces, with its message, where the database is opened.
initialiseSqlJs().catch(() => {});
