// The program the kzrs command runs (bundled as dist/kzrs.cjs, see bin.ts).
import './warm-up.js';

export {faultReport} from './cli/fault.js';
export {run} from './cli/run.js';
