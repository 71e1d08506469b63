import type { GraphResult } from '../graph/index.js';
import { type ImageReport } from '../report/index.js';
/**
 * The graph's table for the job summary or a terminal: a row per image in build order with what
 * happened to it, its compressed size split into its own layers and its base's, the change against its
 * baseline, its time and tags. With the images' reports (`reports` by image name) the sizes come from
 * them; the per-image details are each image's own report, after the table.
 */
export declare function renderGraphTable(result: GraphResult, reports?: ReadonlyMap<string, ImageReport>): string;
