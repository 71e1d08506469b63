/**
 * Every input of the main action, written once: `action.yml` must match this list exactly (a unit
 * test compares names, descriptions and defaults), the action reads its inputs through it, and the CLI
 * turns each entry into a `--<name>` flag with the same description in its help and in docs/cli.md.
 */
/** How a value is read: a single string, a boolean (src/util/boolean.ts), or a list of lines. */
export type InputKind = 'string' | 'boolean' | 'list';
export type InputGroup = 'tags' | 'build' | 'cache' | 'publish' | 'ecr' | 'report' | 'graph';
export interface InputSpec {
    name: string;
    kind: InputKind;
    group: InputGroup;
    /** One sentence, true to the code: action.yml's description and the CLI's help text. */
    description: string;
    /** action.yml's `default`, exactly as written there. */
    default?: string;
    /** Surrounding whitespace is part of the value (a separator may be a newline or a space). */
    untrimmed?: boolean;
    /** The value may be a secret: on a command line it is visible to every process (`ps`). */
    sensitive?: boolean;
    /**
     * How the CLI takes this input: as `--<name>` (the default), or not at all, with the reason (the
     * CLI has no job summary; its `--summary FILE` writes the report file).
     */
    cli?: {
        omitted: string;
    } | {
        default: string;
    };
}
export declare const INPUT_GROUP_TITLES: Record<InputGroup, string>;
export declare const INPUT_SPEC: readonly InputSpec[];
/** The spec of one input; throws for a name the action does not have (a bug, not bad input). */
export declare function inputSpec(name: string): InputSpec;
/** Inputs whose surrounding whitespace is part of the value. */
export declare const UNTRIMMED_INPUTS: ReadonlySet<string>;
