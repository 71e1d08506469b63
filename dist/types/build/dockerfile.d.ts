/** A `FROM` block of a Dockerfile. */
export interface DockerfileStage {
    /** 0-based position, which `COPY --from=<n>` may use. */
    index: number;
    /** The `AS` name, lower-cased as BuildKit does; undefined for unnamed stages. */
    name?: string;
    /** The image or earlier stage it starts from, as written (build args unexpanded). */
    base: string;
    /** Names (or indexes as strings) of other stages this one reads: its base, `COPY --from`, `--mount from`. */
    uses: string[];
}
export interface DockerfileInfo {
    stages: DockerfileStage[];
    /** Every name declared by an `ARG` instruction, global or in a stage. */
    args: Set<string>;
    /** The `# syntax=` parser directive (the BuildKit frontend image), when there is one. */
    syntax?: string;
    /** The escape character: `\\` unless an `# escape=` directive says `` ` ``. */
    escape: string;
}
/**
 * Reads the stages, their dependencies and the declared ARGs; enough to validate inputs and plan
 * caching. dockerfile-ast splits the instructions as BuildKit does: parser directives (`# syntax=`,
 * `# escape=`) only at the top, continuations with the escape character, comments inside them, and
 * heredocs (`RUN <<EOF … EOF`, several on one line, `<<-EOF`, quoted names), whose bodies are never
 * read as instructions: a `FROM x AS y` line inside one adds no stage.
 */
export declare function parseDockerfile(text: string): DockerfileInfo;
/** Finds a stage by `AS` name or index; BuildKit matches names case-insensitively. */
export declare function findStage(info: DockerfileInfo, ref: string): DockerfileStage | undefined;
/**
 * The stages `target` (default: the last) needs, in Dockerfile order, excluding the target itself.
 * Only these are worth a cache image of their own: the others are never built.
 */
export declare function stageDependencies(info: DockerfileInfo, target?: string): DockerfileStage[];
/**
 * The stages that need a cache image of their own: those the target needs whose steps no other
 * needed stage (nor the target) already carries in its FROM chain, since a cache image describes its
 * stage's whole chain.
 */
export declare function stagesNeedingCacheImages(info: DockerfileInfo, target?: string): DockerfileStage[];
