// BENCHMARKS.md holds the last recorded run: the machine, the results table and
// a machine-readable baseline in a fenced json block between markers. The bench
// compares its medians with that baseline and can record a new one.
import {readFileSync, renameSync, writeFileSync} from 'node:fs';

export type Figures = Record<string, number>;
export type Baseline = {recorded: string; machine: Record<string, string | number>; figures: Figures};

/** The blocks of BENCHMARKS.md the bench rewrites with --record. */
export type Block = 'machine' | 'results' | 'baseline';

const blockPattern = (block: Block) => new RegExp(`(<!-- bench:${block} -->\\n)([\\s\\S]*?)(<!-- /bench:${block} -->)`);

/** Regressions are increases (every figure is lower-is-better) beyond this share… */
export const regressionShare = 0.25;
/** …and, for millisecond figures, beyond this many milliseconds: a key press at 4 ms jitters by more than 25%. */
export const regressionFloorMs = 2;

export function readBaseline(document: string): Baseline | undefined {
	const body = blockPattern('baseline').exec(document)?.[2];
	const json = body && /```json\n([\s\S]*?)```/.exec(body)?.[1];
	if (!json) return undefined;
	const parsed = JSON.parse(json) as Baseline;
	return parsed && typeof parsed.figures === 'object' ? parsed : undefined;
}

export type Comparison = {figure: string; baseline: number; current: number; change: number; regression: boolean};

export function compare(current: Figures, baseline: Baseline): Comparison[] {
	const comparisons: Comparison[] = [];
	for (const [figure, before] of Object.entries(baseline.figures)) {
		const now = current[figure];
		if (now === undefined || !(before > 0)) continue;
		const change = now / before - 1;
		const pastFloor = !figure.endsWith('_ms') || now - before > regressionFloorMs;
		comparisons.push({figure, baseline: before, current: now, change, regression: change > regressionShare && pastFloor});
	}
	return comparisons;
}

/** Replaces the marked blocks of the document, atomically; false when a marker is missing. */
export function recordBlocks(file: string, blocks: Record<Block, string>): boolean {
	let document = readFileSync(file, 'utf8');
	for (const [block, content] of Object.entries(blocks) as Array<[Block, string]>) {
		const pattern = blockPattern(block);
		if (!pattern.test(document)) return false;
		document = document.replace(pattern, (_all, open: string, _old: string, close: string) => `${open}${content.trimEnd()}\n${close}`);
	}
	const temporary = `${file}.${process.pid}.tmp`;
	writeFileSync(temporary, document);
	renameSync(temporary, file);
	return true;
}

export function baselineBlock(baseline: Baseline): string {
	return `\`\`\`json\n${JSON.stringify(baseline, null, 2)}\n\`\`\`\n`;
}
