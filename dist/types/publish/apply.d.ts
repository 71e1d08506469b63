import type { Logger } from '../util/log.js';
import type { PublishPlan } from './plan.js';
import type { TagOutcome } from './result.js';
import type { ManifestBytes, TagWriter } from './tag-writer.js';
export interface ApplyPlanOptions {
    writer: TagWriter;
    /** `registry/repository`, for messages. */
    image: string;
    repository: string;
    manifest: ManifestBytes;
    plan: PublishPlan;
    /** Tags in the repository before we started. */
    existingTags: readonly string[];
    /** True when the builder already pushed the primary tag; false when promoting (we write it too). */
    primaryPushed: boolean;
    guardFloatingTags: boolean;
    /** `writes` (default): trust each PUT's confirmed digest; `full`: re-read every tag at the end. */
    verify?: 'writes' | 'full';
    logger: Logger;
}
/**
 * Points every planned tag at the manifest (one PUT per tag, or one PUT with `?tag=` where supported),
 * leaves tags already there alone, then checks the end state (see `settle`).
 */
export declare function applyPlan(options: ApplyPlanOptions): Promise<TagOutcome[]>;
