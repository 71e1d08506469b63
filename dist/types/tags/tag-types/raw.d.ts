import type { TagTypeEvaluator } from './tag-type.js';
/** `type=raw`: the rendered value, always. */
export declare const rawTag: TagTypeEvaluator;
