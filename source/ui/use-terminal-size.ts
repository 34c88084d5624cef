import {useEffect} from 'react';
import type {Size} from './layout.js';

/** Calls back with the terminal's size whenever it changes (Ink 6 has no hook for it). */
export function useTerminalSize(stdout: NodeJS.WriteStream, onResize: (size: Size) => void): void {
	useEffect(() => {
		const report = () => onResize({columns: stdout.columns, rows: stdout.rows});
		stdout.on('resize', report);
		return () => {
			stdout.off('resize', report);
		};
	}, [stdout, onResize]);
}
