// The panes kzrs has, in the dashboard's order: the one list of them.
import {agenda} from './agenda/index.js';
import {companies} from './companies/index.js';
import {goods} from './goods/index.js';
import {memoranda} from './memoranda/index.js';
import type {AnyPane} from './pane.js';
import {people} from './people/index.js';
import {sources} from './sources/index.js';
import {standing} from './standing/index.js';
import {timeline} from './timeline/index.js';
import {trade} from './trade/index.js';

export type Panes = readonly AnyPane[];

export const shippedPanes: Panes = [timeline, memoranda, trade, companies, agenda, people, standing, sources, goods];

/** The panes the dashboard shows, in order. */
export const screenPanes = (panes: Panes): Panes => panes.filter((definition) => definition.onScreen);

export function findPane(panes: Panes, id: string): AnyPane | undefined {
	return panes.find((definition) => definition.id === id);
}
