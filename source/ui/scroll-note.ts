/** What a scrolled view hides, "… 3 above, 5 more below (j/k)"; empty when it hides nothing. */
export function scrollNote(above: number, below: number, keys: string): string {
	if (above <= 0 && below <= 0) return '';
	const parts = [...(above > 0 ? [`${above} above`] : []), ...(below > 0 ? [`${below} more below`] : [])];
	return `… ${parts.join(', ')} (${keys})`;
}
