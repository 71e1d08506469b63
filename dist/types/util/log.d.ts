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
/** Plain terminal logger; masks registered secrets itself since no runner does it here. */
export declare function createConsoleLogger(stream?: NodeJS.WritableStream, verbose?: boolean): Logger;
/** Discards everything; for tests and library callers that want silence. */
export declare const silentLogger: Logger;
