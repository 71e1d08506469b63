import type { TagTypeEvaluator } from './tag-type.js';
/** `type=schedule`: the pattern (date helpers only) on scheduled runs. */
export declare const scheduleTag: TagTypeEvaluator;
