import type { Readable } from 'node:stream';
import type { Parser, ReadEntry } from 'tar';
import { type LayerEntry } from './entries.js';
import { type StreamPositions } from './fingerprint.js';
import { type FileWindow } from './tar-walk.js';
export interface ScanOptions {
    /** Files smaller than this are not fingerprinted for the duplicate search (default 1 KiB). */
    minDuplicateBytes?: number;
    /** Names the layer in errors (`layer 3 (sha256:ab…) of image.tar`). */
    label: string;
    /** Positions of the source stream's chunks, to locate file contents for a later exact read. */
    positions?: StreamPositions;
}
/**
 * The tar parser for one layer: strict, so a corrupt or truncated tar is an error, not a warning. A
 * layer of zero bytes only is an empty tar (BuildKit's empty layer, sha256:4f4fb700…, is 1 KiB of
 * zeros gzip'd), which node-tar calls an unrecognized archive: `onlyZeros` (asked once the whole
 * layer was fed) tells that one apart from a corrupt layer.
 */
export declare function layerParser(label: string, onEntry: (entry: ReadEntry) => void, onlyZeros?: () => boolean): Promise<{
    parser: Parser;
    done: Promise<void>;
}>;
/**
 * Handles one layer's tar entries (gzip'd or not; the parser tells): each is handed to `onEntry` and
 * its content read past, fingerprinted for the duplicate search when big enough. Nothing is kept, so
 * memory stays flat whatever the layer's size. Returns the uncompressed tar length.
 */
export declare function layerEntryHandler(onEntry: (entry: LayerEntry) => void, options: ScanOptions): {
    handle: (entry: ReadEntry) => void;
};
/**
 * Reads one uncompressed layer stored in a file (a `docker save` member, an OCI layout blob) by its
 * headers only: contents are skipped, their offsets kept for the duplicate check to read later.
 */
export declare function scanLayerFile(file: FileWindow, range: {
    start: number;
    end: number;
}, onEntry: (entry: LayerEntry) => void, label: string): Promise<{
    tarBytes: number;
}>;
/** Reads one layer blob (plain or gzip'd tar) from a stream; see `layerEntryHandler`. */
export declare function scanLayer(blob: Readable, onEntry: (entry: LayerEntry) => void, options: ScanOptions): Promise<{
    tarBytes: number;
}>;
/**
 * SHA-256 of the whole content of the `wanted` files of a layer (the last version when a layer writes a
 * path twice): the exact check behind a duplicate that fingerprints only suggested.
 */
export declare function hashLayerFiles(blob: Readable, wanted: ReadonlySet<string>, label: string): Promise<Map<string, string>>;
