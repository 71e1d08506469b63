import { type Logger } from '../util/log.js';
/**
 * The Actions runner's side of the protocol: inputs from INPUT_* variables, outputs, env and state
 * through the GITHUB_* files, everything else as `::command::` lines on stdout. @actions/core does the
 * same but loads an HTTP client (undici) at start for its OIDC helper, which is a third of our
 * start-up; the protocol itself is small and stable.
 */
export interface RunnerCommands {
    getInput(name: string, options?: {
        trimWhitespace?: boolean;
    }): string;
    setOutput(name: string, value: string): void;
    exportVariable(name: string, value: string): void;
    saveState(name: string, value: string): void;
    getState(name: string): string;
    appendSummary(markdown: string): void;
    setFailed(message: string): void;
    logger: Logger;
}
export declare function createRunnerCommands(env?: NodeJS.ProcessEnv, write?: (line: string) => void): RunnerCommands;
