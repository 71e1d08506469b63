import type { CommandRunner } from '../util/exec.js';
import { type CliIO } from './main.js';
/** The parts of `process` the CLI's entry point uses, so a test can hand it a fake one. */
export interface CliProcess {
    argv: string[];
    env: NodeJS.ProcessEnv;
    stdout: NodeJS.WritableStream;
    stderr: NodeJS.WritableStream;
    cwd(): string;
    on(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
    on(event: 'unhandledRejection' | 'uncaughtException', listener: (reason: unknown) => void): unknown;
    exit(code: number): void;
    exitCode?: number | string | undefined;
}
/**
 * The entry point's whole job: run the command, turn every failure into one line and an exit code,
 * and on Ctrl-C (or SIGTERM) stop the builds, let the post step clean up, and exit 130 (143). A
 * second Ctrl-C quits at once. No rejection is left unhandled, wherever it comes from.
 */
export declare function startCli(proc: CliProcess, runner: CommandRunner, run?: (io: CliIO) => Promise<number>): Promise<void>;
