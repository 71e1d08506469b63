import type { TagType } from '../types.js';
import type { TagTypeEvaluator } from './tag-type.js';
export type { TagCandidate, TagTypeEnv, TagTypeEvaluator } from './tag-type.js';
/** Every tag type behind the one interface. */
export declare const TAG_TYPE_EVALUATORS: Record<TagType, TagTypeEvaluator>;
