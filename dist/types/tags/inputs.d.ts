import type { MetadataInputs } from './types.js';
/** Reads one raw input by name ('' when unset); the action passes the runner's getInput. */
export type InputReader = (name: string) => string;
export interface MetadataInputOptions {
    /**
     * Read `tags` as build-push-action does when every line is a whole image reference and `images` is
     * empty (the main action, which replaces build-push-action). The tags action stays metadata-action.
     */
    tagReferences?: boolean;
    /** The name the user knows the `context` (workflow|git) input by: the main action's is `metadata-context`. */
    contextInput?: string;
}
/** Parses and validates every input of the tag engine. Throws InputError on the first bad value. */
export declare function parseMetadataInputs(read: InputReader, options?: MetadataInputOptions): MetadataInputs;
/** An InputReader over a plain record (library and CLI callers). */
export declare function recordInputReader(values: Readonly<Record<string, string | undefined>>): InputReader;
