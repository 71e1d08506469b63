import { DescribeImagesCommand, ImageNotFoundException, type ECRClient } from '@aws-sdk/client-ecr';

/** What ECR knows about a pushed image, for the report (USERS.md #1 writes this table by hand). */
export interface EcrImageDetails {
  repository: string;
  digest: string;
  tags: string[];
  /** Compressed size of the layers as ECR stores them. */
  sizeBytes?: number;
  pushedAt?: string;
  mediaType?: string;
}

export interface DescribeEcrImageOptions {
  client: ECRClient;
  repository: string;
  /** A digest (`sha256:…`) or a tag. */
  reference: string;
  registryId?: string;
}

/** DescribeImages for one image; undefined when ECR has no such image. */
export async function describeEcrImage(
  options: DescribeEcrImageOptions,
): Promise<EcrImageDetails | undefined> {
  const imageId = options.reference.startsWith('sha256:')
    ? { imageDigest: options.reference }
    : { imageTag: options.reference };
  try {
    const response = await options.client.send(
      new DescribeImagesCommand({
        ...(options.registryId !== undefined && { registryId: options.registryId }),
        repositoryName: options.repository,
        imageIds: [imageId],
      }),
    );
    const detail = response.imageDetails?.[0];
    if (!detail?.imageDigest) return undefined;
    return {
      repository: options.repository,
      digest: detail.imageDigest,
      tags: [...(detail.imageTags ?? [])].sort(),
      ...(detail.imageSizeInBytes !== undefined && { sizeBytes: detail.imageSizeInBytes }),
      ...(detail.imagePushedAt && { pushedAt: detail.imagePushedAt.toISOString() }),
      ...(detail.imageManifestMediaType && { mediaType: detail.imageManifestMediaType }),
    };
  } catch (error) {
    if (error instanceof ImageNotFoundException) return undefined;
    throw error;
  }
}
