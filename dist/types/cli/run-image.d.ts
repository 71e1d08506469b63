import type { CommandRunner } from '../util/exec.js';
import { type CommandContext } from './context.js';
/**
 * `build` and `promote`: the action's main step and its post step in one process. Whatever happens
 * (a failure, Ctrl-C), the post step runs: the `local` cache is saved, ECR is logged out of and its
 * temporary Docker config removed.
 */
export declare function runImageCommand(context: CommandContext): Promise<number>;
/** The runner, with every command stopped when the signal aborts (Ctrl-C). */
export declare function abortable(runner: CommandRunner, signal: AbortSignal | undefined): CommandRunner;
