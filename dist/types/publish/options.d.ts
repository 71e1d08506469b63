import type { Logger } from '../util/log.js';
import type { WriterFactory } from './targets.js';
/** Pushes one reference (`registry/repository:tag`) with the builder and returns the manifest digest. */
export type PushPrimary = (reference: string) => Promise<{
    digest: string;
}>;
export interface PublishTagsOptions {
    /** Image names without tags, one per registry/repository (e.g. GHCR and ECR). */
    images: readonly string[];
    tags: readonly string[];
    /** This build's version for the guard; by default the first full-version tag. */
    version?: string;
    primaryTag?: string;
    /** On by default. */
    guardFloatingTags?: boolean;
    /** Why this release moves no floating tag although its version is stable (see PublishPlanInput). */
    prerelease?: string;
    /** The tag writer for each registry host (see `registryWriters`). */
    writers: WriterFactory;
    /** `writes` (default): each PUT's answer confirms the digest; `full`: one HEAD per tag at the end. */
    verify?: 'writes' | 'full';
    /**
     * Look at every tag that exists (one HEAD each, all at once) and write only those not on this
     * image yet. For an image whose tags most likely point at it already (a graph's reused image on a
     * re-run): nothing is written then. Off by default, where a PUT of a moving tag costs what a HEAD does.
     */
    lookFirst?: boolean;
    logger?: Logger;
}
/** What only the push needs; may also be given to `completePublish`, once the build has run. */
export interface CompletePublishOptions {
    /**
     * The built image's config digest (its image ID). When a target already has the primary tag on a
     * manifest with this config, the push is skipped and that manifest is used: a re-run then never
     * pushes to an existing tag, which ECR refuses in IMMUTABLE repositories even for the same image.
     */
    localConfigDigest?: string;
    /**
     * Cache refs that are the published image itself (inline cache): each is pointed at the published
     * manifest after the tags, one PUT, and never reported as a published tag.
     */
    cacheRefs?: readonly {
        image: string;
        tag: string;
    }[];
}
export interface PublishOptions extends PublishTagsOptions, CompletePublishOptions {
    pushPrimary: PushPrimary;
}
export interface PromoteOptions extends PublishTagsOptions {
    /** An existing `image:tag` or `image@digest` to publish under `tags`. */
    source: string;
    /**
     * Publish a new manifest over the source's config and layers that carries these annotations (see
     * annotateManifest) instead of the source's own manifest; no blob moves either way.
     */
    annotations?: Readonly<Record<string, string>>;
}
