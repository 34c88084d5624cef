#!/usr/bin/env python3
"""Runs programs in a real pseudo-terminal and times what they draw.

Reads a JSON plan on standard input and writes raw timings as JSON on standard
output (progress goes to standard error); bench/run.ts computes the medians.

A plan:
  {"cols": 120, "rows": 40, "term": "xterm-256color",
   "sessions": [{"name": "kzrs", "argv": ["node", "dist/cli.cjs"], "cwd": ".",
                 "env": {"NODE_ENV": "production"},
                 "frame": ["Timeline", "Trade"], "frame_timeout": 20,
                 "steps": [{"key": "3", "label": "focus", "settle": true},
                           {"key": "j", "label": "j", "expect": "(?<!\\\\d)2/100(?!\\\\d)"}],
                 "quit": ["\\u001b", "q"]}]}

A session may also give "loaded" (a regular expression for the screen of a
fully loaded program, timed from the fork like the frame) and "peak_rss_after_ms"
(read the child's peak resident memory, VmHWM, that long after it loaded).

Each session is one child on its own pty (pty.fork: a new session with the pty
as its controlling terminal, window size set with TIOCSWINSZ before exec). The
first frame counts only once every text of "frame" is in the output since the
start with escape sequences stripped. A step waits until the program has been
quiet for quiet_ms and gap_ms have passed since the last key, writes the key,
and measures the time to the first output bytes after the write; when "expect"
(a regular expression) is given it also measures the time until the stripped
output after the write matches it, which verifies that the frame is the one the
key should produce. The child's whole process group is killed at the end of a
session whatever happened, so no terminal state outlives it.
"""

import errno
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

ESCAPES = re.compile(
    rb"\x1b(?:\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, modes
    rb"|\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, hyperlinks
    rb"|[PX^_][^\x1b]*\x1b\\"  # DCS, SOS, PM, APC strings
    rb"|[()*+]."  # character set designations
    rb"|[ -/]*[0-~])"  # other two-byte sequences (ESC 7, ESC =, ...)
)
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

live_children = set()


def strip(raw):
    """The text a program wrote, without escape sequences or control characters."""
    return CONTROLS.sub("", ESCAPES.sub(b"", raw).decode("utf-8", "replace"))


def ms(seconds):
    return round(seconds * 1000, 3)


def log(message):
    sys.stderr.write(f"pty: {message}\n")
    sys.stderr.flush()


def kill_group(pid):
    """SIGKILL the child's process group (pty.fork made it a session leader), then reap it."""
    for target in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            target()
        except (ProcessLookupError, PermissionError):
            pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    live_children.discard(pid)


def on_signal(number, _frame):
    for pid in list(live_children):
        kill_group(pid)
    sys.exit(128 + number)


class Session:
    def __init__(self, plan, spec):
        self.spec = spec
        self.quiet = spec.get("quiet_ms", plan.get("quiet_ms", 150)) / 1000
        self.gap = spec.get("gap_ms", plan.get("gap_ms", 100)) / 1000
        self.key_timeout = spec.get("key_timeout", plan.get("key_timeout", 5))
        self.expect_grace = spec.get("expect_grace", plan.get("expect_grace", 1.0))
        self.raw = bytearray()
        self.eof = False
        self.last_output = None
        self.last_write = 0.0
        env = {
            key: value
            for key, value in os.environ.items()
            # Ink draws only the last frame when it believes it runs in CI.
            if key not in ("CI", "CONTINUOUS_INTEGRATION") and not key.startswith("CI_")
        }
        env.update({"TERM": plan.get("term", "xterm-256color"), "COLUMNS": str(plan["cols"]), "LINES": str(plan["rows"])})
        env.update(spec.get("env", {}))
        winsize = struct.pack("HHHH", plan["rows"], plan["cols"], 0, 0)
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: its stdin, stdout and stderr are the pty's slave side
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, winsize)
                if spec.get("cwd"):
                    os.chdir(spec["cwd"])
                os.execvpe(spec["argv"][0], spec["argv"], env)
            except BaseException as error:  # noqa: BLE001 - report, then leave the forked copy at once
                os.write(2, f"cannot start {spec['argv'][0]}: {error}\n".encode())
            finally:
                os._exit(127)
        live_children.add(pid)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, winsize)

    def read(self, timeout):
        """One chunk of output, or None after timeout (or at the end of output)."""
        if self.eof:
            time.sleep(max(0.0, timeout))
            return None
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return None
        try:
            data = os.read(self.fd, 65536)
        except OSError as error:
            if error.errno != errno.EIO:  # EIO: the child closed the terminal
                raise
            data = b""
        if not data:
            self.eof = True
            return None
        self.last_output = time.perf_counter()
        self.raw += data
        return data

    def wait_for_frame(self, texts, timeout):
        """Milliseconds from the fork until every text is in the stripped output."""
        deadline = self.started + timeout
        first_byte = None
        while True:
            now = time.perf_counter()
            if now >= deadline or self.eof:
                return None, first_byte
            if self.read(deadline - now) is not None:
                if first_byte is None:
                    first_byte = ms(self.last_output - self.started)
                screen = strip(bytes(self.raw))
                if all(text in screen for text in texts):
                    return ms(self.last_output - self.started), first_byte

    def wait_for_loaded(self, pattern, timeout):
        """Milliseconds from the fork until the latest output matches the pattern."""
        expect = re.compile(pattern)
        deadline = self.started + timeout
        while True:
            # The latest output only: a long load redraws its progress many times.
            if expect.search(strip(bytes(self.raw[-16384:]))):
                return ms((self.last_output or self.started) - self.started)
            now = time.perf_counter()
            if now >= deadline or self.eof:
                return None
            self.read(deadline - now)

    def peak_rss_mb(self):
        """The child's peak resident memory so far (VmHWM), in MB; None where /proc does not tell."""
        try:
            with open(f"/proc/{self.pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return None

    def settle(self, longest=5.0):
        """Drain output until it has been quiet for quiet_ms and gap_ms have passed since the last key."""
        deadline = time.perf_counter() + longest
        while True:
            now = time.perf_counter()
            quiet_at = (self.last_output or self.started) + self.quiet
            ready_at = max(quiet_at, self.last_write + self.gap)
            if now >= ready_at:
                return True
            if now >= deadline:
                return False
            self.read(min(ready_at, deadline) - now)

    def press(self, step):
        if not self.settle():
            return {"label": step["label"], "key": step["key"], "error": "the program never went quiet"}
        expect = re.compile(step["expect"]) if step.get("expect") else None
        mark = len(self.raw)
        written = time.perf_counter()
        os.write(self.fd, step["key"].encode())
        self.last_write = written
        first = matched = last = None
        deadline = written + self.key_timeout
        while True:
            now = time.perf_counter()
            if first is None:
                limit = deadline - now
            elif now - last < self.quiet:
                limit = self.quiet - (now - last)
            elif expect is not None and matched is None:
                # Quiet, but not yet the expected frame: wait a little longer for it.
                limit = min(deadline, last + self.expect_grace) - now
            else:
                break
            if limit <= 0:
                break
            if self.read(limit) is None:
                if self.eof:
                    break
                continue
            last = self.last_output
            if first is None:
                first = last
            if expect and matched is None and expect.search(strip(bytes(self.raw[mark:]))):
                matched = last
        result = {
            "label": step["label"],
            "key": step["key"],
            "first_byte_ms": None if first is None else ms(first - written),
            "expect_ms": None if matched is None else ms(matched - written),
            "burst_ms": None if last is None else ms(last - written),
            "bytes": len(self.raw) - mark,
            "verified": None if expect is None else matched is not None,
        }
        if first is None:
            result["error"] = "no output within %ss" % self.key_timeout
        return result

    def quit(self, keys, timeout=2.0):
        """Whether the program exits on its own after the quit keys."""
        for key in keys:
            self.settle(1.0)
            self.last_write = time.perf_counter()
            os.write(self.fd, key.encode())
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            self.read(0.05)
            done, _status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                live_children.discard(self.pid)
                return True
        return False

    def close(self):
        if self.pid in live_children:
            kill_group(self.pid)
        try:
            os.close(self.fd)
        except OSError:
            pass

    def tail(self, characters=1500):
        return strip(bytes(self.raw))[-characters:]


def run_session(plan, spec):
    session = Session(plan, spec)
    result = {"name": spec["name"], "ok": False, "frame_ms": None, "first_byte_ms": None, "keys": [], "quit_ok": None, "loaded_ms": None, "peak_rss_mb": None}
    try:
        frame, first_byte = session.wait_for_frame(spec["frame"], spec.get("frame_timeout", 20))
        result["frame_ms"], result["first_byte_ms"] = frame, first_byte
        if frame is None:
            missing = [text for text in spec["frame"] if text not in strip(bytes(session.raw))]
            why = "the program ended" if session.eof else f"none within {spec.get('frame_timeout', 20)} s"
            result["error"] = f"no frame showing {', '.join(missing)}: {why}"
            result["tail"] = session.tail()
            return result
        if spec.get("loaded"):
            result["loaded_ms"] = session.wait_for_loaded(spec["loaded"], spec.get("frame_timeout", 20))
            if result["loaded_ms"] is None:
                result["error"] = f"never showed {spec['loaded']}"
                result["tail"] = session.tail()
                return result
        if spec.get("peak_rss_after_ms") is not None:
            deadline = time.perf_counter() + spec["peak_rss_after_ms"] / 1000
            while time.perf_counter() < deadline:
                session.read(deadline - time.perf_counter())
            result["peak_rss_mb"] = session.peak_rss_mb()
        for step in spec.get("steps", []):
            if step.get("settle"):
                session.settle()
                session.last_write = time.perf_counter()
                os.write(session.fd, step["key"].encode())
                session.settle()
                continue
            result["keys"].append(session.press(step))
        if spec.get("quit"):
            result["quit_ok"] = session.quit(spec["quit"])
        result["ok"] = True
        return result
    finally:
        session.close()


def main():
    plan = json.load(sys.stdin)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    results = []
    try:
        for index, spec in enumerate(plan["sessions"]):
            result = run_session(plan, spec)
            frame = "no frame" if result["frame_ms"] is None else f"frame {result['frame_ms']:.0f} ms"
            log(f"{index + 1}/{len(plan['sessions'])} {spec['name']}: {frame}, {len(result['keys'])} keys")
            results.append(result)
    finally:
        for pid in list(live_children):
            kill_group(pid)
    json.dump({"cols": plan["cols"], "rows": plan["rows"], "sessions": results}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
