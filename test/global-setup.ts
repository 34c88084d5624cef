import {execFileSync} from 'node:child_process';

// Tests that run the command line run the bundle users run: build it once first.
export default function setup(): void {
	execFileSync(process.execPath, ['build.mjs'], {stdio: 'inherit'});
}
