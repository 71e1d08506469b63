import { type FlagSpec } from './flags.js';
export type CommandName = 'tags' | 'build' | 'promote' | 'plan' | 'graph' | 'report';
/** One command: its flags (in help order), and example command lines the docs show and a test parses. */
export interface CommandSpec {
    name: CommandName;
    aliases: readonly string[];
    summary: string;
    flags: readonly FlagSpec[];
    /** The flag a lone argument stands for (`report IMAGE` is `report --image IMAGE`). */
    positional?: string;
    examples: readonly {
        description: string;
        argv: readonly string[];
    }[];
}
export declare const COMMANDS: readonly CommandSpec[];
/** The command a word names (its name or an alias). */
export declare function findCommand(word: string): CommandSpec | undefined;
