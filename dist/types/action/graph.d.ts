import { type GraphInputs } from '../pipeline/graph-inputs.js';
import type { ReadInput } from '../pipeline/inputs.js';
import type { RunnerCommands } from './runner.js';
/**
 * Builds (or with `plan`, only plans) the images file. Outputs: `graph` (every row) or `plan`; the
 * single-image outputs are those of the one image a matrix job built (`only` with one name), else
 * empty. The report goes to the job summary and `report-file`; a failed image fails the step after
 * the others are published and reported, naming the failed and skipped images.
 */
export declare function runGraphAction(read: ReadInput, graph: GraphInputs & {
    imagesFile: string;
}, runner: RunnerCommands): Promise<void>;
