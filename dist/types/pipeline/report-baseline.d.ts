import { type RegistryClient } from '../registry/index.js';
import { type ContentAnalysis, type ImageModel, type OpenLayer } from '../report/index.js';
import { type MetadataInputs, type MetadataResult, type RunContext } from '../tags/index.js';
import { type ImageRead } from './image-reader.js';
import type { BaselineChoice } from './report-inputs.js';
/** The baseline to compare with, and why it is that one (for the notice when it does not exist). */
export interface BaselineTarget {
    reference: string;
    /** How the report names it: `app:main`, `app:1.2.2`. */
    label: string;
    /** `the base branch main`, `the previous version 1.2.2`, `report-baseline`. */
    why: string;
}
/**
 * The tag a push to `branch` gets from the `type=ref,event=branch` rule (with its prefix, suffix and
 * the flavor's), or, without such a rule, the branch name made a tag as that rule would.
 */
export declare function baseBranchTag(inputs: MetadataInputs, context: RunContext, branch: string): string;
/**
 * The highest version below `version` among a repository's tags, in the version tag's family
 * (`1.4.2-alpine` for `1.4.3-alpine`). A release compares with the release before it; a pre-release
 * with whatever version came before it, pre-releases included.
 */
export declare function previousVersionTag(tagNames: readonly string[], version: string, existingTags: readonly string[]): string | undefined;
export interface BaselineFacts {
    choice: BaselineChoice;
    /** The first image (`registry/repository`) this run builds. */
    image?: string;
    context: RunContext;
    metadataInputs: MetadataInputs;
    metadata: MetadataResult;
    /** The image repository's tags before publishing (a release's baseline). */
    existingTags?: readonly string[];
    /** GITHUB_BASE_REF. */
    baseRef?: string;
}
/**
 * The baseline: `report-baseline` when given; by default, on a pull request the image of the base
 * branch's tag, on a release (a version) the previous version among the repository's tags. Other runs
 * (a push to a branch) have none by default.
 */
export declare function chooseBaseline(facts: BaselineFacts): BaselineTarget | undefined;
/** A baseline that is not there: the registry says the manifest (or repository) is unknown. */
export declare function isMissingImage(error: unknown): boolean;
/**
 * The baseline with each layer's uncompressed size, so the current image's sizes from its contents
 * have something to compare with: a layer the current image also has (same diff_id) is the same size;
 * each other one is read on its own (a layer's size does not depend on the layers below it). Past
 * `limitBytes` of layers to read, none is, with a notice.
 */
export declare function withBaselineLayerSizes(baseline: ImageModel, current: {
    model: ImageModel;
    contents: ContentAnalysis;
}, open: OpenLayer, limitBytes: number): Promise<{
    model: ImageModel;
    notice?: string;
}>;
/**
 * A baseline from its registry: metadata (the current image's platform), and with the current image's
 * contents, the uncompressed sizes of its layers (see withBaselineLayerSizes).
 */
export declare function readRegistryBaseline(clientFor: (registry: string) => RegistryClient, reference: string, current: ImageRead, contentsLimitBytes: number): Promise<{
    model: ImageModel;
    notice?: string;
}>;
