import type { CompletePublishOptions, PromoteOptions, PublishOptions, PushPrimary } from './options.js';
import { type PreparedPublish } from './prepare.js';
import type { PublishResult } from './result.js';
export type { PromoteOptions, PublishOptions, PublishTagsOptions, PushPrimary } from './options.js';
/**
 * Publishes one built image under every tag in every image repository: the builder pushes the primary
 * tag once per registry, then each other tag is a manifest PUT of the same bytes. Everything that can
 * be wrong with the input or the registries is found before the first push. `preparePublish` +
 * `completePublish`, for callers with nothing to do in between.
 */
export declare function publish(options: PublishOptions): Promise<PublishResult>;
/**
 * The push after the build: per target, the builder pushes the primary tag (skipped when the tag is
 * already on a manifest with `localConfigDigest`), then every other tag is written. `after` overrides
 * what was given to `preparePublish` (the config digest is known only once the build ran).
 */
export declare function completePublish(prepared: PreparedPublish, pushPrimary: PushPrimary, after?: CompletePublishOptions): Promise<PublishResult>;
/**
 * Publishes an existing image (a tag or digest) under new tags, through the same plan and writes as
 * `publish`: nothing is rebuilt or re-uploaded. Targets in the source's registry only.
 */
export declare function promote(options: PromoteOptions): Promise<PublishResult>;
