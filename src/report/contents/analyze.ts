import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import type { Readable } from 'node:stream';
import { LayeredFilesystem } from './filesystem.js';
import { ImageContentError } from '../sources/errors.js';
import { compression, type LayerEntry } from './entries.js';
import { fingerprintText, SAMPLE, smallFingerprint, StreamPositions } from './fingerprint.js';
import { hashLayerFiles, scanLayer, scanLayerFile } from './layer-scan.js';
import { FileWindow } from './tar-walk.js';
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
 * just the candidate files of an uncompressed layer instead of the whole layer again. The result may
 * be a view that the next read reuses: it is used at once, never kept.
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
  openLayer: OpenLayer,
  options: AnalyzeOptions & { readRange?: ReadLayerRange } = {},
): Promise<ContentAnalysis> {
  const filesystem = new LayeredFilesystem();
  for (const [index, ref] of layers.entries()) {
    const layer = filesystem.beginLayer(index);
    const { tarBytes } = await scanLayer(
      await openLayer(ref, index),
      (entry) => filesystem.apply(layer, entry),
      {
        label: layerLabel(ref, index, options.sourceLabel),
        minDuplicateBytes: options.minDuplicateBytes,
        positions: options.readRange ? new StreamPositions() : undefined,
      },
    );
    layer.tarBytes = tarBytes;
  }
  return finishAnalysis(filesystem, layers, { open: openLayer, readRange: options.readRange }, options);
}

/**
 * File-level analysis of layers stored as files (an OCI layout's blobs). An uncompressed layer is read
 * by its headers only and its duplicate candidates in place; a gzip'd one is streamed.
 */
export async function analyzeLayerFiles(
  layers: readonly LayerBlobRef[],
  pathOf: (layer: LayerBlobRef, index: number) => string,
  options: AnalyzeOptions = {},
): Promise<ContentAnalysis> {
  const filesystem = new LayeredFilesystem();
  for (const [index, ref] of layers.entries()) {
    const layer = filesystem.beginLayer(index);
    const label = layerLabel(ref, index, options.sourceLabel);
    const path = pathOf(ref, index);
    const apply = (entry: LayerEntry) => filesystem.apply(layer, entry);
    const handle = await open(path, 'r').catch(() => {
      throw new ImageContentError(`${label}: blob ${path} is missing (incomplete layout?)`);
    });
    try {
      const { size } = await handle.stat();
      const file = new FileWindow(handle.fd);
      const head = file.read(0, 4);
      layer.tarBytes = compression(head)
        ? (await scanLayer(createReadStream(path, { highWaterMark: 1 << 20 }), apply, { label, ...options }))
            .tarBytes
        : (await scanLayerFile(file, { start: 0, end: size }, apply, label)).tarBytes;
    } finally {
      await handle.close();
    }
  }
  const readRange: ReadLayerRange = async (index, offset, bytes) => {
    const handle = await open(pathOf(layers[index], index), 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buffer, 0, bytes, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  };
  const openLayer: OpenLayer = async (ref, index) =>
    createReadStream(pathOf(ref, index), { highWaterMark: 1 << 20 });
  return finishAnalysis(filesystem, layers, { open: openLayer, readRange }, options);
}

/** Summary, then duplicates: exact when the source can be read again. */
export async function finishAnalysis(
  filesystem: LayeredFilesystem,
  layers: readonly LayerBlobRef[],
  source: { open?: OpenLayer; readRange?: ReadLayerRange },
  options: AnalyzeOptions = {},
): Promise<ContentAnalysis> {
  const { analysis, candidates } = summariseFilesystem(filesystem, options);
  const printed = await fingerprinted(candidates, source.readRange);
  const verify =
    options.verifyDuplicates !== false && (source.open !== undefined || source.readRange !== undefined);
  const groups = verify
    ? await verifiedGroups(printed, {
        readRange: source.readRange,
        hashLayer: source.open
          ? async (index, wanted) => {
              const blob = await source.open!(layers[index], index);
              return hashLayerFiles(blob, wanted, layerLabel(layers[index], index, options.sourceLabel));
            }
          : undefined,
      })
    : printed.map((paths) => ({ paths, verified: paths[0].bytes <= 2 * SAMPLE }));
  analysis.duplicates = duplicateGroups(groups, options.top);
  return analysis;
}

interface Verifiers {
  readRange?: ReadLayerRange;
  hashLayer?: (index: number, wanted: Set<string>) => Promise<Map<string, string>>;
}

/**
 * Groups of two or more files with one fingerprint. Files located in place but not fingerprinted by
 * the scan get theirs now, read from the source: only those whose size another file shares.
 */
async function fingerprinted(
  candidates: DuplicateCandidates,
  readRange?: ReadLayerRange,
): Promise<CandidateFile[][]> {
  const byFingerprint = new Map<string, CandidateFile[]>();
  for (const paths of candidates.values()) {
    if (paths.length < 2) continue;
    for (const file of paths) {
      if (!file.fingerprint && readRange && file.offset !== undefined)
        file.fingerprint = await fingerprintInPlace(file, readRange);
      if (!file.fingerprint) continue;
      const group = byFingerprint.get(file.fingerprint);
      if (group) group.push(file);
      else byFingerprint.set(file.fingerprint, [file]);
    }
  }
  return [...byFingerprint.values()].filter((group) => group.length > 1);
}

/**
 * Files whose fingerprint covers their whole content (up to 8 KiB) are duplicates as they stand; the
 * others are hashed in full (read in place where their offset is known, else by reading their layer
 * again) and regrouped by that hash.
 */
async function verifiedGroups(
  candidates: readonly CandidateFile[][],
  verifiers: Verifiers,
): Promise<{ paths: FileEntry[]; verified: boolean }[]> {
  const groups: { paths: FileEntry[]; verified: boolean }[] = [];
  const pending: CandidateFile[][] = [];
  const hashes = new Map<string, string>();
  const wantedByLayer = new Map<number, Set<string>>();
  for (const paths of candidates) {
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

/** The scan's fingerprint of a file, taken from where it lies: see `fingerprint` in layer-scan. */
async function fingerprintInPlace(
  file: CandidateFile,
  readRange: ReadLayerRange,
): Promise<string | undefined> {
  const offset = file.offset ?? 0;
  if (file.bytes <= 2 * SAMPLE) {
    const content = await readRange(file.layer, offset, file.bytes);
    return content.length === file.bytes ? smallFingerprint(content) : undefined;
  }
  const head = await readRange(file.layer, offset, SAMPLE);
  if (head.length < SAMPLE) return undefined;
  const headCrc = crc32(head);
  const tail = await readRange(file.layer, offset + file.bytes - SAMPLE, SAMPLE);
  if (tail.length < SAMPLE) return undefined;
  return fingerprintText(file.bytes, headCrc, crc32(tail));
}

/**
 * SHA-256 of a file read where the scan saw it. Its first and last 4 KiB must match its fingerprint,
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
