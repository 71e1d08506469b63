import { compareText } from '../../util/compare-text.js';
import { classifyPath } from './findings.js';
import type { LayeredFilesystem, PathNode } from './filesystem.js';
import type {
  ContentAnalysis,
  DuplicateGroup,
  FileEntry,
  FindingSummary,
  PathFinding,
  WastedPath,
} from './types.js';

export interface SummaryOptions {
  /** Layers below this index are the base image's. */
  baseLayerCount?: number;
  /** Files smaller than this are left out of the duplicate search (default 1 KiB). */
  minDuplicateBytes?: number;
  /** Length of the largest-files, wasted-paths and duplicates lists (default 50). */
  top?: number;
}

/**
 * A final file that may have a twin: its fingerprint when the scan took one, and where its content
 * is when it lies uncompressed in a file (then the fingerprint is taken later, only if its size repeats).
 */
export interface CandidateFile extends FileEntry {
  fingerprint?: string;
  offset?: number;
}

/** Candidates for the duplicate search: final files by fingerprint, or by size (`size:N`) when located. */
export type DuplicateCandidates = Map<string, CandidateFile[]>;

/**
 * Walks the final filesystem once: dive's efficiency and reclaimable bytes, the largest files the
 * image's own layers added, wasted paths, findings for the checks, and duplicate candidates.
 */
export function summariseFilesystem(
  filesystem: LayeredFilesystem,
  options: SummaryOptions = {},
): { analysis: ContentAnalysis; candidates: DuplicateCandidates } {
  const top = options.top ?? 50;
  const baseLayers = options.baseLayerCount ?? 0;
  const minDuplicate = options.minDuplicateBytes ?? 1024;
  const largest = new TopList<FileEntry>(top, (entry) => entry.bytes);
  const wasted = new TopList<WastedPath>(top, (entry) => entry.reclaimableBytes);
  const findings: PathFinding[] = [];
  const byFingerprint: DuplicateCandidates = new Map();
  let smallest = 0;
  let cumulative = 0;
  let files = 0;
  let bytes = 0;

  const visit = (node: PathNode, path: string) => {
    if (node.occurrences > 0) {
      smallest += node.smallest;
      cumulative += node.cumulative;
      const reclaimable = node.cumulative - node.smallest;
      if (reclaimable > 0) {
        wasted.add({
          path,
          reclaimableBytes: reclaimable,
          cumulativeBytes: node.cumulative,
          occurrences: node.occurrences,
          layer: node.layer,
          deleted: !node.present,
        });
      }
    }
    if (node.present && path) {
      const entry = { path, bytes: node.bytes, layer: node.layer };
      if (node.isFile) {
        files++;
        bytes += node.bytes;
        if (node.layer >= baseLayers) largest.add(entry);
        const key =
          node.fingerprint ??
          (node.offset !== undefined && node.bytes >= minDuplicate ? `size:${node.bytes}` : undefined);
        if (key) {
          const candidate: CandidateFile = { ...entry, fingerprint: node.fingerprint, offset: node.offset };
          const group = byFingerprint.get(key);
          if (group) group.push(candidate);
          else byFingerprint.set(key, [candidate]);
        }
      }
      const found = classifyPath(path, node.isFile);
      if (found) findings.push({ ...entry, ...found });
    }
    for (const [name, child] of node.children ?? []) visit(child, path ? `${path}/${name}` : name);
  };
  visit(filesystem.root, '');

  const candidates: DuplicateCandidates = new Map();
  for (const [fingerprint, group] of byFingerprint) if (group.length > 1) candidates.set(fingerprint, group);
  return {
    analysis: {
      layers: filesystem.layers,
      efficiency: cumulative === 0 ? 1 : smallest / cumulative,
      reclaimableBytes: cumulative - smallest,
      cumulativeBytes: cumulative,
      final: { files, bytes },
      largestOwnFiles: largest.sorted(),
      wastedPaths: wasted.sorted(),
      duplicates: [],
      findings: summariseFindings(findings, baseLayers),
    },
    candidates,
  };
}

/** Duplicate groups, largest waste first; `verified` says whether whole contents were compared. */
export function duplicateGroups(
  groups: Iterable<{ paths: FileEntry[]; verified: boolean }>,
  top = 50,
): DuplicateGroup[] {
  const list = new TopList<DuplicateGroup>(top, (group) => group.wastedBytes);
  for (const { paths, verified } of groups) {
    if (paths.length < 2) continue;
    const sorted = paths
      .map(({ path, bytes, layer }) => ({ path, bytes, layer }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    list.add({
      bytes: sorted[0].bytes,
      paths: sorted,
      wastedBytes: sorted[0].bytes * (sorted.length - 1),
      verified,
    });
  }
  return list.sorted();
}

function summariseFindings(findings: PathFinding[], baseLayers: number): FindingSummary[] {
  const byCategory = new Map<string, FindingSummary>();
  for (const finding of findings) {
    const key = `${finding.kind}:${finding.category}`;
    let summary = byCategory.get(key);
    if (!summary) {
      summary = {
        kind: finding.kind,
        category: finding.category,
        files: 0,
        bytes: 0,
        ownBytes: 0,
        examples: [],
      };
      byCategory.set(key, summary);
    }
    summary.files++;
    summary.bytes += finding.bytes;
    if (finding.layer >= baseLayers) summary.ownBytes += finding.bytes;
    summary.examples.push({ path: finding.path, bytes: finding.bytes, layer: finding.layer });
  }
  const summaries = [...byCategory.values()];
  for (const summary of summaries) {
    summary.examples = summary.examples
      .sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1))
      .slice(0, 5);
  }
  return summaries.sort(
    (a, b) => compareText(a.kind, b.kind) || b.bytes - a.bytes || compareText(a.category, b.category),
  );
}

/** Keeps the `size` largest items seen, without holding every item. */
class TopList<T> {
  private items: T[] = [];

  constructor(
    private readonly size: number,
    private readonly weight: (item: T) => number,
  ) {}

  add(item: T): void {
    this.items.push(item);
    if (this.items.length >= this.size * 4) this.items = this.sorted();
  }

  sorted(): T[] {
    return this.items.sort((a, b) => this.weight(b) - this.weight(a)).slice(0, this.size);
  }
}
