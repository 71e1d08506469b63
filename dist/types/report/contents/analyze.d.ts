import type { Readable } from 'node:stream';
import { LayeredFilesystem } from './filesystem.js';
import { type SummaryOptions } from './summary.js';
import type { ContentAnalysis } from './types.js';
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
export declare function analyzeLayers(layers: readonly LayerBlobRef[], openLayer: OpenLayer, options?: AnalyzeOptions & {
    readRange?: ReadLayerRange;
}): Promise<ContentAnalysis>;
/**
 * File-level analysis of layers stored as files (an OCI layout's blobs). An uncompressed layer is read
 * by its headers only and its duplicate candidates in place; a gzip'd one is streamed.
 */
export declare function analyzeLayerFiles(layers: readonly LayerBlobRef[], pathOf: (layer: LayerBlobRef, index: number) => string, options?: AnalyzeOptions): Promise<ContentAnalysis>;
/** Summary, then duplicates: exact when the source can be read again. */
export declare function finishAnalysis(filesystem: LayeredFilesystem, layers: readonly LayerBlobRef[], source: {
    open?: OpenLayer;
    readRange?: ReadLayerRange;
}, options?: AnalyzeOptions): Promise<ContentAnalysis>;
export declare function layerLabel(ref: LayerBlobRef, index: number, source?: string): string;
