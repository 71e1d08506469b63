// The file-level analysis stored next to its image as an OCI artifact, so that an unchanged image is
// reported again without reading its layers. Pure: encoding, and decoding of what may be hostile bytes.
import { MEDIA_TYPES, sha256Digest, type ManifestBytes } from '../../registry/index.js';
import type {
  ContentAnalysis,
  DuplicateGroup,
  FileEntry,
  FindingKind,
  FindingSummary,
  LayerContents,
  WastedPath,
} from './types.js';

export const ANALYSIS_ARTIFACT_TYPE = 'application/vnd.image-build.content-analysis.v1+json';
export const STORED_ANALYSIS_SCHEMA = 1;
/** Far above a real analysis (its lists are bounded); it also keeps the inline copy under the manifest cap. */
export const MAX_STORED_ANALYSIS_BYTES = 2 * 1024 * 1024;

const EMPTY_MEDIA_TYPE = 'application/vnd.oci.empty.v1+json';
export const EMPTY_CONFIG = {
  bytes: new Uint8Array(Buffer.from('{}')),
  digest: sha256Digest(new Uint8Array(Buffer.from('{}'))),
};

/** The image manifest the analysis is of: the artifact's `subject`. */
export interface AnalysedImage {
  digest: string;
  mediaType: string;
  size: number;
}

/** What the analysis depends on besides the layers; a stored one for other values is not used. */
export interface AnalysisContext {
  baseLayerCount?: number;
}

/** The tag of an image's stored analysis, cosign-style, as registries without a referrers API need. */
export function storedAnalysisTag(imageDigest: string): string {
  return `${imageDigest.replace(':', '-')}.analysis`;
}

interface StoredDocument {
  schemaVersion: number;
  image: string;
  baseLayerCount?: number;
  analysis: ContentAnalysis;
}

export interface EncodedAnalysis {
  manifest: ManifestBytes;
  /** The analysis JSON: the artifact's one layer (also inline in its descriptor). */
  layer: { digest: string; bytes: Uint8Array };
}

/** The artifact for an analysis; undefined when its JSON is over MAX_STORED_ANALYSIS_BYTES. */
export function encodeStoredAnalysis(
  analysis: ContentAnalysis,
  image: AnalysedImage,
  context: AnalysisContext,
): EncodedAnalysis | undefined {
  const document: StoredDocument = {
    schemaVersion: STORED_ANALYSIS_SCHEMA,
    image: image.digest,
    ...(context.baseLayerCount !== undefined && { baseLayerCount: context.baseLayerCount }),
    analysis,
  };
  const bytes = new Uint8Array(Buffer.from(JSON.stringify(document)));
  if (bytes.length > MAX_STORED_ANALYSIS_BYTES) return undefined;
  const digest = sha256Digest(bytes);
  const manifest = {
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociManifest,
    artifactType: ANALYSIS_ARTIFACT_TYPE,
    config: { mediaType: EMPTY_MEDIA_TYPE, digest: EMPTY_CONFIG.digest, size: 2, data: 'e30=' },
    layers: [
      {
        mediaType: ANALYSIS_ARTIFACT_TYPE,
        digest,
        size: bytes.length,
        // OCI image-spec 1.1: the content inline, so a reader needs one manifest GET.
        data: Buffer.from(bytes).toString('base64'),
      },
    ],
    subject: { mediaType: image.mediaType, digest: image.digest, size: image.size },
  };
  const manifestBytes = new Uint8Array(Buffer.from(JSON.stringify(manifest)));
  return {
    manifest: {
      bytes: manifestBytes,
      mediaType: MEDIA_TYPES.ociManifest,
      digest: sha256Digest(manifestBytes),
    },
    layer: { digest, bytes },
  };
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The analysis layer a stored artifact names: its descriptor, and its bytes when inline and verified. */
export interface AnalysisLayer {
  digest: string;
  size: number;
  inline?: Uint8Array;
}

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the artifact manifest of a stored analysis: its media types, that its subject is this image,
 * and its one layer; inline data must match the layer's digest and size.
 */
export function decodeAnalysisManifest(bytes: Uint8Array, imageDigest: string): Decoded<AnalysisLayer> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return fail('the manifest is not JSON');
  }
  if (!isRecord(parsed)) return fail('the manifest is not an object');
  if (parsed.mediaType !== MEDIA_TYPES.ociManifest) return fail('the manifest is not an OCI image manifest');
  if (parsed.artifactType !== ANALYSIS_ARTIFACT_TYPE) return fail('the artifact type is not an analysis');
  const subject = parsed.subject;
  if (!isRecord(subject) || subject.digest !== imageDigest)
    return fail(`its subject is not the image ${imageDigest}`);
  const layers = parsed.layers;
  if (!Array.isArray(layers) || layers.length !== 1) return fail('it does not have exactly one layer');
  const layer: unknown = layers[0];
  if (!isRecord(layer) || layer.mediaType !== ANALYSIS_ARTIFACT_TYPE)
    return fail('its layer is not an analysis');
  const { digest, size, data } = layer;
  if (typeof digest !== 'string' || !/^sha256:[a-f0-9]{64}$/.test(digest))
    return fail('its layer digest is not a sha256 digest');
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
    return fail('its layer size is not a size');
  if (size > MAX_STORED_ANALYSIS_BYTES)
    return fail(`its layer is ${size} bytes, over ${MAX_STORED_ANALYSIS_BYTES}`);
  if (data === undefined) return { ok: true, value: { digest, size } };
  if (typeof data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(data))
    return fail('its inline data is not base64');
  const inline = new Uint8Array(Buffer.from(data, 'base64'));
  if (inline.length !== size || sha256Digest(inline) !== digest)
    return fail('its inline data does not match its layer digest');
  return { ok: true, value: { digest, size, inline } };
}

/**
 * The analysis in a stored document (bytes already checked against their digest): a known schema
 * version, the same image and base layer count, and every field of the expected type. The result is
 * rebuilt from the known fields only, so nothing else the document carries reaches a report.
 */
export function decodeAnalysisDocument(
  bytes: Uint8Array,
  expected: AnalysisContext & { imageDigest: string; layerCount: number },
): Decoded<ContentAnalysis> {
  if (bytes.length > MAX_STORED_ANALYSIS_BYTES) return fail('the document is too large');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return fail('the document is not JSON');
  }
  if (!isRecord(parsed)) return fail('the document is not an object');
  if (parsed.schemaVersion !== STORED_ANALYSIS_SCHEMA)
    return fail(`schema version ${String(parsed.schemaVersion)} is not known`);
  if (parsed.image !== expected.imageDigest) return fail('it is the analysis of another image');
  if (parsed.baseLayerCount !== expected.baseLayerCount)
    return fail(
      `it was made with ${String(parsed.baseLayerCount ?? 'no')} base layers, not ${String(expected.baseLayerCount ?? 'none')}`,
    );
  try {
    const value = analysis(parsed.analysis, 'analysis');
    if (value.layers.length !== expected.layerCount)
      return fail(`it has ${value.layers.length} layers, the image ${expected.layerCount}`);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ShapeError) return fail(error.message);
    throw error;
  }
}

// Shape checks: each returns a fresh value of the expected type or throws a ShapeError naming the field.
class ShapeError extends Error {}

function number(value: unknown, at: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShapeError(`${at} is not a number`);
  return value;
}
function string(value: unknown, at: string): string {
  if (typeof value !== 'string') throw new ShapeError(`${at} is not a string`);
  return value;
}
function boolean(value: unknown, at: string): boolean {
  if (typeof value !== 'boolean') throw new ShapeError(`${at} is not a boolean`);
  return value;
}
function record(value: unknown, at: string): Record<string, unknown> {
  if (!isRecord(value)) throw new ShapeError(`${at} is not an object`);
  return value;
}
function array<T>(value: unknown, at: string, item: (value: unknown, at: string) => T): T[] {
  if (!Array.isArray(value)) throw new ShapeError(`${at} is not an array`);
  return value.map((entry, index) => item(entry, `${at}[${index}]`));
}

const LAYER_COUNTS = [
  'index',
  'tarBytes',
  'uncompressedBytes',
  'files',
  'directories',
  'links',
  'added',
  'modified',
  'removed',
  'whiteouts',
  'opaqueDirectories',
  'reclaimableBytes',
] as const;

function layerContents(value: unknown, at: string): LayerContents {
  const o = record(value, at);
  return Object.fromEntries(
    LAYER_COUNTS.map((key) => [key, number(o[key], `${at}.${key}`)]),
  ) as unknown as LayerContents;
}

function fileEntry(value: unknown, at: string): FileEntry {
  const o = record(value, at);
  return {
    path: string(o.path, `${at}.path`),
    bytes: number(o.bytes, `${at}.bytes`),
    layer: number(o.layer, `${at}.layer`),
  };
}

function wastedPath(value: unknown, at: string): WastedPath {
  const o = record(value, at);
  return {
    path: string(o.path, `${at}.path`),
    reclaimableBytes: number(o.reclaimableBytes, `${at}.reclaimableBytes`),
    cumulativeBytes: number(o.cumulativeBytes, `${at}.cumulativeBytes`),
    occurrences: number(o.occurrences, `${at}.occurrences`),
    layer: number(o.layer, `${at}.layer`),
    deleted: boolean(o.deleted, `${at}.deleted`),
  };
}

function duplicateGroup(value: unknown, at: string): DuplicateGroup {
  const o = record(value, at);
  return {
    bytes: number(o.bytes, `${at}.bytes`),
    paths: array(o.paths, `${at}.paths`, fileEntry),
    wastedBytes: number(o.wastedBytes, `${at}.wastedBytes`),
    verified: boolean(o.verified, `${at}.verified`),
  };
}

const FINDING_KINDS: readonly FindingKind[] = ['build-tool', 'package-cache', 'secret'];

function findingSummary(value: unknown, at: string): FindingSummary {
  const o = record(value, at);
  const kind = string(o.kind, `${at}.kind`);
  if (!(FINDING_KINDS as readonly string[]).includes(kind)) throw new ShapeError(`${at}.kind is not a kind`);
  return {
    kind: kind as FindingKind,
    category: string(o.category, `${at}.category`),
    files: number(o.files, `${at}.files`),
    bytes: number(o.bytes, `${at}.bytes`),
    ownBytes: number(o.ownBytes, `${at}.ownBytes`),
    examples: array(o.examples, `${at}.examples`, fileEntry),
  };
}

function analysis(value: unknown, at: string): ContentAnalysis {
  const o = record(value, at);
  const final = record(o.final, `${at}.final`);
  return {
    layers: array(o.layers, `${at}.layers`, layerContents),
    efficiency: number(o.efficiency, `${at}.efficiency`),
    reclaimableBytes: number(o.reclaimableBytes, `${at}.reclaimableBytes`),
    cumulativeBytes: number(o.cumulativeBytes, `${at}.cumulativeBytes`),
    final: {
      files: number(final.files, `${at}.final.files`),
      bytes: number(final.bytes, `${at}.final.bytes`),
    },
    largestOwnFiles: array(o.largestOwnFiles, `${at}.largestOwnFiles`, fileEntry),
    wastedPaths: array(o.wastedPaths, `${at}.wastedPaths`, wastedPath),
    duplicates: array(o.duplicates, `${at}.duplicates`, duplicateGroup),
    findings: array(o.findings, `${at}.findings`, findingSummary),
  };
}
