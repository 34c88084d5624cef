// The few computations kzrs makes from cited figures. Every derived figure in
// data/ names its method and inputs; `kzrs check` recomputes it here.
import type {Derivation, TradeFigure} from './records.js';

export type DerivationInput = Pick<TradeFigure, 'value' | 'unit' | 'currency'>;

export function deriveValue(method: Derivation['method'], inputs: DerivationInput[]): number | undefined {
	const [first, second] = inputs;
	if (!first || !second || inputs.length !== 2) return undefined;
	switch (method) {
		case 'previous-from-growth':
			// A value grown by g percent over the previous period: previous = current / (1 + g/100).
			return first.unit !== 'percent' && second.unit === 'percent' ? first.value / (1 + second.value / 100) : undefined;
		case 'difference':
			return first.unit === second.unit && first.currency === second.currency ? first.value - second.value : undefined;
	}
}

/** Whether a stated value is the computed one, rounded to the stated value's decimals. */
export function withinRounding(stated: number, computed: number): boolean {
	const decimals = (String(stated).split('.')[1] ?? '').length;
	return Math.abs(stated - computed) <= 0.5 * 10 ** -decimals + 1e-9;
}
