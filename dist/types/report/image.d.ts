import type { ReportLayer } from './model.js';
/** The parts of an image manifest and config the report reads (Docker v2 and OCI share them). */
export interface ManifestLike {
    config: {
        size: number;
        digest: string;
    };
    layers: {
        size: number;
        digest: string;
    }[];
}
export interface ImageConfigLike {
    config?: {
        User?: string;
    };
    history?: {
        created_by?: string;
        empty_layer?: boolean;
    }[];
}
/**
 * Pairs each layer with the instruction that made it: history entries without `empty_layer` take the
 * next layer in order. History is optional and can disagree with the layer count (squashed or
 * hand-made images); then no instruction is attached rather than a wrong one.
 */
export declare function layersWithHistory(manifest: ManifestLike, config: ImageConfigLike): ReportLayer[];
