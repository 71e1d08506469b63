import { type Logger } from '../util/log.js';
import type { PublishResult } from './result.js';
import { type WriterFactory } from './targets.js';
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
    /** The tag writer for each registry host (see `registryWriters`). */
    writers: WriterFactory;
    /** `writes` (default): each PUT's answer confirms the digest; `full`: one HEAD per tag at the end. */
    verify?: 'writes' | 'full';
    logger?: Logger;
}
export interface PublishOptions extends PublishTagsOptions {
    pushPrimary: PushPrimary;
}
export interface PromoteOptions extends PublishTagsOptions {
    /** An existing `image:tag` or `image@digest` to publish under `tags`. */
    source: string;
}
/**
 * Publishes one built image under every tag in every image repository: the builder pushes the primary
 * tag once per registry, then each other tag is a manifest PUT of the same bytes. Everything that can
 * be wrong with the input or the registries is found before the first push.
 */
export declare function publish(options: PublishOptions): Promise<PublishResult>;
/**
 * Publishes an existing image (a tag or digest) under new tags, through the same plan and writes as
 * `publish`: nothing is rebuilt or re-uploaded. Targets in the source's registry only.
 */
export declare function promote(options: PromoteOptions): Promise<PublishResult>;
