import type {FactPaths} from './facts/load.js';
export async function runInteractiveOrSnapshot(_paths: FactPaths): Promise<void> {}
