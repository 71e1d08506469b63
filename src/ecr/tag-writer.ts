import {
  BatchGetImageCommand,
  ImageAlreadyExistsException,
  ImageTagAlreadyExistsException,
  PutImageCommand,
  paginateListImages,
  type ECRClient,
  type ImageIdentifier,
} from '@aws-sdk/client-ecr';
import { sha256Digest } from '../registry/manifest.js';
import type { TagWriter } from '../registry/tag-writer.js';
import { parseEcrReference } from '../registry/ecr-reference.js';

/** Manifest types ECR may hold; BatchGetImage only returns the types it is told the caller accepts. */
export const ECR_MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
] as const;

export interface EcrTagWriterOptions {
  client: ECRClient;
  /** Account that owns the repositories; defaults to the caller's. */
  registryId?: string;
}

/** An immutable tag already points at another image: both digests, so the user can see which is which. */
export class EcrImmutableTagError extends Error {
  constructor(
    readonly repository: string,
    readonly tag: string,
    readonly existingDigest: string,
    readonly newDigest: string,
  ) {
    super(
      `tag "${tag}" in the IMMUTABLE ECR repository "${repository}" already points to ${existingDigest}, ` +
        `not to this image ${newDigest}; immutable tags cannot move: publish under a new tag, or make the repository MUTABLE`,
    );
    this.name = 'EcrImmutableTagError';
  }
}

/**
 * TagWriter for ECR: tags are added with PutImage of the manifest ECR already holds (BatchGetImage),
 * so no layer is uploaded again, and the immutable-tag rules are ECR's own.
 */
export function createEcrTagWriter(options: EcrTagWriterOptions): TagWriter {
  const { client } = options;
  const registry = options.registryId !== undefined ? { registryId: options.registryId } : {};

  /** The image, or undefined when ECR reports it not found; any other per-image failure is an error. */
  const fetchImage = async (repository: string, imageId: ImageIdentifier) => {
    const response = await client.send(
      new BatchGetImageCommand({
        ...registry,
        repositoryName: repositoryName(repository),
        imageIds: [imageId],
        acceptedMediaTypes: [...ECR_MANIFEST_MEDIA_TYPES],
      }),
    );
    const image = response.images?.[0];
    const failure = response.failures?.[0];
    // BatchGetImage answers 200 and lists failures: a KMS or upstream error is not "no such tag".
    if (!image && failure && failure.failureCode !== 'ImageNotFound') {
      const id = imageId.imageTag ?? imageId.imageDigest;
      throw new Error(
        `ECR BatchGetImage for ${repositoryName(repository)}:${id} failed: ${failure.failureCode}: ${failure.failureReason ?? ''}`.trim(),
      );
    }
    return image;
  };

  const resolveTag = async (repository: string, tag: string): Promise<string | undefined> =>
    (await fetchImage(repository, { imageTag: tag }))?.imageId?.imageDigest;

  return {
    resolveTag,

    async listTags(repository) {
      const tags: string[] = [];
      const pages = paginateListImages(
        { client },
        { ...registry, repositoryName: repositoryName(repository), filter: { tagStatus: 'TAGGED' } },
      );
      for await (const page of pages) {
        for (const id of page.imageIds ?? []) if (id.imageTag) tags.push(id.imageTag);
      }
      return [...new Set(tags)].sort();
    },

    async getManifest(repository, reference) {
      const imageId = reference.startsWith('sha256:') ? { imageDigest: reference } : { imageTag: reference };
      const image = await fetchImage(repository, imageId);
      if (!image?.imageManifest)
        throw new Error(`${repositoryName(repository)}:${reference} was not found in ECR`);
      const bytes = new TextEncoder().encode(image.imageManifest);
      const digest = sha256Digest(bytes);
      const reported = image.imageId?.imageDigest;
      if (reported && reported !== digest) {
        throw new Error(`ECR returned manifest bytes for ${reported} that hash to ${digest}`);
      }
      return { bytes, digest, mediaType: image.imageManifestMediaType ?? mediaTypeOf(image.imageManifest) };
    },

    async putTags(repository, manifest, tags) {
      const name = repositoryName(repository);
      const imageManifest = new TextDecoder().decode(manifest.bytes);
      for (const tag of tags) {
        try {
          await client.send(
            new PutImageCommand({
              ...registry,
              repositoryName: name,
              imageManifest,
              imageManifestMediaType: manifest.mediaType,
              imageDigest: manifest.digest,
              imageTag: tag,
            }),
          );
        } catch (error) {
          if (error instanceof ImageAlreadyExistsException) continue;
          if (!(error instanceof ImageTagAlreadyExistsException)) throw error;
          // Immutable repository: a re-run of the same build must pass, a different image must not.
          const existing = await resolveTag(name, tag);
          if (existing === manifest.digest) continue;
          throw new EcrImmutableTagError(name, tag, existing ?? 'an unknown digest', manifest.digest);
        }
      }
    },
  };
}

/** Accepts a bare repository name or a full ECR reference (`<host>/<name>`) from the publish plan. */
function repositoryName(repository: string): string {
  return parseEcrReference(repository)?.repository ?? repository;
}

function mediaTypeOf(manifest: string): string {
  const parsed = JSON.parse(manifest) as { mediaType?: string; manifests?: unknown };
  if (parsed.mediaType) return parsed.mediaType;
  return parsed.manifests ? ECR_MANIFEST_MEDIA_TYPES[0] : ECR_MANIFEST_MEDIA_TYPES[1];
}
