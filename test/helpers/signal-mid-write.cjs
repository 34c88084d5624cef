// Loaded with `node --require` before kzrs: once kzrs has written its first
// bytes into a temporary file (a dot file ending in .tmp), the process sends
// itself the signal named by KZRS_TEST_SIGNAL, and that write reports back
// only after the signal's listeners have run, so the signal always finds the
// write unfinished. The signal and the files are real; this only chooses the
// moment, as a person at the keyboard cannot do reliably.
const fs = require('node:fs');
const {basename} = require('node:path');

const signal = process.env.KZRS_TEST_SIGNAL;
const temporaryFds = new Set();
/** The interrupted write's report, and what keeps the process alive until it is given. */
let held;

fs.open = ((open) =>
	function (path, flags, mode, callback) {
		const done = typeof mode === 'function' ? mode : callback;
		const watched = (error, fd) => {
			if (!error && /^\..*\.tmp$/.test(basename(String(path)))) temporaryFds.add(fd);
			done(error, fd);
		};
		return typeof mode === 'function' ? open.call(this, path, flags, watched) : open.call(this, path, flags, mode, watched);
	})(fs.open);

/** A write function whose first write to a temporary file signals, and reports back once the signal is handled. */
const interrupting = (write) =>
	function (fd, ...rest) {
		const callback = rest.pop();
		if (!temporaryFds.has(fd) || held) return write.call(this, fd, ...rest, callback);
		return write.call(this, fd, ...rest, (...results) => {
			held = {report: () => callback(...results), keepAlive: setInterval(() => {}, 60_000)};
			process.kill(process.pid, signal);
		});
	};
fs.write = interrupting(fs.write);
fs.writev = interrupting(fs.writev);

// Node hands a signal to its listeners through process.emit.
process.emit = ((emit) =>
	function (event, ...rest) {
		const result = emit.call(this, event, ...rest);
		if (event === signal && held) {
			clearInterval(held.keepAlive);
			held.report();
		}
		return result;
	})(process.emit);
