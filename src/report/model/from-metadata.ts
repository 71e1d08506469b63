import { resolveBase, baseFromAnnotations, type BaseImageHint } from './base.js';
import { historyForLayers } from './history.js';
import {
  platformText,
  type DescriptorLike,
  type ImageConfigLike,
  type IndexLike,
  type ManifestLike,
} from './oci.js';
import { platformManifests } from './platforms.js';
import type { ImageModel, ImageSourceKind, LayerModel, PlatformSummary } from './types.js';

export interface ImageMetadataInput {
  /** Image name (`registry/repository`), shown in the report. */
  image: string;
  manifest: ManifestLike;
  config: ImageConfigLike;
  /** Digest of `manifest`. */
  digest?: string;
  /** The index the manifest was chosen from, for a multi-platform image. */
  index?: { digest?: string; document: IndexLike };
  tags?: readonly string[];
  base?: BaseImageHint;
  /** Default `registry`. */
  source?: ImageSourceKind;
  /**
   * False when the manifest's layer sizes are of uncompressed tars (`docker save`'s legacy layout, an
   * uncompressed OCI layout): then no compressed size is claimed.
   */
  compressedLayers?: boolean;
}

/** The image model from its manifest and config alone: no layer is downloaded. */
export function imageModelFromMetadata(input: ImageMetadataInput): ImageModel {
  const { manifest, config } = input;
  const compressed = input.compressedLayers ?? true;
  const diffIds = config.rootfs?.diff_ids ?? [];
  const descriptor = input.index?.document.manifests.find((entry) => entry.digest === input.digest);
  const annotated = baseFromAnnotations(manifest.annotations, descriptor?.annotations);
  const base = resolveBase(input.base ?? annotated, diffIds) ?? resolveBase(annotated, diffIds);
  const baseLayers = base?.layerCount ?? 0;
  const history = historyForLayers(manifest.layers.length, config.history);

  const layers = manifest.layers.map((layer, index): LayerModel => {
    const origin = index < baseLayers ? 'base' : 'own';
    const { instruction, createdAt } = history.layers[index];
    return {
      index,
      digest: layer.digest,
      diffId: diffIds[index],
      compressedBytes: compressed ? layer.size : undefined,
      uncompressedBytes: compressed ? undefined : layer.size,
      instruction:
        instruction ?? (origin === 'base' ? `base image layer ${index + 1}` : `layer ${index + 1}`),
      ...(instruction === undefined && { instructionInferred: true }),
      createdAt,
      origin,
    };
  });
  const healthTest = config.config?.Healthcheck?.Test;
  const platform = platformText(config) ?? platformText(descriptor?.platform);
  const model: ImageModel = {
    image: input.image,
    source: input.source ?? 'registry',
    digest: input.digest,
    indexDigest: input.index?.digest,
    platform,
    tags: [...(input.tags ?? [])],
    created: config.created,
    configBytes: manifest.config.size,
    compressedBytes: compressed ? pullBytes(manifest) : undefined,
    layers,
    base: base
      ? { ...base, name: base.name ?? annotated?.name, digest: base.digest ?? annotated?.digest }
      : undefined,
    user: config.config?.User,
    hasHealthcheck: Boolean(healthTest?.length && healthTest[0] !== 'NONE'),
    historyMismatch: history.mismatch || undefined,
  };
  if (input.index) {
    model.platforms = platformManifests(input.index.document).map((entry) =>
      entry.digest === input.digest && compressed
        ? summarisePlatform(entry, manifest)
        : summarisePlatform(entry),
    );
  }
  return model;
}

/** config + Σ compressed layers: what a cold pull of one platform transfers. */
export function pullBytes(manifest: ManifestLike): number {
  return manifest.layers.reduce((sum, layer) => sum + layer.size, manifest.config.size);
}

/** One index entry; give its manifest (read separately) for its size and layer count. */
export function summarisePlatform(entry: DescriptorLike, manifest?: ManifestLike): PlatformSummary {
  return {
    platform: platformText(entry.platform) ?? 'unknown',
    digest: entry.digest,
    ...(manifest && { compressedBytes: pullBytes(manifest), layerCount: manifest.layers.length }),
  };
}
