import { type ClassifiedTag } from './classify.js';
import { type HeldBack } from './guard.js';
export interface PublishPlanInput {
    /** Every tag this image should carry in the repository. */
    tags: readonly string[];
    /** This build's version (`1.4.3`, `v1.4.3`); by default the first full-version tag. */
    version?: string;
    /** The tag the builder pushes; by default the most specific (the version, else a pinned tag). */
    primaryTag?: string;
    /** Tags already in the repository, for the floating-tag guard. */
    existingTags: readonly string[];
    /** Hold back `latest`/`<major>`/`<major>.<minor>` that would go backwards (default true). */
    guardFloatingTags?: boolean;
    /**
     * Why this release is a pre-release although its version is not (a GitHub release marked pre-release
     * or draft): with the guard on, it moves no floating tag, as a `-rc.1` version would not.
     */
    prerelease?: string;
}
export interface PlannedTag extends ClassifiedTag {
    /** True for tags that name one build and must never move once written. */
    immutable: boolean;
}
export interface PublishPlan {
    /** Pushed by the builder, before anything else. */
    primary: PlannedTag;
    /** Written after the primary, in this order: immutable tags first, then moving tags, most specific first. */
    tags: PlannedTag[];
    heldBack: HeldBack[];
    /** The version the guard compared against, normalised. */
    version?: string;
}
/** Decides which tag the builder pushes, which tags follow in which order, and which are held back. */
export declare function planPublish(input: PublishPlanInput): PublishPlan;
