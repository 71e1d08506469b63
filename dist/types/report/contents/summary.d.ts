import type { LayeredFilesystem } from './filesystem.js';
import type { ContentAnalysis, DuplicateGroup, FileEntry } from './types.js';
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
export declare function summariseFilesystem(filesystem: LayeredFilesystem, options?: SummaryOptions): {
    analysis: ContentAnalysis;
    candidates: DuplicateCandidates;
};
/** Duplicate groups, largest waste first; `verified` says whether whole contents were compared. */
export declare function duplicateGroups(groups: Iterable<{
    paths: FileEntry[];
    verified: boolean;
}>, top?: number): DuplicateGroup[];
