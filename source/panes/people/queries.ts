// What the people pane reads: fixed SQL text, run by the database modules.
import type {FactDatabase} from '../../db/database.js';
import {citationColumns, column, type PaneQuery} from '../../db/pane-reads.js';

export const query: PaneQuery = {
	table: 'people',
	columns: [
		column('id', 'Id'),
		column('name', 'Name'),
		column('role', 'Role'),
		column('country', 'Country'),
		column('delegation', 'In delegation', 'number'),
		column('note', 'Note'),
		// Each spelling once, with the languages of the sources that write it so, in the order the data gives them.
		column(
			'spellings',
			'Spellings',
			'text',
			`(SELECT group_concat(spelling || ' (' || languages || ')', '; ' ORDER BY first) FROM (
				SELECT l.spelling, min(l.ordinal) AS first, replace(group_concat(DISTINCT s.language), ',', ' ') AS languages
				FROM citation_lists l JOIN quotes q ON q.id = l.quote_id JOIN sources s ON s.id = q.source_id
				WHERE l.list_id = f.citation_list GROUP BY l.spelling))`,
		),
		column('honours', 'Honours', 'text', `(SELECT group_concat(h.name, '; ' ORDER BY h.rowid) FROM honours h WHERE h.recipient = f.name)`),
		...citationColumns,
	],
	sortable: ['name', 'country', 'role'],
	defaultOrder: 'f.rowid',
	cited: true,
};

export type Decoration = {id: string; name: string; recipient: string};

/** Every honour, in the data's order; `recipient`: only those of the person so named. */
export function honoursOf(db: FactDatabase, recipient?: string): Decoration[] {
	const rows =
		recipient === undefined
			? db.all('SELECT id, name, recipient FROM honours ORDER BY rowid')
			: db.all('SELECT id, name, recipient FROM honours WHERE recipient = ? ORDER BY rowid', [recipient]);
	return rows.map((row) => ({id: String(row.id), name: String(row.name), recipient: String(row.recipient)}));
}

/** The id of the person an honour was conferred on. */
export const recipientOf = (db: FactDatabase, honour: string): string | undefined =>
	db.all('SELECT p.id FROM honours h JOIN people p ON p.name = h.recipient WHERE h.id = ?', [honour]).map((row) => String(row.id))[0];

/** How many people came with the visiting delegation. */
export const delegationSize = (db: FactDatabase): number => db.number('SELECT count(*) FROM people WHERE delegation = 1');
