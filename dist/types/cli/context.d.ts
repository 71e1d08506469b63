import type { ImageBuildDeps } from '../pipeline/image-build.js';
import type { CommandRunner } from '../util/exec.js';
import type { FlagValues } from './args.js';
import type { CommandSpec } from './commands.js';
import type { Terminal } from './terminal.js';
export interface CliIO {
    argv: readonly string[];
    env: NodeJS.ProcessEnv;
    stdout: NodeJS.WritableStream;
    stderr: NodeJS.WritableStream;
    runner: CommandRunner;
    cwd: string;
    /** Aborted on Ctrl-C (SIGINT) or SIGTERM: the builds stop, the post step runs, the exit code is 130 (143). */
    signal?: AbortSignal;
    /** Seams for tests: a builder that needs no detection, ECR clients pointed at an emulator, a clock. */
    pipeline?: Pick<ImageBuildDeps, 'builder' | 'ecrClientFor' | 'actionsCache' | 'now'>;
    clock?: () => number;
}
/** What a command gets: the parsed flags, the terminal and the process's streams. */
export interface CommandContext {
    io: CliIO;
    command: CommandSpec;
    values: FlagValues;
    terminal: Terminal;
    json: boolean;
    debug: boolean;
}
export declare const EXIT: {
    readonly ok: 0;
    readonly failed: 1;
    readonly usage: 2;
};
/** The exit code of a process ended by a signal, as shells report it (128 + the signal's number). */
export declare function signalExitCode(signal: AbortSignal): number;
