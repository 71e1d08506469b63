import type { TagTypeEvaluator } from './tag-type.js';
/** `type=ref,event=branch|tag|pr`: the branch name, the git tag (latest under auto) or the PR number. */
export declare const refTag: TagTypeEvaluator;
