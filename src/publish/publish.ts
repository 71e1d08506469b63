import type { RegistryClient } from '../registry/client.js';
import { manifestBlobs, manifestConfigDigest } from '../registry/manifest.js';
import type { ImageReference } from '../registry/reference.js';
import { RegistryError } from '../registry/transport/errors.js';
import { InputError } from '../util/errors.js';
import { type Logger, silentLogger } from '../util/log.js';
import { applyPlan, type PrimaryState } from './apply.js';
import { PublishError } from './errors.js';
import { parsePromoteSource } from './image-input.js';
import type {
  CompletePublishOptions,
  PromoteOptions,
  PublishOptions,
  PublishTagsOptions,
  PushPrimary,
} from './options.js';
import { type PreparedPublish, preparePublish, prepareTargets, type PublishTarget } from './prepare.js';
import { annotateManifest } from './release-manifest.js';
import type { PublishResult, RegistryPublishResult } from './result.js';
import type { ManifestBytes } from '../registry/tag-writer.js';

export type { PromoteOptions, PublishOptions, PublishTagsOptions, PushPrimary } from './options.js';

/**
 * Publishes one built image under every tag in every image repository: the builder pushes the primary
 * tag once per registry, then each other tag is a manifest PUT of the same bytes. Everything that can
 * be wrong with the input or the registries is found before the first push. `preparePublish` +
 * `completePublish`, for callers with nothing to do in between.
 */
export async function publish(options: PublishOptions): Promise<PublishResult> {
  const { pushPrimary, ...rest } = options;
  return completePublish(await preparePublish(rest), pushPrimary);
}

/**
 * The push after the build: per target, the builder pushes the primary tag (skipped when the tag is
 * already on a manifest with `localConfigDigest`), then every other tag is written. `after` overrides
 * what was given to `preparePublish` (the config digest is known only once the build ran).
 */
export async function completePublish(
  prepared: PreparedPublish,
  pushPrimary: PushPrimary,
  after: CompletePublishOptions = {},
): Promise<PublishResult> {
  const options = {
    ...prepared.options,
    localConfigDigest: after.localConfigDigest ?? prepared.options.localConfigDigest,
    cacheRefs: after.cacheRefs ?? prepared.options.cacheRefs,
  };
  const logger = options.logger ?? silentLogger;
  const registries: RegistryPublishResult[] = [];
  for (const [index, target] of prepared.targets.entries()) {
    const reference = prepared.references[index];
    const before = target.writer.requestCount?.() ?? 0;
    const existing = await alreadyThere(target, options.localConfigDigest);
    if (existing) {
      logger.info(`${reference} already holds this image (config ${options.localConfigDigest}): not pushing`);
      registries.push(await finish(target, existing, 'unchanged', before, options, logger));
      continue;
    }
    logger.info(`pushing ${reference}`);
    let digest: string;
    try {
      ({ digest } = await pushPrimary(reference));
    } catch (error) {
      throw new PublishError(target.image, `pushing ${reference}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const manifest = await readBack(target, digest);
    registries.push(await finish(target, manifest, 'pushed', before, options, logger));
  }
  return summarise(registries, prepared.targets);
}

/**
 * The manifest the primary tag already points at, when it is this build's image (same config digest):
 * pushing it again would change nothing, and an immutable repository would refuse it. One GET, made
 * only when the tag was listed in prepare. An index has no config of its own, so it is always pushed.
 */
async function alreadyThere(
  target: PublishTarget,
  localConfigDigest: string | undefined,
): Promise<ManifestBytes | undefined> {
  const tag = target.plan.primary.tag;
  if (!localConfigDigest || !target.existingTags.includes(tag)) return undefined;
  // Unreadable now (deleted meanwhile, say): push as if it were not there.
  const manifest = await target.writer.getManifest(target.ref.repository, tag).catch(() => undefined);
  return manifest && manifestConfigDigest(manifest.bytes) === localConfigDigest ? manifest : undefined;
}

/**
 * Publishes an existing image (a tag or digest) under new tags, through the same plan and writes as
 * `publish`: nothing is rebuilt or re-uploaded. Targets in the source's registry only.
 */
export async function promote(options: PromoteOptions): Promise<PublishResult> {
  const logger = options.logger ?? silentLogger;
  const source = parsePromoteSource(options.source);
  const sourceWriter = options.writers(source.registry);
  const sourceRef = source.digest ?? (source.tag as string);
  // The source and the targets' tag lists are read at once: neither needs the other.
  const targetsRead = prepareTargets(options);
  targetsRead.catch(() => undefined);
  const found = await sourceWriter.getManifest(source.repository, sourceRef).catch((error: unknown) => {
    if (error instanceof RegistryError && error.status === 404) {
      throw new InputError('promote-from', `${options.source} does not exist in the registry`);
    }
    throw error;
  });
  const manifest = options.annotations ? annotated(found, options.annotations, logger) : found;
  const targets = await targetsRead;
  for (const target of targets) {
    if (target.ref.registry !== source.registry) {
      // Read by digest (every TagWriter can): the image must already be there, promote moves no blobs.
      const missing = await target.writer.getManifest(target.ref.repository, found.digest).then(
        () => undefined,
        (error: Error) => error.message,
      );
      if (missing !== undefined) {
        throw new InputError(
          'promote-from',
          `${found.digest} is not in ${target.image} (${missing}); promote copies no blobs between registries, publish it there first`,
        );
      }
    }
  }
  const registries: RegistryPublishResult[] = [];
  for (const target of targets) {
    const before = target.writer.requestCount?.() ?? 0;
    if (target.ref.registry === source.registry && target.ref.repository !== source.repository) {
      await mountInto(target, source, manifest.bytes);
    }
    logger.info(`promoting ${options.source} (${describePromoted(found, manifest)}) to ${target.image}`);
    registries.push(await finish(target, manifest, 'write', before, options, logger));
  }
  return summarise(registries, targets);
}

function annotated(
  found: ManifestBytes,
  annotations: Readonly<Record<string, string>>,
  logger: Logger,
): ManifestBytes {
  const result = annotateManifest(found, annotations);
  if (!result.annotated) logger.warning(`publishing ${found.digest} without annotations: ${result.reason}`);
  return result.manifest;
}

function describePromoted(found: ManifestBytes, manifest: ManifestBytes): string {
  return found.digest === manifest.digest ? found.digest : `${found.digest}, annotated as ${manifest.digest}`;
}

/**
 * The pushed manifest's exact bytes, read by the primary tag: one request both fetches them and checks
 * the tag points at what the builder pushed. By digest if the tag moved meanwhile.
 */
async function readBack(target: PublishTarget, digest: string): Promise<ManifestBytes> {
  const { writer, ref, image, plan } = target;
  try {
    const byTag = await writer.getManifest(ref.repository, plan.primary.tag);
    if (byTag.digest === digest) return byTag;
    return await writer.getManifest(ref.repository, digest);
  } catch (error) {
    throw new PublishError(image, `reading back ${digest}: ${(error as Error).message}`, { cause: error });
  }
}

/** Blobs of a single-image manifest, mounted from the source repository in the same registry. */
async function mountInto(target: PublishTarget, source: ImageReference, bytes: Uint8Array): Promise<void> {
  const client = target.writer as Partial<RegistryClient>;
  if (!client.mountBlob) return;
  for (const blob of manifestBlobs(bytes)) {
    const mounted = await client.mountBlob(target.ref.repository, blob.digest, source.repository);
    if (!mounted)
      throw new PublishError(
        target.image,
        `the registry would not mount ${blob.digest} from ${source.repository}`,
      );
  }
}

async function finish(
  target: PublishTarget,
  manifest: ManifestBytes,
  primary: PrimaryState,
  requestsBefore: number,
  options: PublishTagsOptions & CompletePublishOptions,
  logger: Logger,
): Promise<RegistryPublishResult> {
  const tags = await applyPlan({
    writer: target.writer,
    image: target.image,
    repository: target.ref.repository,
    manifest,
    plan: target.plan,
    existingTags: target.existingTags,
    primary,
    guardFloatingTags: options.guardFloatingTags ?? true,
    verify: options.verify,
    lookFirst: options.lookFirst,
    logger,
  });
  const cacheTags = (options.cacheRefs ?? [])
    .filter((ref) => ref.image === target.image)
    .map((ref) => ref.tag);
  if (cacheTags.length) {
    // The image is published by now: a cache ref that could not be written only slows the next build.
    await target.writer
      .putTags(target.ref.repository, manifest, cacheTags)
      .catch((error: unknown) =>
        logger.warning(
          `cache ref ${target.image}:${cacheTags.join(',')} not written: ${(error as Error).message}`,
        ),
      );
  }
  const after = target.writer.requestCount?.();
  return {
    image: target.image,
    registry: target.ref.registry,
    repository: target.ref.repository,
    digest: manifest.digest,
    mediaType: manifest.mediaType,
    tags,
    ...(cacheTags.length ? { cacheTags } : {}),
    manifest,
    requests: after === undefined ? undefined : target.preflightRequests + after - requestsBefore,
  };
}

function summarise(registries: RegistryPublishResult[], targets: readonly PublishTarget[]): PublishResult {
  const notices = registries.flatMap((r) =>
    r.tags.filter((t) => t.reason).map((t) => `${r.image}:${t.tag} ${t.status}: ${t.reason}`),
  );
  return { digest: registries[0]?.digest ?? '', version: targets[0]?.plan.version, registries, notices };
}
