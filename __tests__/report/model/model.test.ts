import { describe, expect, it } from 'vitest';
import {
  cleanInstruction,
  historyForLayers,
  imageModelFromMetadata,
  platformManifests,
  selectPlatform,
  type IndexLike,
  type ManifestLike,
} from '../../../src/report/index.js';

const digest = (n: number) => `sha256:${String(n).padStart(64, '0')}`;

const manifest: ManifestLike = {
  config: { size: 1500, digest: digest(100) },
  layers: [
    { size: 30_000_000, digest: digest(1) },
    { size: 4_000_000, digest: digest(2) },
    { size: 900_000_000, digest: digest(3) },
    { size: 20_000, digest: digest(4) },
  ],
};

describe('cleanInstruction', () => {
  it.each([
    ['RUN |2 VERSION=1.0.0 GIT_COMMIT=abc /bin/sh -c make install # buildkit', 'RUN make install'],
    [
      'RUN /bin/sh -c pip install --no-cache-dir -r req.txt # buildkit',
      'RUN pip install --no-cache-dir -r req.txt',
    ],
    ['|1 A=b c /bin/sh -c echo hi', 'RUN echo hi'],
    ['/bin/sh -c apt-get update', 'RUN apt-get update'],
    ['/bin/sh -c #(nop)  ENV A=b', 'ENV A=b'],
    ['/bin/sh -c #(nop) COPY dir:abc in /app ', 'COPY dir:abc in /app'],
    ['COPY --from=builder /deps /deps # buildkit', 'COPY --from=builder /deps /deps'],
    [
      'COPY --chown=app:app --chmod=755 src/ /app/src/ # buildkit',
      'COPY --chown=app:app --chmod=755 src/ /app/src/',
    ],
    [
      'ADD --checksum=sha256:abc https://example.com/x.tgz /opt/ # buildkit',
      'ADD --checksum=sha256:abc https://example.com/x.tgz /opt/',
    ],
    ['WORKDIR /app', 'WORKDIR /app'],
    ['  ', undefined],
  ])('%j → %j', (input, expected) => expect(cleanInstruction(input)).toBe(expected));
});

describe('historyForLayers', () => {
  it('skips empty_layer entries', () => {
    const { layers, mismatch } = historyForLayers(2, [
      { created_by: 'ADD file:x in /' },
      { created_by: 'ENV A=b', empty_layer: true },
      { created_by: 'RUN /bin/sh -c make # buildkit', created: '2026-01-01T00:00:00Z' },
    ]);
    expect(layers).toEqual([
      { instruction: 'ADD file:x in /' },
      { instruction: 'RUN make', createdAt: '2026-01-01T00:00:00Z' },
    ]);
    expect(mismatch).toBe(false);
  });

  it('aligns from the top layer down when counts disagree, so the own layers keep their instructions', () => {
    const fewer = historyForLayers(3, [{ created_by: 'COPY a /a' }, { created_by: 'COPY b /b' }]);
    expect(fewer.layers.map((l) => l.instruction)).toEqual([undefined, 'COPY a /a', 'COPY b /b']);
    expect(fewer.mismatch).toBe(true);
    const more = historyForLayers(1, [{ created_by: 'COPY a /a' }, { created_by: 'COPY b /b' }]);
    expect(more.layers.map((l) => l.instruction)).toEqual(['COPY b /b']);
  });
});

describe('imageModelFromMetadata', () => {
  const config = {
    created: '2026-11-01T10:00:00Z',
    os: 'linux',
    architecture: 'amd64',
    config: { User: 'app', Healthcheck: { Test: ['CMD-SHELL', 'curl -f localhost'] } },
    rootfs: { diff_ids: [digest(11), digest(12), digest(13), digest(14)] },
    history: [
      { created_by: '# debian.sh --arch amd64 out/ trixie @1700000000' },
      { created_by: '/bin/sh -c #(nop)  CMD ["bash"]', empty_layer: true },
      { created_by: 'RUN /bin/sh -c apt-get install python3 # buildkit' },
      { created_by: 'COPY --from=builder /deps /deps # buildkit' },
      { created_by: 'COPY . /app # buildkit' },
    ],
  };

  it('sums config and compressed layers into the pull size, with history, base share and checks inputs', () => {
    const model = imageModelFromMetadata({
      image: 'registry.example/api',
      manifest,
      config,
      digest: digest(200),
      tags: ['registry.example/api:1.0.0'],
      base: { name: 'python:3.12-slim', diffIds: [digest(11), digest(12)] },
    });
    expect(model.compressedBytes).toBe(1500 + 30_000_000 + 4_000_000 + 900_000_000 + 20_000);
    expect(model.base).toEqual({
      name: 'python:3.12-slim',
      digest: undefined,
      layerCount: 2,
      matchedBy: 'diff-ids',
    });
    expect(model.layers.map((l) => [l.origin, l.instruction])).toEqual([
      ['base', '# debian.sh --arch amd64 out/ trixie @1700000000'],
      ['base', 'RUN apt-get install python3'],
      ['own', 'COPY --from=builder /deps /deps'],
      ['own', 'COPY . /app'],
    ]);
    expect(model).toMatchObject({
      user: 'app',
      hasHealthcheck: true,
      platform: 'linux/amd64',
      created: config.created,
    });
  });

  it('takes the base from BuildKit annotations; a base layer without history is named, never blank', () => {
    const annotated = {
      ...manifest,
      annotations: {
        'org.opencontainers.image.base.name': 'docker.io/library/python:3.12-slim',
        'org.opencontainers.image.base.digest': digest(300),
      },
    };
    const model = imageModelFromMetadata({
      image: 'api',
      manifest: annotated,
      config: { ...config, history: config.history.slice(3) },
      base: { layerCount: 2 },
    });
    expect(model.base).toMatchObject({
      name: 'docker.io/library/python:3.12-slim',
      digest: digest(300),
      layerCount: 2,
    });
    expect(model.layers.map((l) => l.instruction)).toEqual([
      'base image layer 1',
      'base image layer 2',
      'COPY --from=builder /deps /deps',
      'COPY . /app',
    ]);
    expect(model.layers[0].instructionInferred).toBe(true);
    expect(model.historyMismatch).toBe(true);
  });

  it('does not claim a base whose layers are not the bottom of this image', () => {
    const model = imageModelFromMetadata({ image: 'api', manifest, config, base: { diffIds: [digest(99)] } });
    expect(model.base).toBeUndefined();
    expect(model.layers.every((l) => l.origin === 'own')).toBe(true);
  });

  it('a HEALTHCHECK NONE is no healthcheck', () => {
    const model = imageModelFromMetadata({
      image: 'x',
      manifest,
      config: { ...config, config: { Healthcheck: { Test: ['NONE'] } } },
    });
    expect(model.hasHealthcheck).toBe(false);
  });
});

describe('platforms of an index', () => {
  const index: IndexLike = {
    manifests: [
      { digest: digest(1), size: 1, platform: { os: 'linux', architecture: 'amd64' } },
      { digest: digest(2), size: 1, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      { digest: digest(3), size: 1, platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
      {
        digest: digest(4),
        size: 1,
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
      },
    ],
  };

  it('skips attestation manifests and selects by platform, variants normalised', () => {
    expect(platformManifests(index).map((m) => m.digest)).toEqual([digest(1), digest(2), digest(3)]);
    expect(selectPlatform(index).digest).toBe(digest(1));
    expect(selectPlatform(index, 'linux/arm64').digest).toBe(digest(2));
    expect(selectPlatform(index, 'linux/arm/v7').digest).toBe(digest(3));
  });

  it('names the platforms it has when the requested one is missing', () => {
    expect(() => selectPlatform(index, 'linux/s390x')).toThrow(
      'input "platform": the image index has no linux/s390x image; it has linux/amd64, linux/arm64/v8, linux/arm/v7',
    );
    expect(() => selectPlatform({ manifests: [index.manifests[3]] })).toThrow(/no runnable platform/);
  });

  it('lists every platform of an index in the model, the reported one with its size', () => {
    const model = imageModelFromMetadata({
      image: 'api',
      manifest,
      config: {},
      digest: digest(2),
      index: { digest: digest(50), document: index },
    });
    expect(model.indexDigest).toBe(digest(50));
    expect(model.platforms).toEqual([
      { platform: 'linux/amd64', digest: digest(1) },
      {
        platform: 'linux/arm64/v8',
        digest: digest(2),
        compressedBytes: model.compressedBytes,
        layerCount: 4,
      },
      { platform: 'linux/arm/v7', digest: digest(3) },
    ]);
  });
});
