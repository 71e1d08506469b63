/**
 * The CLI takes the action's inputs as flags (`--build-args`, `--tags`, ...), so one set of names and
 * one set of parsers serve both. A flag given twice is joined with a newline, as a multi-line input.
 */
export interface ParsedArgs {
    command: string;
    inputs: Map<string, string>;
    help: boolean;
}
export declare function parseArgs(argv: readonly string[]): ParsedArgs;
