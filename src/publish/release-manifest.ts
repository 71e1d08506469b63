import { MEDIA_TYPES, sha256Digest } from '../registry/manifest.js';
import type { ManifestBytes } from '../registry/tag-writer.js';

/**
 * Docker's blob media types and their OCI equivalents. The blob bytes (so the digests) are the same:
 * only the descriptor's name for the format changes.
 */
const OCI_BLOB_TYPES: Readonly<Record<string, string>> = {
  'application/vnd.docker.container.image.v1+json': 'application/vnd.oci.image.config.v1+json',
  'application/vnd.docker.image.rootfs.diff.tar.gzip': 'application/vnd.oci.image.layer.v1.tar+gzip',
  'application/vnd.docker.image.rootfs.diff.tar': 'application/vnd.oci.image.layer.v1.tar',
  'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip':
    'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
};

const OCI_TYPES = new Set<string>([
  ...Object.values(OCI_BLOB_TYPES),
  'application/vnd.oci.image.layer.v1.tar+zstd',
  'application/vnd.oci.image.layer.nondistributable.v1.tar',
  'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd',
]);

interface Descriptor {
  mediaType?: string;
  digest: string;
  size: number;
  [key: string]: unknown;
}

export type AnnotateResult =
  | { manifest: ManifestBytes; annotated: true }
  | { manifest: ManifestBytes; annotated: false; reason: string };

/**
 * The same image with `annotations` on its top-level manifest: an OCI image manifest over the same
 * config and layers (a Docker v2 manifest has no annotations, so its descriptors take their OCI media
 * types, which keeps every blob digest), or an OCI index over the same child manifests (a Docker
 * manifest list becomes one). Existing annotations stay unless `annotations` names the same key. No
 * blob is read or written: registries take the new manifest with one PUT, because every blob it names
 * is already in the repository. A manifest this cannot convert is returned as it is, with the reason.
 */
export function annotateManifest(
  source: ManifestBytes,
  annotations: Readonly<Record<string, string>>,
): AnnotateResult {
  const unchanged = (reason: string): AnnotateResult => ({ manifest: source, annotated: false, reason });
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(Buffer.from(source.bytes).toString('utf8')) as Record<string, unknown>;
  } catch {
    return unchanged('the manifest is not JSON');
  }
  const kind = manifestKind(source.mediaType, parsed);
  if (!kind) return unchanged(`a ${source.mediaType} manifest cannot carry annotations`);
  const merged = { ...(asStrings(parsed.annotations) ?? {}), ...annotations };
  const { schemaVersion: _schema, mediaType: _type, annotations: _old, ...rest } = parsed;

  let body: Record<string, unknown>;
  if (kind === 'index') {
    body = { schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex, ...rest, annotations: merged };
  } else {
    const config = toOci(parsed.config as Descriptor);
    const layers = (parsed.layers as Descriptor[]).map(toOci);
    const unknown = [config, ...layers].find((d) => !d.mediaType || !OCI_TYPES.has(d.mediaType));
    // An artifact (a config that is not an image's) or a compression docker cannot name: not an image to pull.
    if (unknown)
      return unchanged(`its blob type ${unknown.mediaType ?? '(none)'} has no OCI image equivalent`);
    body = {
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociManifest,
      ...rest,
      config,
      layers,
      annotations: merged,
    };
  }
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  const mediaType = kind === 'index' ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.ociManifest;
  return { manifest: { bytes, mediaType, digest: sha256Digest(bytes) }, annotated: true };
}

function manifestKind(mediaType: string, parsed: Record<string, unknown>): 'image' | 'index' | undefined {
  if (parsed.schemaVersion !== 2) return undefined;
  if (mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerManifestList)
    return Array.isArray(parsed.manifests) ? 'index' : undefined;
  if (mediaType === MEDIA_TYPES.ociManifest || mediaType === MEDIA_TYPES.dockerManifest) {
    const config = parsed.config as Descriptor | undefined;
    return config?.digest && Array.isArray(parsed.layers) ? 'image' : undefined;
  }
  return undefined;
}

function toOci(descriptor: Descriptor): Descriptor {
  const mediaType = descriptor.mediaType && (OCI_BLOB_TYPES[descriptor.mediaType] ?? descriptor.mediaType);
  return { ...descriptor, mediaType };
}

function asStrings(value: unknown): Record<string, string> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}
