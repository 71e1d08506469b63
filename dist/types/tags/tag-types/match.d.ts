import type { TagTypeEvaluator } from './tag-type.js';
/** `type=match`: a regex group of the git tag (or `value=`). */
export declare const matchTag: TagTypeEvaluator;
