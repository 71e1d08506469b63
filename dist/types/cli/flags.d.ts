import { type InputGroup, type InputKind } from '../pipeline/input-spec.js';
/**
 * One command-line flag. Most flags are the action's inputs under the same name (from the one input
 * spec); the rest are the CLI's own: the build script's flags teams already type (`--env`,
 * `--version`, `--tag`, `--platform`) and what only a terminal needs (`--json`, `--summary`, `--help`).
 */
export interface FlagSpec {
    name: string;
    /** `list` flags may be repeated (each one a line); other flags may be given once. */
    kind: InputKind;
    description: string;
    /** What the value is, in the help (`FILE`, `REF`); booleans have none. */
    valueName?: string;
    /** The default the help shows. */
    default?: string;
    /** The action input this flag sets, when it is one. */
    input?: string;
    /** The input's group (for the help's sections); CLI flags have none. */
    group?: InputGroup;
    short?: string;
}
/** The action's inputs of these groups as flags, except those the CLI takes otherwise. */
export declare function inputFlags(groups: readonly InputGroup[], except?: readonly string[]): FlagSpec[];
/** The environment policy's flags (the build script's): they make the `environment` input. */
export declare const ENVIRONMENT_FLAGS: readonly FlagSpec[];
export declare const TAG_FLAG: FlagSpec;
export declare const PLATFORM_FLAG: FlagSpec;
export declare const JSON_FLAG: FlagSpec;
export declare const SUMMARY_FLAG: FlagSpec;
/** Flags every command has. */
export declare const COMMON_FLAGS: readonly FlagSpec[];
/** The images file's commands (`graph`, `plan`); the action's `plan` input is the `plan` command. */
export declare const GRAPH_FLAGS: readonly FlagSpec[];
/** How `graph` builds: the action's `concurrency` and `reuse`. */
export declare const GRAPH_RUN_FLAGS: readonly FlagSpec[];
export declare const REPORT_FLAGS: readonly FlagSpec[];
