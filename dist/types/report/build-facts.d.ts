import type { LayerModel } from './model/types.js';
/** A build step as the build capability parses it from BuildKit's progress (`BuildStep`). */
export interface BuildStepLike {
    /** Stage name (`builder`); empty for a single unnamed stage. */
    stage?: string;
    /** `2/4`: position within the stage. */
    position?: string;
    instruction: string;
    /** From cache, local or remote. */
    cached: boolean;
    durationSeconds?: number;
}
export interface ReportStep {
    name: string;
    instruction: string;
    cached: boolean;
    seconds?: number;
}
export interface BuildFacts {
    steps: ReportStep[];
    cachedSteps: number;
    /** cached / steps; undefined without steps. */
    cacheHitRatio?: number;
    /** Wall-clock build time when the caller measured it. */
    totalSeconds?: number;
    /** Σ step times (steps run in parallel, so this can exceed the wall clock). */
    stepSeconds: number;
}
export interface LayerBuildFacts {
    cached?: boolean;
    durationSeconds?: number;
    /** The Dockerfile text of the step, when the history had only the classic builder's `COPY dir:…`. */
    instruction?: string;
}
/**
 * Build steps as the report lists them. FROM steps are never built, so they would only inflate the
 * cache ratio.
 */
export declare function buildFacts(steps: readonly BuildStepLike[], totalSeconds?: number): BuildFacts;
/**
 * Which build step made each of the image's own layers: the same instruction, in order. Builders drop
 * some of the Dockerfile text from the history: BuildKit records `COPY --from=builder /deps /deps` as
 * `COPY /deps /deps`, the classic builder as `COPY dir:<hash> in /deps`. Such a layer takes the next
 * step that matches without its flags (or, for the classic form, the next COPY/ADD to the same
 * destination), and the step's full text.
 */
export declare function layerBuildFacts(layers: readonly LayerModel[], steps: readonly BuildStepLike[]): LayerBuildFacts[];
export declare function normalise(instruction: string): string;
