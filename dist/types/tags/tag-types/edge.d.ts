import type { TagTypeEvaluator } from './tag-type.js';
/** `type=edge`: `edge` on a push to `branch=` (default: the repository's default branch). */
export declare const edgeTag: TagTypeEvaluator;
