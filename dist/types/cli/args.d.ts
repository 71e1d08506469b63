import { type CommandSpec } from './commands.js';
/** The command line is wrong (exit 2): an unknown flag or command, a flag without its value, ... */
export declare class UsageError extends Error {
    /** The command whose help would have helped, when one was named. */
    readonly command?: string;
    constructor(message: string, command?: string);
}
export type ParsedCommandLine = {
    kind: 'help';
    command?: CommandSpec;
} | {
    kind: 'version';
} | {
    kind: 'run';
    command: CommandSpec;
    values: FlagValues;
};
/**
 * The flags given, by name: each list flag's values in order; a boolean flag as `true`, or the value
 * written after `=` (`--push=false`), which the one boolean parser (src/util/boolean.ts) reads later,
 * so that `--push=maybe` is an error naming the input like every other boolean.
 */
export type FlagValues = ReadonlyMap<string, readonly string[]>;
/**
 * `image-build <command> [flags]`, parsed with node:util's parseArgs in strict mode. A first pass over
 * parseArgs's tokens (not strict) finds what is wrong and says it in the user's terms (the flag, the
 * command, the nearest flag that exists); the strict parse then reads the values.
 */
export declare function parseCommandLine(argv: readonly string[]): ParsedCommandLine;
