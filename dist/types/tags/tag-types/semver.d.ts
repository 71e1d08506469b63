import type { TagTypeEvaluator } from './tag-type.js';
/** `type=semver`: the pattern over the parsed version; a prerelease forces `{{version}}` unless the pattern is `{{raw}}`. */
export declare const semverTag: TagTypeEvaluator;
