import type { ReadInput } from '../pipeline/inputs.js';
import type { ImageBuildInputs } from '../pipeline/inputs.js';
import { type CommandContext } from './context.js';
/** What `graph` and `plan` hand the graph library (src/pipeline/graph.ts: runGraph, planGraph). */
export interface GraphCommandOptions {
    file: string;
    only: string[];
    concurrency: number;
    reuse: boolean;
    registry?: string;
    read: ReadInput;
    reportFile?: string;
    /** The inputs every image shares (the report's among them). */
    inputs: ImageBuildInputs;
}
/** Checks the flags of `graph` and `plan` before the images file is read. */
export declare function readGraphFlags(context: CommandContext): GraphCommandOptions;
/**
 * `plan` (the images file as a plan, for a workflow's matrix) and `graph` (build it: parents first,
 * unchanged images reused, one report). Each image's post step runs at the end, whatever happened.
 */
export declare function runGraphCommand(context: CommandContext): Promise<number>;
