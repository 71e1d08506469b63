import type { RegistryClient } from '../registry/client.js';
import { manifestBlobs } from '../registry/manifest.js';
import {
  formatReference,
  type ImageReference,
  InvalidReferenceError,
  parseReference,
} from '../registry/reference.js';
import { RegistryError } from '../registry/transport/errors.js';
import { RegistryAuthError } from '../registry/transport/transport.js';
import { InputError } from '../util/errors.js';
import { type Logger, silentLogger } from '../util/log.js';
import { applyPlan } from './apply.js';
import { PublishError } from './errors.js';
import { planPublish, type PublishPlan } from './plan.js';
import type { PublishResult, RegistryPublishResult } from './result.js';
import type { ManifestBytes, TagWriter } from './tag-writer.js';
import { parseImages, type WriterFactory } from './targets.js';

/** Pushes one reference (`registry/repository:tag`) with the builder and returns the manifest digest. */
export type PushPrimary = (reference: string) => Promise<{ digest: string }>;

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

interface Target {
  ref: ImageReference;
  image: string;
  writer: TagWriter;
  existingTags: string[];
  plan: PublishPlan;
  /** Requests the checks before the first push took. */
  preflightRequests: number;
}

/**
 * Publishes one built image under every tag in every image repository: the builder pushes the primary
 * tag once per registry, then each other tag is a manifest PUT of the same bytes. Everything that can
 * be wrong with the input or the registries is found before the first push.
 */
export async function publish(options: PublishOptions): Promise<PublishResult> {
  const logger = options.logger ?? silentLogger;
  const targets = await prepareTargets(options);
  const registries: RegistryPublishResult[] = [];
  for (const target of targets) {
    const reference = formatReference({ ...target.ref, tag: target.plan.primary.tag });
    logger.info(`pushing ${reference}`);
    const before = target.writer.requestCount?.() ?? 0;
    let digest: string;
    try {
      ({ digest } = await options.pushPrimary(reference));
    } catch (error) {
      throw new PublishError(target.image, `pushing ${reference}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const manifest = await readBack(target, digest);
    registries.push(await finish(target, manifest, true, before, options, logger));
  }
  return summarise(registries, targets);
}

/**
 * Publishes an existing image (a tag or digest) under new tags, through the same plan and writes as
 * `publish`: nothing is rebuilt or re-uploaded. Targets in the source's registry only.
 */
export async function promote(options: PromoteOptions): Promise<PublishResult> {
  const logger = options.logger ?? silentLogger;
  const source = parseSource(options.source);
  const sourceWriter = options.writers(source.registry);
  const sourceRef = source.digest ?? (source.tag as string);
  const manifest = await sourceWriter.getManifest(source.repository, sourceRef).catch((error: unknown) => {
    if (error instanceof RegistryError && error.status === 404) {
      throw new InputError('promote-from', `${options.source} does not exist in the registry`);
    }
    throw error;
  });
  const targets = await prepareTargets(options);
  for (const target of targets) {
    if (target.ref.registry !== source.registry) {
      // Read by digest (every TagWriter can): the image must already be there, promote moves no blobs.
      const missing = await target.writer.getManifest(target.ref.repository, manifest.digest).then(
        () => undefined,
        (error: Error) => error.message,
      );
      if (missing !== undefined) {
        throw new InputError(
          'promote-from',
          `${manifest.digest} is not in ${target.image} (${missing}); promote copies no blobs between registries, publish it there first`,
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
    logger.info(`promoting ${options.source} (${manifest.digest}) to ${target.image}`);
    registries.push(await finish(target, manifest, false, before, options, logger));
  }
  return summarise(registries, targets);
}

/**
 * The pushed manifest's exact bytes, read by the primary tag: one request both fetches them and checks
 * the tag points at what the builder pushed. By digest if the tag moved meanwhile.
 */
async function readBack(target: Target, digest: string): Promise<ManifestBytes> {
  const { writer, ref, image, plan } = target;
  try {
    const byTag = await writer.getManifest(ref.repository, plan.primary.tag);
    if (byTag.digest === digest) return byTag;
    return await writer.getManifest(ref.repository, digest);
  } catch (error) {
    throw new PublishError(image, `reading back ${digest}: ${(error as Error).message}`, { cause: error });
  }
}

function parseSource(text: string): ImageReference {
  try {
    const ref = parseReference(text);
    if (!ref.tag && !ref.digest) throw new InputError('promote-from', `"${text}" needs a tag or a digest`);
    return ref;
  } catch (error) {
    if (error instanceof InvalidReferenceError) throw new InputError('promote-from', error.message);
    throw error;
  }
}

/** Blobs of a single-image manifest, mounted from the source repository in the same registry. */
async function mountInto(target: Target, source: ImageReference, bytes: Uint8Array): Promise<void> {
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

/**
 * Validates everything, then lists each repository's tags (which proves the registry answers and takes
 * our credentials, and feeds the guard): no push before this passes.
 */
async function prepareTargets(options: PublishTagsOptions): Promise<Target[]> {
  const refs = parseImages(options.images);
  // Validates tags, version and primary before any network call.
  planPublish({ ...options, existingTags: [] });
  const targets: Target[] = [];
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

async function finish(
  target: Target,
  manifest: ManifestBytes,
  primaryPushed: boolean,
  requestsBefore: number,
  options: PublishTagsOptions,
  logger: Logger,
): Promise<RegistryPublishResult> {
  const tags = await applyPlan({
    writer: target.writer,
    image: target.image,
    repository: target.ref.repository,
    manifest,
    plan: target.plan,
    existingTags: target.existingTags,
    primaryPushed,
    guardFloatingTags: options.guardFloatingTags ?? true,
    verify: options.verify,
    logger,
  });
  const after = target.writer.requestCount?.();
  return {
    image: target.image,
    registry: target.ref.registry,
    repository: target.ref.repository,
    digest: manifest.digest,
    mediaType: manifest.mediaType,
    tags,
    requests: after === undefined ? undefined : target.preflightRequests + after - requestsBefore,
  };
}

function summarise(registries: RegistryPublishResult[], targets: Target[]): PublishResult {
  const notices = registries.flatMap((r) =>
    r.tags.filter((t) => t.reason).map((t) => `${r.image}:${t.tag} ${t.status}: ${t.reason}`),
  );
  return { digest: registries[0]?.digest ?? '', version: targets[0]?.plan.version, registries, notices };
}
