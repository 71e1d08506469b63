import { type ImageReference } from '../registry/reference.js';
import type { CompletePublishOptions, PublishTagsOptions } from './options.js';
import { type PublishPlan } from './plan.js';
import type { TagWriter } from '../registry/tag-writer.js';
/** One image repository to publish to, checked and planned. */
export interface PublishTarget {
    readonly ref: ImageReference;
    /** `registry/repository`. */
    readonly image: string;
    readonly writer: TagWriter;
    /** Tags in the repository when it was checked. */
    readonly existingTags: readonly string[];
    readonly plan: PublishPlan;
    /** Requests the checks before the first push took. */
    readonly preflightRequests: number;
}
/** Everything checked before the build: what `completePublish` pushes and writes afterwards. */
export interface PreparedPublish {
    /** The tag the builder must push, the same in every target. */
    primaryTag: string;
    /** `registry/repository:primaryTag` per target, in the order `pushPrimary` will be called. */
    references: string[];
    readonly targets: readonly PublishTarget[];
    readonly options: PublishTagsOptions & CompletePublishOptions;
}
/**
 * The checks that must pass before anything is built: parses the images, validates tags, version and
 * primary, then lists each repository's tags (which proves the registry answers and takes our
 * credentials, and feeds the guard) and plans each target.
 */
export declare function preparePublish(options: PublishTagsOptions & CompletePublishOptions): Promise<PreparedPublish>;
/** The checks of `preparePublish`, shared with `promote`. */
export declare function prepareTargets(options: PublishTagsOptions): Promise<PublishTarget[]>;
