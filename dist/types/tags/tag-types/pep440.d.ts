import type { TagTypeEvaluator } from './tag-type.js';
/** `type=pep440`: like semver with PEP 440 rules; pre, post and dev releases keep the cleaned version. */
export declare const pep440Tag: TagTypeEvaluator;
