import type { LayerEntry } from './entries.js';
import type { LayerContents } from './types.js';
declare const enum Kind {
    File = 0,
    Directory = 1,
    Link = 2,
    Other = 3
}
/**
 * One path ever seen, with dive's per-path accounting. A deleted path keeps its node (not `present`)
 * so its history still counts when a later layer brings it back.
 */
export declare class PathNode {
    readonly name: string;
    children: Map<string, PathNode> | undefined;
    kind: Kind;
    present: boolean;
    /** Size of the visible version. */
    bytes: number;
    /** Layer of the visible version (or of the last deletion). */
    layer: number;
    occurrences: number;
    cumulative: number;
    smallest: number;
    fingerprint: string | undefined;
    /** Where the visible version's content starts in its layer's source, when known. */
    offset: number | undefined;
    constructor(name: string);
    get isFile(): boolean;
}
/**
 * The image's filesystem, built layer by layer, bottom first: the union of layers with overlayfs'
 * rules (a later path replaces an earlier one, `.wh.name` deletes, `.wh..wh..opq` hides a directory's
 * lower contents). Memory grows with the number of distinct paths, never with file sizes.
 */
export declare class LayeredFilesystem {
    readonly root: PathNode;
    readonly layers: LayerContents[];
    /** Starts a layer; entries are then applied with `apply`, in tar order. */
    beginLayer(index: number): LayerContents;
    apply(layer: LayerContents, entry: LayerEntry): void;
    private delete;
    /**
     * Records one write or deletion of a path. The layer that re-touches a path is charged the growth of
     * that path's reclaimable bytes (cumulative − smallest), so the per-layer figures add up to the total.
     */
    private occur;
    private node;
    private find;
}
export {};
