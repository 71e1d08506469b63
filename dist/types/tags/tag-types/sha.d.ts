import type { TagTypeEvaluator } from './tag-type.js';
/** `type=sha`: the commit sha, short (DOCKER_METADATA_SHORT_SHA_LENGTH, default 7) or long. */
export declare const shaTag: TagTypeEvaluator;
