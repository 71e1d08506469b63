// An image's file-level analysis stored in its repository (tag `sha256-<hex>.analysis`), read back so
// that an unchanged image is reported without streaming its layers again. The bytes are decoded and
// checked in report/contents/stored.ts; this file only talks to the registry.
import { RegistryError, type ManifestBytes, type RegistryClient } from '../registry/index.js';
import {
  decodeAnalysisDocument,
  decodeAnalysisManifest,
  EMPTY_CONFIG,
  encodeStoredAnalysis,
  MAX_STORED_ANALYSIS_BYTES,
  storedAnalysisTag,
  type AnalysedImage,
  type AnalysisContext,
  type ContentAnalysis,
} from '../report/index.js';
import type { Logger } from '../util/log.js';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The stored analysis of `image`, or undefined (with a debug line saying why) when there is none or it
 * cannot be trusted: the caller then reads the layers. One manifest GET when the analysis is inline.
 */
export async function readStoredAnalysis(
  client: RegistryClient,
  repository: string,
  expected: AnalysisContext & { imageDigest: string; layerCount: number },
  logger: Logger,
  /** The GET of its manifest, when the caller started it early (`fetchStoredAnalysisManifest`). */
  fetched?: Promise<ManifestBytes>,
): Promise<ContentAnalysis | undefined> {
  const tag = storedAnalysisTag(expected.imageDigest);
  const ignore = (why: string) => {
    logger.debug(`report: the stored analysis ${repository}:${tag} is not used: ${why}`);
    return undefined;
  };
  try {
    const manifest = await (fetched ?? fetchStoredAnalysisManifest(client, repository, expected.imageDigest));
    const layer = decodeAnalysisManifest(manifest.bytes, expected.imageDigest);
    if (!layer.ok) return ignore(layer.reason);
    // getBlob checks the bytes against the digest; the size was capped by the manifest's decoder.
    const bytes =
      layer.value.inline ??
      (await client.getBlob(repository, layer.value.digest, {
        maxBytes: Math.min(layer.value.size, MAX_STORED_ANALYSIS_BYTES),
      }));
    const analysis = decodeAnalysisDocument(bytes, expected);
    return analysis.ok ? analysis.value : ignore(analysis.reason);
  } catch (error) {
    if (error instanceof RegistryError && error.status === 404) return ignore('there is none');
    return ignore(message(error));
  }
}

/**
 * The GET of the stored analysis's manifest alone, to start while other reads are in flight; give
 * the promise to `readStoredAnalysis`, which checks what it got. A failure is kept for it to judge.
 */
export function fetchStoredAnalysisManifest(
  client: RegistryClient,
  repository: string,
  imageDigest: string,
): Promise<ManifestBytes> {
  const fetched = client.getManifest(repository, storedAnalysisTag(imageDigest));
  fetched.catch(() => undefined);
  return fetched;
}

/**
 * Stores `analysis` as an OCI artifact whose subject is the image: the empty config (uploaded unless
 * the repository has it), the analysis JSON as its one layer (also inline in the manifest), and the
 * manifest under the image's analysis tag. Returns the tag; throws on a registry failure.
 */
export async function writeStoredAnalysis(
  client: RegistryClient,
  repository: string,
  image: AnalysedImage,
  analysis: ContentAnalysis,
  context: AnalysisContext,
): Promise<string | undefined> {
  const encoded = encodeStoredAnalysis(analysis, image, context);
  if (!encoded) return undefined;
  // The registry refuses a manifest whose blobs it does not have, inline data or not.
  if (!(await client.blobExists(repository, EMPTY_CONFIG.digest))) {
    await client.uploadBlob(repository, EMPTY_CONFIG.bytes);
  }
  await client.uploadBlob(repository, encoded.layer.bytes);
  const tag = storedAnalysisTag(image.digest);
  await client.putManifest(repository, tag, encoded.manifest);
  return tag;
}
