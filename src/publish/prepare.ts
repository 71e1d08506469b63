import { formatReference, type ImageReference } from '../registry/reference.js';
import { RegistryAuthError } from '../registry/transport/transport.js';
import { PublishError } from './errors.js';
import type { CompletePublishOptions, PublishTagsOptions } from './options.js';
import { planPublish, type PublishPlan } from './plan.js';
import type { TagWriter } from '../registry/tag-writer.js';
import { parseImages } from './targets.js';

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
export async function preparePublish(
  options: PublishTagsOptions & CompletePublishOptions,
): Promise<PreparedPublish> {
  const targets = await prepareTargets(options);
  const primaryTag = targets[0].plan.primary.tag;
  return {
    primaryTag,
    references: targets.map((t) => formatReference({ ...t.ref, tag: primaryTag })),
    targets,
    options,
  };
}

/** The checks of `preparePublish`, shared with `promote`. */
export async function prepareTargets(options: PublishTagsOptions): Promise<PublishTarget[]> {
  const refs = parseImages(options.images);
  // Validates tags, version and primary before any network call.
  planPublish({ ...options, existingTags: [] });
  const targets: PublishTarget[] = [];
  for (const ref of refs) {
    const image = `${ref.registry}/${ref.repository}`;
    const writer = options.writers(ref.registry);
    const before = writer.requestCount?.() ?? 0;
    let existingTags: string[];
    try {
      existingTags = await writer.listTags(ref.repository);
    } catch (error) {
      if (error instanceof RegistryAuthError) throw new PublishError(image, error.message, { cause: error });
      throw new PublishError(image, `registry ${ref.registry} is not usable: ${describe(error)}`, {
        cause: error,
      });
    }
    const plan = planPublish({ ...options, existingTags });
    const preflightRequests = (writer.requestCount?.() ?? 0) - before;
    targets.push({ ref, image, writer, existingTags, plan, preflightRequests });
  }
  return targets;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ? `${error.message} (${cause.code})` : error.message;
}
