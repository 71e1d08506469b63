/**
 * `reuse-commit`: where a release's image comes from. `commit` (`true`): the image already published
 * for this commit (found by the tag that names the commit), else a build; `never` (`false`): always a
 * build; `auto` (default): `commit` on release runs, `never` otherwise.
 */
export type ReuseMode = 'auto' | 'commit' | 'never';
export interface ReleaseInputs {
    reuseCommit: ReuseMode;
    /** `release-annotations`: a reused image gets the release's OCI annotations in a new manifest (default true). */
    releaseAnnotations: boolean;
}
/** `reuse-commit`: `auto` (or empty), else a boolean through the one boolean parser. */
export declare function readReleaseInputs(get: (name: string) => string): ReleaseInputs;
/**
 * The tag among `tags` that names commit `sha`: one holding at least its first 7 hex digits as a whole
 * word (`sha-abc1234` from `type=sha`, a long `type=sha,format=long`, the environment policy's
 * `git-abc1234`, any prefix or suffix). The branch build and the release compute it from the same
 * tag rules, so the release finds the branch build's image by it.
 */
export declare function commitTag(tags: readonly string[], sha: string): string | undefined;
export interface ReuseQuestion {
    mode: ReuseMode;
    /** The run publishes its tags (`push`). */
    push: boolean;
    promoteFrom?: string;
    /** The run is a release: a version tag, a release event or a dispatch with a version. */
    release: boolean;
    /** See commitTag; undefined when no tag names the commit. */
    commitTag?: string;
    /** The short sha, for messages. */
    commit: string;
    /**
     * The automatic build args the Dockerfile declares that a release sets differently from the branch
     * build (VERSION, ENVIRONMENT); undefined when the Dockerfile could not be read.
     */
    releaseArgs?: readonly string[];
}
export type ReuseDecision = {
    look: true;
    tag: string;
} | {
    look: false;
    reason: string;
};
/**
 * Whether to look for the image already published for this commit before building. Pure: the lookup
 * itself is one request per repository, made by the caller. An explicit `reuse-commit: true` that cannot
 * work is an input error; `auto` says why it builds instead.
 */
export declare function decideReuse(question: ReuseQuestion): ReuseDecision;
/**
 * The annotations a reused image is published with: the run's computed annotations (the generated
 * org.opencontainers.image.* and the `annotations` input, as `key=value`), `created` replaced by
 * `created` (a date that is the same on every re-run, so a re-run writes the same manifest), and no
 * empty values (they would only erase a value the branch build set).
 */
export declare function releaseAnnotations(entries: readonly string[], created: string): Record<string, string>;
