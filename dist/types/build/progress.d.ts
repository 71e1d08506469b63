/** One Dockerfile instruction as the builder ran it. */
export interface BuildStep {
    /** Stage name as BuildKit prints it (`builder`, `stage-2`); empty for a single unnamed stage. */
    stage: string;
    /** `2/4`: position within the stage. */
    position: string;
    /** The instruction text, e.g. `RUN make` or `COPY src/ /app/src/`. */
    instruction: string;
    /** Set for multi-platform builds (`linux/arm64`). */
    platform?: string;
    cached: boolean;
    /** Seconds from BuildKit's `DONE 1.2s` line; 0 for a cache hit. */
    durationSeconds: number;
    /** The builder's error line when the step failed. */
    error?: string;
}
/**
 * Parses BuildKit's `--progress=plain` output (buildx and the engine's builder print the same format)
 * into the Dockerfile steps, skipping internal vertices (context transfer, metadata, export).
 *
 * A step is cached when BuildKit says `CACHED`, and also when its result came from an imported cache:
 * a remote or local cache does not print `CACHED` for the step whose layers it loads, only their
 * download and `extracting` lines. Such a step printed no output of its own: nothing ran.
 */
export declare function parsePlainProgress(output: string): BuildStep[];
/**
 * Joins the steps of several builds of one Dockerfile (stage cache images, then the image): a step
 * counts where it first ran, since later builds find it in the engine's cache.
 */
export declare function mergeSteps(builds: readonly BuildStep[][]): BuildStep[];
/** A FROM step only resolves the base image: no step is built there, so no step counts it. */
export declare function isFromStep(step: {
    instruction: string;
}): boolean;
/** Share of non-FROM steps that were cache hits (FROM only resolves the base image). */
export declare function cacheHitRate(steps: readonly BuildStep[]): number;
