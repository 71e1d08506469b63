import { describe, expect, it } from 'vitest';
import { MEDIA_TYPES, sha256Digest } from '../../../src/registry/index.js';
import {
  ANALYSIS_ARTIFACT_TYPE,
  decodeAnalysisDocument,
  decodeAnalysisManifest,
  EMPTY_CONFIG,
  encodeStoredAnalysis,
  MAX_STORED_ANALYSIS_BYTES,
  storedAnalysisTag,
} from '../../../src/report/contents/stored.js';
import type { ContentAnalysis } from '../../../src/report/contents/types.js';

const IMAGE = {
  digest: `sha256:${'ab'.repeat(32)}`,
  mediaType: MEDIA_TYPES.ociManifest,
  size: 1234,
};
const layer = (index: number) => ({
  index,
  tarBytes: 10240,
  uncompressedBytes: 100 * (index + 1),
  files: 3,
  directories: 2,
  links: 0,
  added: 4,
  modified: index,
  removed: 0,
  whiteouts: 0,
  opaqueDirectories: 0,
  reclaimableBytes: 7 * index,
});
const ANALYSIS: ContentAnalysis = {
  layers: [layer(0), layer(1)],
  efficiency: 0.9731,
  reclaimableBytes: 7,
  cumulativeBytes: 300,
  final: { files: 6, bytes: 293 },
  largestOwnFiles: [{ path: '/app/<b>x</b>', bytes: 200, layer: 1 }],
  wastedPaths: [
    { path: '/tmp/a', reclaimableBytes: 7, cumulativeBytes: 14, occurrences: 2, layer: 1, deleted: true },
  ],
  duplicates: [
    {
      bytes: 2048,
      paths: [
        { path: '/a', bytes: 2048, layer: 0 },
        { path: '/b', bytes: 2048, layer: 1 },
      ],
      wastedBytes: 2048,
      verified: true,
    },
  ],
  findings: [
    {
      kind: 'package-cache',
      category: 'apt lists',
      files: 1,
      bytes: 10,
      ownBytes: 10,
      examples: [{ path: '/var/lib/apt/lists/x', bytes: 10, layer: 1 }],
    },
  ],
};
const EXPECTED = { imageDigest: IMAGE.digest, baseLayerCount: 1, layerCount: 2 };

const json = (bytes: Uint8Array) =>
  JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
const bytesOf = (value: unknown) => new Uint8Array(Buffer.from(JSON.stringify(value)));
/** The encoded artifact's manifest as JSON, changed by `edit`, as bytes again. */
interface Editable {
  mediaType?: string;
  artifactType?: string;
  subject?: { digest: string };
  layers: Record<string, unknown>[];
}
function edited(edit: (manifest: Editable) => void): Uint8Array {
  const encoded = encodeStoredAnalysis(ANALYSIS, IMAGE, { baseLayerCount: 1 });
  const manifest = json(encoded!.manifest.bytes) as unknown as Editable;
  edit(manifest);
  return bytesOf(manifest);
}
/** A manifest whose inline document is `document` (digest and size kept consistent). */
function withDocument(document: unknown): Uint8Array {
  const bytes = bytesOf(document);
  return edited((manifest) => {
    manifest.layers[0] = {
      mediaType: ANALYSIS_ARTIFACT_TYPE,
      digest: sha256Digest(bytes),
      size: bytes.length,
      data: Buffer.from(bytes).toString('base64'),
    };
  });
}
const document = (overrides: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  image: IMAGE.digest,
  baseLayerCount: 1,
  analysis: ANALYSIS,
  ...overrides,
});
/** Decodes a manifest all the way to the analysis, as the reader does with inline data. */
function decode(bytes: Uint8Array, expected = EXPECTED) {
  const found = decodeAnalysisManifest(bytes, expected.imageDigest);
  if (!found.ok) return found;
  return decodeAnalysisDocument(found.value.inline as Uint8Array, expected);
}

describe('the stored analysis artifact', () => {
  it('is an OCI manifest: empty config, the analysis as its one layer (inline too), the image as subject', () => {
    const encoded = encodeStoredAnalysis(ANALYSIS, IMAGE, { baseLayerCount: 1 });
    expect(encoded).toBeDefined();
    const manifest = json(encoded!.manifest.bytes);
    expect(encoded!.manifest.digest).toBe(sha256Digest(encoded!.manifest.bytes));
    expect(manifest).toMatchObject({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociManifest,
      artifactType: 'application/vnd.image-build.content-analysis.v1+json',
      config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: EMPTY_CONFIG.digest, size: 2 },
      layers: [
        {
          mediaType: ANALYSIS_ARTIFACT_TYPE,
          digest: encoded!.layer.digest,
          size: encoded!.layer.bytes.length,
        },
      ],
      subject: IMAGE,
    });
    expect(EMPTY_CONFIG.digest).toBe(
      'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    );
    expect(json(encoded!.layer.bytes)).toEqual(document());
    expect(storedAnalysisTag(IMAGE.digest)).toBe(`sha256-${'ab'.repeat(32)}.analysis`);
  });

  it('decodes back to the same analysis', () => {
    const encoded = encodeStoredAnalysis(ANALYSIS, IMAGE, { baseLayerCount: 1 });
    expect(decode(encoded!.manifest.bytes)).toEqual({ ok: true, value: ANALYSIS });
  });

  it('without inline data, names the layer for a blob GET, its size capped', () => {
    const bytes = edited((manifest) => delete manifest.layers[0].data);
    const found = decodeAnalysisManifest(bytes, IMAGE.digest);
    expect(found.ok && found.value.inline).toBe(undefined);
    expect(found.ok && found.value.digest).toMatch(/^sha256:/);
    const huge = edited((manifest) => {
      delete manifest.layers[0].data;
      manifest.layers[0].size = MAX_STORED_ANALYSIS_BYTES + 1;
    });
    expect(decodeAnalysisManifest(huge, IMAGE.digest)).toMatchObject({ ok: false, reason: /over/ });
  });

  it('refuses tampered inline data: its bytes must match the layer digest', () => {
    const tampered = edited((manifest) => {
      const changed = bytesOf(document({ analysis: { ...ANALYSIS, efficiency: 1 } }));
      manifest.layers[0].data = Buffer.from(changed).toString('base64');
      manifest.layers[0].size = changed.length;
    });
    expect(decode(tampered)).toMatchObject({ ok: false, reason: /does not match its layer digest/ });
    const notBase64 = edited((manifest) => (manifest.layers[0].data = '<script>'));
    expect(decode(notBase64)).toMatchObject({ ok: false, reason: /not base64/ });
  });

  it('refuses another image, media type, artifact type or layer count', () => {
    const other = `sha256:${'cd'.repeat(32)}`;
    expect(decode(edited((m) => (m.subject!.digest = other)))).toMatchObject({
      ok: false,
      reason: /subject/,
    });
    expect(decode(edited((m) => delete m.subject))).toMatchObject({ ok: false, reason: /subject/ });
    expect(decode(edited((m) => (m.mediaType = MEDIA_TYPES.dockerManifest)))).toMatchObject({ ok: false });
    expect(decode(edited((m) => (m.artifactType = 'application/x-other')))).toMatchObject({ ok: false });
    expect(decode(edited((m) => m.layers.push(m.layers[0])))).toMatchObject({
      ok: false,
      reason: /one layer/,
    });
    expect(decode(new Uint8Array(Buffer.from('not json')))).toMatchObject({ ok: false, reason: /not JSON/ });
    // The document names the image too: a manifest copied onto another image's tag is refused.
    expect(decode(withDocument(document({ image: other })))).toMatchObject({
      ok: false,
      reason: /another image/,
    });
  });

  it('refuses an unknown schema version, another base layer count or another layer count', () => {
    expect(decode(withDocument(document({ schemaVersion: 2 })))).toMatchObject({
      ok: false,
      reason: /schema/,
    });
    expect(decode(withDocument(document({ baseLayerCount: 2 })))).toMatchObject({
      ok: false,
      reason: /base layers/,
    });
    expect(decode(withDocument(document({ baseLayerCount: undefined })))).toMatchObject({ ok: false });
    expect(decode(withDocument(document()), { ...EXPECTED, layerCount: 3 })).toMatchObject({
      ok: false,
      reason: /2 layers, the image 3/,
    });
  });

  it('refuses a document of the wrong shape, naming the field', () => {
    const cases: [unknown, RegExp][] = [
      [{ ...ANALYSIS, efficiency: '0.97' }, /analysis\.efficiency is not a number/],
      [{ ...ANALYSIS, efficiency: null }, /analysis\.efficiency is not a number/],
      [{ ...ANALYSIS, layers: {} }, /analysis\.layers is not an array/],
      [
        { ...ANALYSIS, largestOwnFiles: [{ path: 7, bytes: 1, layer: 0 }] },
        /largestOwnFiles\[0\]\.path is not a string/,
      ],
      [
        { ...ANALYSIS, wastedPaths: [{ ...ANALYSIS.wastedPaths[0], deleted: 'yes' }] },
        /deleted is not a boolean/,
      ],
      [{ ...ANALYSIS, findings: [{ ...ANALYSIS.findings[0], kind: 'virus' }] }, /kind is not a kind/],
      [{ ...ANALYSIS, final: [] }, /analysis\.final is not an object/],
      [
        { ...ANALYSIS, layers: [layer(0), { ...layer(1), files: '3' }] },
        /layers\[1\]\.files is not a number/,
      ],
    ];
    for (const [analysis, reason] of cases) {
      expect(decode(withDocument(document({ analysis })))).toMatchObject({ ok: false, reason });
    }
  });

  it('keeps only the fields it knows: nothing else in the document reaches a report', () => {
    const extra = { ...ANALYSIS, html: '<img src=x>', final: { ...ANALYSIS.final, more: 1 } };
    const decoded = decode(withDocument(document({ analysis: extra })));
    expect(decoded).toEqual({ ok: true, value: ANALYSIS });
  });

  it('is not stored, and not read, over the size cap', () => {
    const big = {
      ...ANALYSIS,
      largestOwnFiles: [{ path: 'x'.repeat(MAX_STORED_ANALYSIS_BYTES), bytes: 1, layer: 1 }],
    };
    expect(encodeStoredAnalysis(big, IMAGE, { baseLayerCount: 1 })).toBeUndefined();
    const oversized = bytesOf(document({ analysis: big }));
    expect(decodeAnalysisDocument(oversized, EXPECTED)).toMatchObject({ ok: false, reason: /too large/ });
  });
});
