import type { Logger } from '../util/log.js';
import type { PublishPlan } from './plan.js';
import type { TagOutcome } from './result.js';
import type { ManifestBytes, TagWriter } from '../registry/tag-writer.js';
/**
 * `pushed`: the builder pushed the primary tag; `unchanged`: it already held this image, nothing was
 * pushed; `write`: promoting, the primary is written like every other tag.
 */
export type PrimaryState = 'pushed' | 'unchanged' | 'write';
export interface ApplyPlanOptions {
    writer: TagWriter;
    /** `registry/repository`, for messages. */
    image: string;
    repository: string;
    manifest: ManifestBytes;
    plan: PublishPlan;
    /** Tags in the repository before we started. */
    existingTags: readonly string[];
    /** How the primary tag got there: see `PrimaryState`. */
    primary: PrimaryState;
    guardFloatingTags: boolean;
    /** `writes` (default): trust each PUT's confirmed digest; `full`: re-read every tag at the end. */
    verify?: 'writes' | 'full';
    /** Look at every existing tag before writing it, not only immutable ones (see PublishTagsOptions). */
    lookFirst?: boolean;
    logger: Logger;
}
/**
 * Points every planned tag at the manifest (one PUT per tag, or one PUT with `?tag=` where supported),
 * leaves tags already there alone, then checks the end state (see `settle`).
 */
export declare function applyPlan(options: ApplyPlanOptions): Promise<TagOutcome[]>;
