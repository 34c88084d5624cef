// Text fitted to a number of terminal columns by display width, so Cyrillic,
// accented Latin and wide characters line up. Long text ends in an ellipsis.
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import {printable} from './printable.js';

/** Exactly `width` columns: truncated with "…" or padded with spaces. */
export function fitColumns(value: string, width: number, align: 'left' | 'right' = 'left'): string {
	if (width <= 0) return '';
	const clean = printable(value);
	const cut = stringWidth(clean) > width ? cliTruncate(clean, width, {position: 'end'}) : clean;
	const pad = ' '.repeat(Math.max(0, width - stringWidth(cut)));
	return align === 'left' ? cut + pad : pad + cut;
}

export {stringWidth as displayWidth};
