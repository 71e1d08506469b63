import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { Readable } from 'node:stream';
import { LayeredFilesystem } from './filesystem.js';
import { fingerprintText, hashLayerFiles, SAMPLE, scanLayer, StreamPositions } from './layer-scan.js';
import {
  duplicateGroups,
  summariseFilesystem,
  type CandidateFile,
  type DuplicateCandidates,
  type SummaryOptions,
} from './summary.js';
import type { ContentAnalysis, FileEntry } from './types.js';

/** A layer blob to read: what names it in messages. */
export interface LayerBlobRef {
  digest?: string;
  diffId?: string;
}

/**
 * Opens one layer blob as a stream (gzip'd or plain tar). The registry client, an OCI layout or a
 * `docker save` tarball each provide one; it may be called again for the exact duplicate check.
 */
export type OpenLayer = (layer: LayerBlobRef, index: number) => Promise<Readable>;

/**
 * Reads `bytes` bytes at `offset` of layer `index`'s source (a file): lets the duplicate check read
 * just the candidate files of an uncompressed layer instead of the whole layer again.
 */
export type ReadLayerRange = (index: number, offset: number, bytes: number) => Promise<Buffer>;

export interface AnalyzeOptions extends SummaryOptions {
  /** Files smaller than this are left out of the duplicate search (default 1 KiB). */
  minDuplicateBytes?: number;
  /**
   * Compare whole contents of duplicate candidates (default true), reading only those files where the
   * source allows it, else re-reading their layers. Without it, duplicates are files with equal size
   * and equal first and last 4 KiB.
   */
  verifyDuplicates?: boolean;
  /** Names the image in error messages (`image.tar`, `registry/repo@sha256:…`). */
  sourceLabel?: string;
}

/** File-level analysis of layers read in order, one at a time; memory follows the path count only. */
export async function analyzeLayers(
  layers: readonly LayerBlobRef[],
  open: OpenLayer,
  options: AnalyzeOptions & { readRange?: ReadLayerRange } = {},
): Promise<ContentAnalysis> {
  const filesystem = new LayeredFilesystem();
  for (const [index, ref] of layers.entries()) {
    const layer = filesystem.beginLayer(index);
    const { tarBytes } = await scanLayer(await open(ref, index), (entry) => filesystem.apply(layer, entry), {
      label: layerLabel(ref, index, options.sourceLabel),
      minDuplicateBytes: options.minDuplicateBytes,
      positions: options.readRange ? new StreamPositions() : undefined,
    });
    layer.tarBytes = tarBytes;
  }
  return finishAnalysis(filesystem, layers, { open, readRange: options.readRange }, options);
}

/** Summary, then duplicates: exact when the source can be read again. */
export async function finishAnalysis(
  filesystem: LayeredFilesystem,
  layers: readonly LayerBlobRef[],
  source: { open?: OpenLayer; readRange?: ReadLayerRange },
  options: AnalyzeOptions = {},
): Promise<ContentAnalysis> {
  const { analysis, candidates } = summariseFilesystem(filesystem, options);
  const verify =
    options.verifyDuplicates !== false && (source.open !== undefined || source.readRange !== undefined);
  const groups = verify
    ? await verifiedGroups(candidates, {
        readRange: source.readRange,
        hashLayer: source.open
          ? async (index, wanted) => {
              const blob = await source.open!(layers[index], index);
              return hashLayerFiles(blob, wanted, layerLabel(layers[index], index, options.sourceLabel));
            }
          : undefined,
      })
    : [...candidates.values()].map((paths) => ({ paths, verified: paths[0].bytes <= 2 * SAMPLE }));
  analysis.duplicates = duplicateGroups(groups, options.top);
  return analysis;
}

interface Verifiers {
  readRange?: ReadLayerRange;
  hashLayer?: (index: number, wanted: Set<string>) => Promise<Map<string, string>>;
}

/**
 * Files whose fingerprint covers their whole content (up to 8 KiB) are duplicates as they stand; the
 * others are hashed in full (read in place where their offset is known, else by reading their layer
 * again) and regrouped by that hash.
 */
async function verifiedGroups(
  candidates: DuplicateCandidates,
  verifiers: Verifiers,
): Promise<{ paths: FileEntry[]; verified: boolean }[]> {
  const groups: { paths: FileEntry[]; verified: boolean }[] = [];
  const pending: CandidateFile[][] = [];
  const hashes = new Map<string, string>();
  const wantedByLayer = new Map<number, Set<string>>();
  for (const paths of candidates.values()) {
    if (paths[0].bytes <= 2 * SAMPLE) groups.push({ paths, verified: true });
    else pending.push(paths);
  }
  for (const file of pending.flat()) {
    const hash =
      verifiers.readRange && file.offset !== undefined
        ? await hashInPlace(file, verifiers.readRange)
        : undefined;
    if (hash) hashes.set(file.path, hash);
    else if (verifiers.hashLayer) {
      const wanted = wantedByLayer.get(file.layer) ?? new Set<string>();
      wanted.add(file.path);
      wantedByLayer.set(file.layer, wanted);
    }
  }
  for (const [index, wanted] of [...wantedByLayer].sort((a, b) => a[0] - b[0])) {
    for (const [path, hash] of await verifiers.hashLayer!(index, wanted)) hashes.set(path, hash);
  }
  for (const paths of pending) {
    const byHash = new Map<string, FileEntry[]>();
    for (const entry of paths) {
      const hash = hashes.get(entry.path);
      if (hash) byHash.set(hash, [...(byHash.get(hash) ?? []), entry]);
    }
    for (const same of byHash.values()) groups.push({ paths: same, verified: true });
  }
  return groups;
}

const RANGE_CHUNK = 1 << 20;

/**
 * SHA-256 of a file read where the scan saw it. Its first and last 4 KiB must hash to its fingerprint,
 * proof the offset was right; otherwise undefined, and the layer is read again instead.
 */
async function hashInPlace(file: CandidateFile, readRange: ReadLayerRange): Promise<string | undefined> {
  const offset = file.offset ?? 0;
  const full = createHash('sha256');
  let head = 0;
  let tail: Buffer = Buffer.alloc(0);
  for (let done = 0; done < file.bytes;) {
    const chunk = await readRange(file.layer, offset + done, Math.min(RANGE_CHUNK, file.bytes - done));
    if (chunk.length === 0) return undefined;
    if (done < SAMPLE) head = crc32(chunk.subarray(0, SAMPLE - done), head);
    full.update(chunk);
    tail =
      chunk.length >= SAMPLE
        ? chunk.subarray(chunk.length - SAMPLE)
        : Buffer.concat([tail, chunk]).subarray(-SAMPLE);
    done += chunk.length;
  }
  if (fingerprintText(file.bytes, head, crc32(tail)) !== file.fingerprint) return undefined;
  return full.digest('hex');
}

export function layerLabel(ref: LayerBlobRef, index: number, source?: string): string {
  const digest = ref.digest ?? ref.diffId;
  return `layer ${index + 1}${digest ? ` (${digest.slice(0, 19)}…)` : ''}${source ? ` of ${source}` : ''}`;
}
