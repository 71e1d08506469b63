import { createHash } from 'node:crypto';

export const MEDIA_TYPES = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
} as const;

/** Every manifest type we read and write; schema 1 is deprecated and refused by modern registries. */
export const MANIFEST_ACCEPT = Object.values(MEDIA_TYPES).join(', ');

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export interface Descriptor {
  mediaType?: string;
  digest: string;
  size: number;
}

/** The blobs a single-image manifest references (config first); an index references manifests instead. */
export function manifestBlobs(bytes: Uint8Array): Descriptor[] {
  const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as {
    config?: Descriptor;
    layers?: Descriptor[];
  };
  return [...(parsed.config ? [parsed.config] : []), ...(parsed.layers ?? [])];
}

/** Child manifests of an index (image index or Docker manifest list). */
export function indexManifests(bytes: Uint8Array): Descriptor[] {
  const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as { manifests?: Descriptor[] };
  return parsed.manifests ?? [];
}

export function isIndexMediaType(mediaType: string): boolean {
  return mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerManifestList;
}

/** The media type of a manifest: the Content-Type the registry sent, else the `mediaType` field. */
export function detectMediaType(bytes: Uint8Array, contentType: string | undefined): string {
  const fromHeader = contentType?.split(';')[0].trim();
  if (fromHeader && fromHeader !== 'application/json' && fromHeader !== 'application/octet-stream')
    return fromHeader;
  try {
    const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as {
      mediaType?: string;
      manifests?: unknown;
    };
    if (parsed.mediaType) return parsed.mediaType;
    return parsed.manifests ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.ociManifest;
  } catch {
    return fromHeader ?? MEDIA_TYPES.ociManifest;
  }
}

/** The config blob's digest of a single-image manifest (the image ID); undefined for an index. */
export function manifestConfigDigest(bytes: Uint8Array): string | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as { config?: { digest?: unknown } };
    return typeof parsed.config?.digest === 'string' ? parsed.config.digest : undefined;
  } catch {
    return undefined;
  }
}
