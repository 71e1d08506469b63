import type { ImageModel, LayerModel } from './model/types.js';
export type LayerChange = 'unchanged' | 'changed' | 'added';
export interface LayerDelta {
    change: LayerChange;
    /** The baseline layer this one corresponds to (none for an added layer). */
    baselineIndex?: number;
    /** This layer minus its baseline counterpart (the whole layer when added); undefined when unknown. */
    compressedBytes?: number;
    uncompressedBytes?: number;
}
export interface RemovedLayer {
    baselineIndex: number;
    instruction: string;
    compressedBytes?: number;
    uncompressedBytes?: number;
}
export interface BaselineComparison {
    /** What the baseline is, as the caller names it (`app:main`, `app:1.2.2`). */
    label: string;
    digest?: string;
    compressedBytes?: number;
    uncompressedBytes?: number;
    /** Totals: this image minus the baseline, when both sides know the size. */
    compressedDelta?: number;
    uncompressedDelta?: number;
    layerCountDelta: number;
    /** Undefined when neither image says what its base is. */
    baseImageChanged?: boolean;
    /** One entry per layer of this image, in order. */
    layers: LayerDelta[];
    removed: RemovedLayer[];
}
/** A layer with the uncompressed size the contents analysis gave it, if any. */
type SizedLayer = Pick<LayerModel, 'diffId' | 'instruction' | 'compressedBytes' | 'uncompressedBytes'>;
/**
 * Matches this image's layers to the baseline's: by diff_id first (the same content, wherever it moved),
 * then, between those anchors, by instruction with a longest-common-subsequence alignment. Never by
 * index: one inserted layer would shift every later one (container-diff#239).
 */
export declare function compareWithBaseline(current: ImageModel, baseline: ImageModel, label: string, sizes?: {
    current?: readonly (number | undefined)[];
    baseline?: readonly (number | undefined)[];
}): BaselineComparison;
/** Pairs (index in `now`, index in `before`): diff_id anchors, then instruction matches between them. */
export declare function alignLayers(now: readonly SizedLayer[], before: readonly SizedLayer[]): [number, number][];
export {};
