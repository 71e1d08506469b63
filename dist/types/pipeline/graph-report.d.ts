import type { GraphResult } from '../graph/index.js';
/**
 * The graph's table for the job summary or a terminal: a row per image in build order with what
 * happened to it, its digest, size, time and tags. The per-image details are each image's own report.
 */
export declare function renderGraphTable(result: GraphResult): string;
