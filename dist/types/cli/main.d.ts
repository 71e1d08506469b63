import { type CliIO } from './context.js';
export type { CliIO } from './context.js';
/**
 * Runs one CLI command and returns the process's exit code: 0 done, 1 failed, 2 bad command line or
 * input (before anything is built or pushed), 130 interrupted. Never throws: every error becomes one
 * line on stderr (the builder's last lines after it when a build failed; the stack with --debug).
 */
export declare function runCli(io: CliIO): Promise<number>;
