import { describe, expect, it } from 'vitest';
import { annotateManifest } from '../../src/publish/release-manifest.js';
import type { ManifestBytes } from '../../src/registry/tag-writer.js';
import { MEDIA_TYPES, manifestBlobs, sha256Digest } from '../../src/registry/manifest.js';

const digest = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;
const ANNOTATIONS = {
  'org.opencontainers.image.version': '1.2.3',
  'org.opencontainers.image.created': '2024-05-01T10:00:00.000Z',
  'org.opencontainers.image.revision': 'abc1234def5678abc1234def5678abc1234def56',
  'org.opencontainers.image.source': 'https://github.com/acme/app',
};

function manifest(body: unknown, mediaType: string): ManifestBytes {
  const bytes = new TextEncoder().encode(JSON.stringify(body, null, 3));
  return { bytes, mediaType, digest: sha256Digest(bytes) };
}
interface Body {
  schemaVersion: number;
  mediaType: string;
  config: { mediaType: string };
  layers: { mediaType: string; urls?: string[] }[];
  manifests: unknown[];
  subject: unknown;
  annotations: Record<string, string>;
}
const parse = (m: ManifestBytes) => JSON.parse(Buffer.from(m.bytes).toString('utf8')) as Body;

// What `docker push` (20.10) and BuildKit's default exporter write: a Docker v2 schema 2 manifest.
const dockerV2 = manifest(
  {
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.dockerManifest,
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: 1469, digest: digest(1) },
    layers: [
      { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 772788, digest: digest(2) },
      { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 120, digest: digest(3) },
      {
        mediaType: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
        size: 5,
        digest: digest(4),
        urls: ['https://example.com/layer'],
      },
    ],
  },
  MEDIA_TYPES.dockerManifest,
);

describe('a release manifest over the same config and layers', () => {
  it('a Docker v2 manifest becomes OCI: same blob digests and sizes, OCI media types, the annotations', () => {
    const result = annotateManifest(dockerV2, ANNOTATIONS);
    expect(result.annotated).toBe(true);
    const out = result.manifest;
    expect(out.mediaType).toBe(MEDIA_TYPES.ociManifest);
    expect(out.digest).toBe(sha256Digest(out.bytes));
    expect(out.digest).not.toBe(dockerV2.digest);
    const body = parse(out);
    expect(body.schemaVersion).toBe(2);
    expect(body.mediaType).toBe(MEDIA_TYPES.ociManifest);
    expect(body.annotations).toEqual(ANNOTATIONS);
    // Every blob is the same blob: what a registry checks before it takes the manifest.
    expect(manifestBlobs(out.bytes).map(({ digest: d, size }) => ({ d, size }))).toEqual(
      manifestBlobs(dockerV2.bytes).map(({ digest: d, size }) => ({ d, size })),
    );
    expect(body.config.mediaType).toBe('application/vnd.oci.image.config.v1+json');
    expect(body.layers.map((l) => l.mediaType)).toEqual([
      'application/vnd.oci.image.layer.v1.tar+gzip',
      'application/vnd.oci.image.layer.v1.tar+gzip',
      'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
    ]);
    expect(body.layers[2].urls).toEqual(['https://example.com/layer']);
  });

  it('is deterministic: the same source and annotations give the same digest (a re-run changes nothing)', () => {
    expect(annotateManifest(dockerV2, ANNOTATIONS).manifest.digest).toBe(
      annotateManifest(dockerV2, { ...ANNOTATIONS }).manifest.digest,
    );
    expect(
      annotateManifest(dockerV2, { ...ANNOTATIONS, 'org.opencontainers.image.version': '1.2.4' }).manifest
        .digest,
    ).not.toBe(annotateManifest(dockerV2, ANNOTATIONS).manifest.digest);
  });

  it('an OCI manifest keeps its annotations, other fields and media types; ours win by key', () => {
    const oci = manifest(
      {
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.ociManifest,
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', size: 10, digest: digest(1) },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd', size: 20, digest: digest(2) }],
        subject: { mediaType: MEDIA_TYPES.ociManifest, size: 30, digest: digest(5) },
        annotations: {
          'org.opencontainers.image.version': 'main',
          'org.opencontainers.image.base.name': 'docker.io/library/python:3.12',
        },
      },
      MEDIA_TYPES.ociManifest,
    );
    const body = parse(annotateManifest(oci, ANNOTATIONS).manifest);
    expect(body.annotations).toEqual({
      'org.opencontainers.image.base.name': 'docker.io/library/python:3.12',
      ...ANNOTATIONS,
    });
    expect(body.subject).toEqual({ mediaType: MEDIA_TYPES.ociManifest, size: 30, digest: digest(5) });
    expect(body.layers[0].mediaType).toBe('application/vnd.oci.image.layer.v1.tar+zstd');
  });

  it('a Docker manifest list becomes an OCI index over the same platform manifests', () => {
    const children = [
      {
        mediaType: MEDIA_TYPES.dockerManifest,
        size: 528,
        digest: digest(6),
        platform: { architecture: 'amd64', os: 'linux' },
      },
      {
        mediaType: MEDIA_TYPES.dockerManifest,
        size: 528,
        digest: digest(7),
        platform: { architecture: 'arm64', os: 'linux' },
      },
    ];
    const list = manifest(
      { schemaVersion: 2, mediaType: MEDIA_TYPES.dockerManifestList, manifests: children },
      MEDIA_TYPES.dockerManifestList,
    );
    const result = annotateManifest(list, ANNOTATIONS);
    expect(result.manifest.mediaType).toBe(MEDIA_TYPES.ociIndex);
    const body = parse(result.manifest);
    expect(body.manifests).toEqual(children);
    expect(body.annotations).toEqual(ANNOTATIONS);
  });

  it.each<[string, ManifestBytes, RegExp]>([
    [
      'not JSON',
      { bytes: new TextEncoder().encode('<html>'), mediaType: MEDIA_TYPES.ociManifest, digest: digest(8) },
      /not JSON/,
    ],
    [
      'an artifact (a config that is no image config)',
      manifest(
        {
          schemaVersion: 2,
          mediaType: MEDIA_TYPES.ociManifest,
          config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', size: 1, digest: digest(1) },
          layers: [],
        },
        MEDIA_TYPES.ociManifest,
      ),
      /application\/vnd\.cncf\.helm\.config\.v1\+json has no OCI image equivalent/,
    ],
    [
      'schema 1',
      manifest(
        { schemaVersion: 1, name: 'a', tag: 'b', fsLayers: [] },
        'application/vnd.docker.distribution.manifest.v1+prettyjws',
      ),
      /cannot carry annotations/,
    ],
  ])('%s is published as it is, with the reason', (_name, source, reason) => {
    const result = annotateManifest(source, ANNOTATIONS);
    expect(result.annotated).toBe(false);
    expect(result.manifest).toBe(source);
    expect(!result.annotated && result.reason).toMatch(reason);
  });
});
