// What a command reads and writes: the process's streams, environment and
// working directory for the kzrs command, anything alike for a test.

export type Output = NodeJS.WritableStream & {isTTY?: boolean; columns?: number; rows?: number; writableLength?: number};

export type Io = {
	stdin: NodeJS.ReadableStream & {isTTY?: boolean};
	stdout: Output;
	stderr: Output;
	env: NodeJS.ProcessEnv;
	cwd: string;
};
