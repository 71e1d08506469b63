import { type BuildStep } from '../build/progress.js';
import type { RunPhase } from '../pipeline/image-build-types.js';
import { type Logger } from '../util/log.js';
export type TerminalPhase = RunPhase | 'report';
export interface TerminalOptions {
    stream: NodeJS.WritableStream;
    color: boolean;
    /** Debug lines and the builder's own output, besides the steps. */
    debug: boolean;
    /** Milliseconds since some fixed point (tests pass a fake clock). */
    clock?: () => number;
}
/** Progress for a person at a terminal: the library's log as phases, build steps and notices. */
export interface Terminal {
    logger: Logger;
    phase(phase: TerminalPhase, subject?: string): void;
    /** A line of the CLI's own (already inert), e.g. an error. */
    line(text: string): void;
    style: Style;
}
export interface Style {
    bold(text: string): string;
    dim(text: string): string;
    red(text: string): string;
    yellow(text: string): string;
    green(text: string): string;
    cyan(text: string): string;
}
/** Colour for a terminal that wants it: a TTY, NO_COLOR unset or empty, and not TERM=dumb. */
export declare function wantsColor(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv): boolean;
export declare function createStyle(color: boolean): Style;
/**
 * Every value printed goes through inertLine first (a tag, a label or a Dockerfile line cannot
 * break the line, colour the terminal or issue a runner command), and registered secrets are masked;
 * the colours are added after, by us.
 */
export declare function createTerminal(options: TerminalOptions): Terminal;
/**
 * The builder's plain progress, a line at a time, as one line per finished Dockerfile step. Each line
 * is read by the project's progress parser: a step's header line is remembered, and its status line
 * (`CACHED`, `DONE 1.2s`, `ERROR`) is parsed together with it.
 */
export declare function createStepTracker(onStep: (step: BuildStep) => void): {
    line(text: string): void;
};
