import type { MetadataInputs } from './types.js';
/** Reads one raw input by name ('' when unset); the action passes the runner's getInput. */
export type InputReader = (name: string) => string;
/** Parses and validates every input of the tag engine. Throws InputError on the first bad value. */
export declare function parseMetadataInputs(read: InputReader): MetadataInputs;
/** An InputReader over a plain record (library and CLI callers). */
export declare function recordInputReader(values: Readonly<Record<string, string | undefined>>): InputReader;
