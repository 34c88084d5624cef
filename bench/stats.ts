// Summaries of repeated timings: the median is what the bench compares.

export type Summary = {median: number; min: number; max: number; count: number};

export function summarize(samples: Array<number | null | undefined>): Summary | undefined {
	const sorted = samples.filter((sample): sample is number => typeof sample === 'number' && Number.isFinite(sample)).sort((a, b) => a - b);
	if (sorted.length === 0) return undefined;
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
	return {median, min: sorted[0] as number, max: sorted.at(-1) as number, count: sorted.length};
}

/** The first summary's median over the second's, when both exist. */
export function ratioOf(numerator: Summary | undefined, denominator: Summary | undefined): number | undefined {
	if (!numerator || !denominator || denominator.median === 0) return undefined;
	return numerator.median / denominator.median;
}
