import type { CommandContext } from './context.js';
/**
 * The end of a run on stdout. With --json, the outputs as one JSON object and nothing else, for
 * scripts; otherwise what was published for a person, then the report.
 */
export declare function printOutputs(context: CommandContext, outputs: Record<string, string>, report: string): void;
