import { type CommandSpec } from './commands.js';
import type { FlagSpec } from './flags.js';
/** The flags of a command in sections: its own flags first, then the action's inputs by group. */
export declare function flagSections(command: CommandSpec): {
    title: string;
    flags: FlagSpec[];
}[];
/** `--name VALUE`, `-h, --help`, `--tag TAG (repeatable)`. */
export declare function flagUsage(flag: FlagSpec): string;
/** `image-build --help`: the commands. */
export declare function renderUsage(): string;
/** `image-build <command> --help`: every flag of the command with its description and default. */
export declare function renderHelp(command: CommandSpec): string;
/** A word as a POSIX shell reads it back: quoted when it holds anything but plain characters. */
export declare function shellWord(word: string): string;
/** `image-build <argv>` as shell lines of at most 100 columns, continued with a backslash. */
export declare function exampleLines(argv: readonly string[], indent?: string): string[];
