export interface GroupOptions {
    untrusted?: boolean;
}
/** Where the library reports progress. The action maps it to runner commands; the CLI to the terminal. */
export interface Logger {
    debug(message: string): void;
    info(message: string): void;
    /** Something the user should see but that is not a problem (a tag shortened, a fallback taken). */
    notice(message: string): void;
    warning(message: string): void;
    error(message: string): void;
    /**
     * Opens a collapsible group. `untrusted`: the lines until endGroup come from code we do not control
     * (a pull request's Dockerfile), so they must be printed inert, never read as runner commands.
     */
    startGroup(title: string, options?: GroupOptions): void;
    endGroup(): void;
    /** Registers a value that must never be printed (the Actions runner masks it in every log line). */
    setSecret(value: string): void;
}
/**
 * A value from outside (a tag, a label, a ref, a version from a git tag) made safe to print where the
 * Actions runner reads commands in every line of a step's output: it stays on one line (CR, LF and
 * other control characters are shown as `\r`, `\n`, `\x1b`), and it cannot be a command: the runner
 * takes a line starting with `::` (after blanks) or holding `##[` as one, so both get a space.
 */
export declare function inertLine(text: string): string;
/** Like inertLine, but a message that has several lines keeps them, each one inert. */
export declare function inertLines(text: string): string;
/**
 * Plain terminal logger; masks registered secrets itself since no runner does it here. Its lines are
 * made inert: the CLI also runs in workflow steps, where the runner reads stderr for commands too.
 */
export declare function createConsoleLogger(stream?: NodeJS.WritableStream, verbose?: boolean): Logger;
/** Discards everything; for tests and library callers that want silence. */
export declare const silentLogger: Logger;
