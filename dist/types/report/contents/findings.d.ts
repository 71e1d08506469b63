import type { FindingKind } from './types.js';
export interface PathClass {
    kind: FindingKind;
    category: string;
}
/** What a path of the final filesystem means for the production checks, if anything. */
export declare function classifyPath(path: string, isFile: boolean): PathClass | undefined;
