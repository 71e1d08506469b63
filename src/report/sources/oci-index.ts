import { InputError } from '../../util/errors.js';
import type { DescriptorLike, ImageConfigLike, IndexLike, ManifestLike } from '../model/oci.js';
import { platformManifests, selectPlatform } from '../model/platforms.js';
import { ImageContentError } from './errors.js';

const INDEX_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);
const REF_NAME = 'org.opencontainers.image.ref.name';
const DIGEST = /^sha(?:256:[a-f0-9]{64}|512:[a-f0-9]{128})$/;

export interface ResolvedImage {
  manifest: ManifestLike;
  digest: string;
  config: ImageConfigLike;
  /** The platform index the manifest came from, for a multi-platform image. */
  index?: { digest?: string; document: IndexLike };
  /** The ref name the layout gives the image (`org.opencontainers.image.ref.name`). */
  refName?: string;
}

export interface SelectImageOptions {
  /** `linux/arm64`: the platform to report on when the image has several. */
  platform?: string;
  /** Picks an image of a layout that holds several, by its ref name (`latest`, `1.2.3`). */
  tag?: string;
}

/** Blob paths come from files an attacker may write: only a well-formed digest names a file. */
export function blobPath(digest: string, label: string): string {
  if (!DIGEST.test(digest))
    throw new ImageContentError(`${label} names a blob by an invalid digest: ${digest.slice(0, 80)}`);
  const [algorithm, hex] = digest.split(':');
  return `blobs/${algorithm}/${hex}`;
}

/** The image an OCI layout's index.json points to, through a platform index when there is one. */
export async function resolveOciImage(
  top: IndexLike,
  readJson: (digest: string) => Promise<unknown>,
  options: SelectImageOptions,
  label: string,
): Promise<ResolvedImage> {
  if (!Array.isArray(top.manifests) || top.manifests.length === 0) {
    throw new ImageContentError(`${label} has an index.json without manifests`);
  }
  const entry = pickEntry(top, options.tag, label);
  let index: ResolvedImage['index'];
  let chosen = entry;
  if (entry.mediaType && INDEX_TYPES.has(entry.mediaType)) {
    const document = (await readJson(entry.digest)) as IndexLike;
    chosen = selectPlatform(document, options.platform);
    index = { digest: entry.digest, document };
  } else if (platformManifests(top).filter((item) => item.platform).length > 1) {
    chosen = selectPlatform(top, options.platform);
    index = { document: top };
  }
  const manifest = (await readJson(chosen.digest)) as ManifestLike;
  if (!manifest?.config?.digest || !Array.isArray(manifest.layers)) {
    throw new ImageContentError(`${label}: ${chosen.digest} is not an image manifest`);
  }
  const config = (await readJson(manifest.config.digest)) as ImageConfigLike;
  return { manifest, digest: chosen.digest, config, index, refName: entry.annotations?.[REF_NAME] };
}

function pickEntry(top: IndexLike, tag: string | undefined, label: string): DescriptorLike {
  if (!tag) return top.manifests[0];
  const found = top.manifests.find((item) => {
    const name = item.annotations?.[REF_NAME] ?? item.annotations?.['io.containerd.image.name'] ?? '';
    return name === tag || name.endsWith(`:${tag}`);
  });
  if (!found) {
    const names = top.manifests.map((item) => item.annotations?.[REF_NAME]).filter(Boolean);
    throw new InputError(
      'tag',
      `${label} has no image tagged ${tag}${names.length ? `; it has ${names.join(', ')}` : ''}`,
    );
  }
  return found;
}

/** Gzip'd (or zstd) layer media types: the sizes in the manifest are then compressed sizes. */
export function hasCompressedLayers(manifest: ManifestLike): boolean {
  return (
    manifest.layers.length > 0 && manifest.layers.every((layer) => /gzip|zstd/.test(layer.mediaType ?? ''))
  );
}
