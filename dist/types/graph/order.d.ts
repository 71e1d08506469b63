import type { ImagesFile, GraphImageSpec } from './images-file.js';
/** The images in an order that puts every parent before its children, and each image's level. */
export interface GraphOrder {
    /** Topological order; among images whose parents are all earlier, the file's order. */
    order: GraphImageSpec[];
    /** 0 for images with no parent, else one more than the highest parent. */
    levels: Map<string, number>;
    /** Names per level: every image of a level can build in parallel once the levels before it are done. */
    byLevel: string[][];
}
/**
 * Checks `depends-on` (every name is an image of the file, no image depends on itself through any
 * chain) and orders the graph. A cycle is named in full (`a → b → c → a`) at the first edge of it.
 */
export declare function orderGraph(file: ImagesFile): GraphOrder;
