import { type DockerfileInfo } from '../build/index.js';
/** An image a stage starts FROM that is neither another stage nor `scratch`. */
export interface ExternalBase {
    /** As written in the Dockerfile (`${BASE_IMAGE}`, `busybox:1`). */
    written: string;
    /** With the global ARGs expanded; undefined when one of them has no value here. */
    reference?: string;
    /** Names of the ARGs that had no value. */
    unresolved: string[];
}
/**
 * The global ARGs (declared before the first FROM, the only ones FROM can use) and their defaults.
 * A line scan: continuation lines are joined, values may be quoted; enough for FROM expansion.
 */
export declare function globalArgs(dockerfile: string): Map<string, string | undefined>;
/**
 * Expands `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME-word}`, `${NAME:+word}` and `${NAME+word}` as
 * BuildKit does in FROM; names without a value are collected in `unresolved`.
 */
export declare function expandArgs(text: string, values: ReadonlyMap<string, string | undefined>): {
    text: string;
    unresolved: string[];
};
/**
 * The images the target's stages start from (the target itself and every stage it needs), with the
 * build args and the global ARG defaults applied. Stages the target does not need are never built, so
 * their bases do not count.
 */
export declare function externalBases(dockerfile: string, info: DockerfileInfo, target: string | undefined, buildArgs: ReadonlyMap<string, string | undefined>): ExternalBase[];
