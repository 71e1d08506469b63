import type { EmulatedRepository } from './ecr-emulator.js';
import { tagIsImmutable, type EcrImageIndex, type ListedImage } from './ecr-images.js';
import { EcrFault, epochSeconds, invalidParameter, paginate } from './ecr-protocol.js';
import {
  ALL_MANIFEST_TYPES,
  RegistryRejection,
  sha256Digest,
  type EcrRegistryStore,
  type StoredManifest,
} from './ecr-registry.js';

/**
 * ECR's image operations over the real registry: BatchGetImage, PutImage, ListImages, DescribeImages
 * and DescribeImageScanFindings, with ECR's validation, per-image failures, pagination and exceptions.
 */
export interface ImageOperationsContext {
  accountId: string;
  store: EcrRegistryStore;
  images: EcrImageIndex;
  /** Throws RepositoryNotFoundException (or InvalidParameterException for a malformed name). */
  repositoryOf(body: Record<string, unknown>): EmulatedRepository;
  /** A manifest was stored: note the image and start its scan-on-push scan. */
  imagePushed(repository: string, digest: string): void;
  /** Scan answer for a pushed image, or undefined when no scan exists; `poll` advances the scan. */
  scanOf(repository: string, digest: string, poll: boolean): ScanAnswer | undefined;
  /** True when a registry is configured (unit tests run without one and know images only by digest). */
  hasRegistry: boolean;
  defaultPageSize: number;
}

export interface ScanAnswer {
  imageScanStatus: { status: string; description: string };
  imageScanFindings?: {
    imageScanCompletedAt: number;
    vulnerabilitySourceUpdatedAt: number;
    findingSeverityCounts: Record<string, number>;
    findings: unknown[];
  };
}

interface ImageId {
  imageTag?: string;
  imageDigest?: string;
}

const DIGEST = /^sha256:[a-f0-9]{64}$/;
const TAG_STATUSES = ['TAGGED', 'UNTAGGED', 'ANY'];
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export function imageOperations(context: ImageOperationsContext) {
  const { accountId, store, images } = context;

  /** The digest an image id names, or a failure code and reason as BatchGetImage reports them. */
  const resolve = async (
    repository: string,
    imageId: ImageId,
  ): Promise<{ digest: string } | { failureCode: string; failureReason: string }> => {
    if (imageId.imageDigest === undefined && imageId.imageTag === undefined) {
      return {
        failureCode: 'MissingDigestAndTag',
        failureReason: 'Invalid request parameters: both tag and digest cannot be null',
      };
    }
    if (imageId.imageDigest !== undefined && !DIGEST.test(imageId.imageDigest)) {
      return {
        failureCode: 'InvalidImageDigest',
        failureReason: 'Invalid request parameters: invalid image digest',
      };
    }
    if (imageId.imageTag !== undefined && (imageId.imageTag.length < 1 || imageId.imageTag.length > 300)) {
      return {
        failureCode: 'InvalidImageTag',
        failureReason: 'Invalid request parameters: invalid image tag',
      };
    }
    const notFound = { failureCode: 'ImageNotFound', failureReason: 'Requested image not found' };
    const byTag =
      imageId.imageTag !== undefined ? await store.headDigest(repository, imageId.imageTag) : undefined;
    if (imageId.imageTag !== undefined && !byTag) return notFound;
    if (imageId.imageDigest !== undefined) {
      if (byTag && byTag !== imageId.imageDigest) {
        return {
          failureCode: 'ImageTagDoesNotMatchDigest',
          failureReason: 'Invalid request parameters: given tag does not map to the given digest',
        };
      }
      return (await imageExists(repository, imageId.imageDigest))
        ? { digest: imageId.imageDigest }
        : notFound;
    }
    return { digest: byTag! };
  };

  const imageExists = async (repository: string, digest: string) =>
    images.known(repository, digest) ||
    context.scanOf(repository, digest, false) !== undefined ||
    (context.hasRegistry && (await store.headDigest(repository, digest)) === digest);

  const describeId = (imageId: ImageId) =>
    `{imageDigest:'${imageId.imageDigest ?? 'null'}', imageTag:'${imageId.imageTag ?? 'null'}'}`;
  const imageNotFound = (repository: string, imageId: ImageId) =>
    new EcrFault(
      'ImageNotFoundException',
      `The image with imageId ${describeId(imageId)} does not exist within the repository with name '${repository}' in the registry with id '${accountId}'`,
    );

  const tagStatusOf = (body: Record<string, unknown>): string => {
    const status = (body.filter as { tagStatus?: unknown } | undefined)?.tagStatus ?? 'ANY';
    if (typeof status !== 'string' || !TAG_STATUSES.includes(status)) {
      throw invalidParameter(
        'filter.tagStatus',
        `Member must satisfy enum value set: [${TAG_STATUSES.join(', ')}]`,
      );
    }
    return status;
  };
  const withStatus = (listed: ListedImage[], status: string) =>
    listed.filter((image) => status === 'ANY' || (status === 'TAGGED') === image.tags.length > 0);

  const imageIdsOf = (body: Record<string, unknown>, required: boolean): ImageId[] | undefined => {
    const ids = body.imageIds;
    if (ids === undefined && !required) return undefined;
    if (!Array.isArray(ids) || ids.length < 1 || ids.length > 100) {
      throw invalidParameter('imageIds', 'Member must have length between 1 and 100');
    }
    return ids.map((id) => checkImageId(id, 'imageIds'));
  };

  const detailOf = async (repository: EmulatedRepository, digest: string, tags: string[]) => {
    const manifest = await store.getManifest(repository.name, digest, ALL_MANIFEST_TYPES);
    const pushedAt = images.pushedAt(repository.name, digest);
    const scan = context.scanOf(repository.name, digest, false);
    const parsed = manifest ? (JSON.parse(manifest.bytes.toString('utf8')) as ManifestJson) : undefined;
    return {
      registryId: accountId,
      repositoryName: repository.name,
      imageDigest: digest,
      ...(tags.length > 0 && { imageTags: tags }),
      ...(manifest && { imageSizeInBytes: await sizeOf(repository.name, manifest) }),
      ...(pushedAt !== undefined && { imagePushedAt: epochSeconds(pushedAt) }),
      ...(manifest && { imageManifestMediaType: manifest.mediaType }),
      ...(parsed?.config?.mediaType && { artifactMediaType: parsed.config.mediaType }),
      ...(scan && { imageScanStatus: scan.imageScanStatus }),
      ...(scan?.imageScanFindings && {
        imageScanFindingsSummary: {
          imageScanCompletedAt: scan.imageScanFindings.imageScanCompletedAt,
          vulnerabilitySourceUpdatedAt: scan.imageScanFindings.vulnerabilitySourceUpdatedAt,
          findingSeverityCounts: scan.imageScanFindings.findingSeverityCounts,
        },
      }),
    };
  };

  /** Compressed layer bytes; for an index, the largest of its images (as ECR documents it). */
  const sizeOf = async (repository: string, manifest: StoredManifest): Promise<number> => {
    const parsed = JSON.parse(manifest.bytes.toString('utf8')) as ManifestJson;
    if (!parsed.manifests) return (parsed.layers ?? []).reduce((sum, layer) => sum + layer.size, 0);
    let largest = 0;
    for (const child of parsed.manifests) {
      const stored = await store.getManifest(repository, child.digest, ALL_MANIFEST_TYPES);
      if (stored && !/index|list/.test(stored.mediaType))
        largest = Math.max(largest, await sizeOf(repository, stored));
    }
    return largest;
  };

  return {
    BatchGetImage: async (body: Record<string, unknown>) => {
      const repository = context.repositoryOf(body);
      const imageIds = imageIdsOf(body, true)!;
      const accepted = body.acceptedMediaTypes as unknown;
      if (
        accepted !== undefined &&
        (!Array.isArray(accepted) || accepted.length < 1 || accepted.length > 100)
      ) {
        throw invalidParameter('acceptedMediaTypes', 'Member must have length between 1 and 100');
      }
      const result = { images: [] as unknown[], failures: [] as unknown[] };
      for (const imageId of imageIds) {
        const found = await resolve(repository.name, imageId);
        if ('failureCode' in found) {
          result.failures.push({ imageId, ...found });
          continue;
        }
        const manifest = await store.getManifest(repository.name, found.digest, ALL_MANIFEST_TYPES);
        // Without acceptedMediaTypes ECR answers with the manifest as stored. With them, a stored type
        // the caller does not accept is a per-image failure (the emulator converts nothing).
        if (!manifest || (Array.isArray(accepted) && !accepted.includes(manifest.mediaType))) {
          result.failures.push({
            imageId,
            failureCode: 'ImageNotFound',
            failureReason: 'Requested image not found',
          });
          continue;
        }
        result.images.push({
          registryId: accountId,
          repositoryName: repository.name,
          imageId: {
            imageDigest: manifest.digest,
            ...(imageId.imageTag !== undefined && { imageTag: imageId.imageTag }),
          },
          imageManifest: manifest.bytes.toString('utf8'),
          imageManifestMediaType: manifest.mediaType,
        });
      }
      return result;
    },

    PutImage: async (body: Record<string, unknown>) => {
      const repository = context.repositoryOf(body);
      const text = body.imageManifest;
      if (typeof text !== 'string' || text.length < 1 || Buffer.byteLength(text) > MAX_MANIFEST_BYTES) {
        throw invalidParameter('imageManifest', 'Member must have length between 1 and 4194304');
      }
      let declared: string | undefined;
      try {
        declared = (JSON.parse(text) as ManifestJson).mediaType;
      } catch {
        throw invalidParameter('ImageManifest', 'Invalid JSON syntax');
      }
      // A manifest without mediaType needs imageManifestMediaType, or ECR cannot tell what it is.
      const mediaType = (body.imageManifestMediaType as string | undefined) ?? declared;
      if (mediaType === undefined) throw invalidParameter('ImageManifest', 'Invalid JSON syntax');
      if (!ALL_MANIFEST_TYPES.includes(mediaType)) {
        throw invalidParameter('imageManifestMediaType', `Unsupported media type '${mediaType}'`);
      }
      const tag = body.imageTag as string | undefined;
      if (tag !== undefined && (typeof tag !== 'string' || tag.length < 1 || tag.length > 300)) {
        throw invalidParameter('imageTag', 'Member must have length between 1 and 300');
      }
      const bytes = Buffer.from(text, 'utf8');
      const digest = sha256Digest(bytes);
      if (body.imageDigest !== undefined && body.imageDigest !== digest) {
        throw new EcrFault(
          'ImageDigestDoesNotMatchException',
          `The specified digest ${String(body.imageDigest)} does not match the manifest's digest ${digest}`,
        );
      }
      const existing = await store.headDigest(repository.name, tag ?? digest);
      if (existing === digest) {
        throw new EcrFault(
          'ImageAlreadyExistsException',
          `Image with digest '${digest}' and tag '${tag ?? 'null'}' already exists in the repository with name '${repository.name}' in registry with id '${accountId}'`,
        );
      }
      if (tag !== undefined && existing && tagIsImmutable(repository, tag)) {
        throw new EcrFault(
          'ImageTagAlreadyExistsException',
          `The image tag '${tag}' already exists in the '${repository.name}' repository and cannot be overwritten because the repository is immutable.`,
        );
      }
      try {
        await store.putManifest(repository.name, tag ?? digest, bytes, mediaType);
      } catch (error) {
        throw asPutImageFault(error, repository.name, accountId, declared ?? mediaType);
      }
      context.imagePushed(repository.name, digest);
      return {
        image: {
          registryId: accountId,
          repositoryName: repository.name,
          imageId: { imageDigest: digest, ...(tag !== undefined && { imageTag: tag }) },
          imageManifest: text,
          imageManifestMediaType: mediaType,
        },
      };
    },

    ListImages: async (body: Record<string, unknown>) => {
      const repository = context.repositoryOf(body);
      const status = tagStatusOf(body);
      const listed = withStatus(await images.list(repository.name, store), status);
      const ids = listed.flatMap((image) =>
        image.tags.length > 0
          ? image.tags.map((tag) => ({ imageDigest: image.digest, imageTag: tag }))
          : [{ imageDigest: image.digest }],
      );
      const { page, nextToken } = paginate(
        ids,
        body,
        `ListImages ${repository.name} ${status}`,
        context.defaultPageSize,
      );
      return { imageIds: page, ...(nextToken && { nextToken }) };
    },

    DescribeImages: async (body: Record<string, unknown>) => {
      const repository = context.repositoryOf(body);
      const imageIds = imageIdsOf(body, false);
      if (imageIds) {
        if (body.maxResults !== undefined || body.nextToken !== undefined) {
          throw invalidParameter('maxResults', 'maxResults and nextToken cannot be used with imageIds');
        }
        const tagsByDigest = new Map(
          (await images.list(repository.name, store)).map((image) => [image.digest, image.tags]),
        );
        const details = [];
        const seen = new Set<string>();
        for (const imageId of imageIds) {
          const found = await resolve(repository.name, imageId);
          if ('failureCode' in found) {
            if (found.failureCode === 'ImageNotFound') throw imageNotFound(repository.name, imageId);
            throw invalidParameter('imageIds', found.failureReason);
          }
          if (seen.has(found.digest)) continue;
          seen.add(found.digest);
          details.push(await detailOf(repository, found.digest, tagsByDigest.get(found.digest) ?? []));
        }
        return { imageDetails: details };
      }
      const status = tagStatusOf(body);
      const listed = withStatus(await images.list(repository.name, store), status);
      const { page, nextToken } = paginate(
        listed,
        body,
        `DescribeImages ${repository.name} ${status}`,
        context.defaultPageSize,
      );
      const details = [];
      for (const image of page) details.push(await detailOf(repository, image.digest, image.tags));
      return { imageDetails: details, ...(nextToken && { nextToken }) };
    },

    DescribeImageScanFindings: async (body: Record<string, unknown>) => {
      const repository = context.repositoryOf(body);
      const imageId = checkImageId(body.imageId, 'imageId');
      const found = await resolve(repository.name, imageId);
      if ('failureCode' in found) {
        if (found.failureCode === 'ImageNotFound') throw imageNotFound(repository.name, imageId);
        throw invalidParameter('imageId', found.failureReason);
      }
      const scan = context.scanOf(repository.name, found.digest, true);
      if (!scan) {
        throw new EcrFault(
          'ScanNotFoundException',
          `Image scan does not exist for the image with '${describeId(imageId)}' in the repository with name '${repository.name}' in the registry with id '${accountId}'`,
        );
      }
      return {
        registryId: accountId,
        repositoryName: repository.name,
        imageId: {
          imageDigest: found.digest,
          ...(imageId.imageTag !== undefined && { imageTag: imageId.imageTag }),
        },
        ...scan,
      };
    },
  };
}

/** An ImageIdentifier as the JSON protocol would deserialize it: an object of optional strings. */
function checkImageId(value: unknown, name: string): ImageId {
  const id = value as Record<string, unknown> | null;
  if (typeof id !== 'object' || id === null || Array.isArray(id)) {
    throw new EcrFault('SerializationException', `${name}: an ImageIdentifier must be an object`);
  }
  for (const field of ['imageDigest', 'imageTag']) {
    if (id[field] !== undefined && typeof id[field] !== 'string') {
      throw new EcrFault('SerializationException', `${name}.${field} must be a string`);
    }
  }
  return id as ImageId;
}

interface ManifestJson {
  mediaType?: string;
  config?: { mediaType?: string };
  layers?: { size: number }[];
  manifests?: { digest: string }[];
}

/** The registry refused the manifest: ECR names missing layers and referenced images, the rest is invalid input. */
function asPutImageFault(error: unknown, repository: string, accountId: string, mediaType: string): unknown {
  if (!(error instanceof RegistryRejection)) return error;
  if (error.status >= 500) return new EcrFault('ServerException', error.message, 500);
  const missing = error.errors.filter((e) => /BLOB_UNKNOWN|MANIFEST_UNKNOWN/.test(e.code));
  if (missing.length > 0) {
    // distribution puts the digest itself in `detail` (some registries wrap it in an object).
    const digests = missing.map((e) =>
      typeof e.detail === 'string'
        ? e.detail
        : String((e.detail as { digest?: string } | undefined)?.digest ?? '?'),
    );
    return /index|list/.test(mediaType)
      ? new EcrFault(
          'ReferencedImagesNotFoundException',
          `Images with digests '[${digests.join(', ')}]' referenced by the manifest list do not exist in the repository with name '${repository}' in the registry with id '${accountId}'`,
        )
      : new EcrFault(
          'LayersNotFoundException',
          `Layers with digests '[${digests.join(', ')}]' required for pushing image into repository with name '${repository}' in the registry with id '${accountId}' do not exist`,
        );
  }
  return invalidParameter(
    'ImageManifest',
    error.errors.map((e) => e.message).join('; ') || `registry answered ${error.status}`,
  );
}
