import type { Readable } from 'node:stream';
import { LayeredFilesystem } from './filesystem.js';
import { hashLayerFiles, SAMPLE, scanLayer } from './layer-scan.js';
import {
  duplicateGroups,
  summariseFilesystem,
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

export interface AnalyzeOptions extends SummaryOptions {
  /** Files smaller than this are left out of the duplicate search (default 1 KiB). */
  minDuplicateBytes?: number;
  /**
   * Re-read the layers that hold duplicate candidates to compare whole contents (default true).
   * Without it, duplicates are files with equal size and equal first and last 4 KiB.
   */
  verifyDuplicates?: boolean;
  /** Names the image in error messages (`image.tar`, `registry/repo@sha256:…`). */
  sourceLabel?: string;
}

/** File-level analysis of layers read in order, one at a time; memory follows the path count only. */
export async function analyzeLayers(
  layers: readonly LayerBlobRef[],
  open: OpenLayer,
  options: AnalyzeOptions = {},
): Promise<ContentAnalysis> {
  const filesystem = new LayeredFilesystem();
  for (const [index, ref] of layers.entries()) {
    const layer = filesystem.beginLayer(index);
    const { tarBytes } = await scanLayer(await open(ref, index), (entry) => filesystem.apply(layer, entry), {
      label: layerLabel(ref, index, options.sourceLabel),
      minDuplicateBytes: options.minDuplicateBytes,
    });
    layer.tarBytes = tarBytes;
  }
  return finishAnalysis(filesystem, layers, open, options);
}

/** Summary, then duplicates: exact where `open` can re-read the layers that hold candidates. */
export async function finishAnalysis(
  filesystem: LayeredFilesystem,
  layers: readonly LayerBlobRef[],
  open: OpenLayer | undefined,
  options: AnalyzeOptions = {},
): Promise<ContentAnalysis> {
  const { analysis, candidates } = summariseFilesystem(filesystem, options);
  const verify = options.verifyDuplicates !== false && open !== undefined;
  const groups = verify
    ? await verifiedGroups(candidates, (index, wanted) =>
        open(layers[index], index).then((blob) =>
          hashLayerFiles(blob, wanted, layerLabel(layers[index], index, options.sourceLabel)),
        ),
      )
    : [...candidates.values()].map((paths) => ({ paths, verified: paths[0].bytes <= 2 * SAMPLE }));
  analysis.duplicates = duplicateGroups(groups, options.top);
  return analysis;
}

/**
 * Files whose fingerprint covers their whole content (up to 8 KiB) are duplicates as they stand; the
 * others are hashed in full, reading only the layers that hold them, and regrouped by that hash.
 */
async function verifiedGroups(
  candidates: DuplicateCandidates,
  hashLayer: (index: number, wanted: Set<string>) => Promise<Map<string, string>>,
): Promise<{ paths: FileEntry[]; verified: boolean }[]> {
  const groups: { paths: FileEntry[]; verified: boolean }[] = [];
  const wantedByLayer = new Map<number, Set<string>>();
  const pending: FileEntry[][] = [];
  for (const paths of candidates.values()) {
    if (paths[0].bytes <= 2 * SAMPLE) {
      groups.push({ paths, verified: true });
      continue;
    }
    pending.push(paths);
    for (const entry of paths) {
      const wanted = wantedByLayer.get(entry.layer) ?? new Set<string>();
      wanted.add(entry.path);
      wantedByLayer.set(entry.layer, wanted);
    }
  }
  const hashes = new Map<string, string>();
  for (const [index, wanted] of [...wantedByLayer].sort((a, b) => a[0] - b[0])) {
    for (const [path, hash] of await hashLayer(index, wanted)) hashes.set(path, hash);
  }
  for (const paths of pending) {
    const byHash = new Map<string, FileEntry[]>();
    for (const entry of paths) {
      const hash = hashes.get(entry.path);
      if (!hash) continue;
      byHash.set(hash, [...(byHash.get(hash) ?? []), entry]);
    }
    for (const same of byHash.values()) groups.push({ paths: same, verified: true });
  }
  return groups;
}

export function layerLabel(ref: LayerBlobRef, index: number, source?: string): string {
  const digest = ref.digest ?? ref.diffId;
  return `layer ${index + 1}${digest ? ` (${digest.slice(0, 19)}…)` : ''}${source ? ` of ${source}` : ''}`;
}
