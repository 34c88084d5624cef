// Ink asks terminal-size for the width only when its stdout has no columns, a
// pipe: kzrs renders with Ink only on a terminal (it prints a snapshot
// otherwise), and the real module loads child_process at start for nothing.
export default () => undefined;
