import { branchName, isBranchRef, isPullRef, isTagRef, pullNumber, tagName } from '../refs.js';
import type { TagTypeEvaluator } from './tag-type.js';

/** `type=ref,event=branch|tag|pr`: the branch name, the git tag (latest under auto) or the PR number. */
export const refTag: TagTypeEvaluator = (entry, env) => {
  const ref = env.scope.context.ref;
  switch (entry.attrs.event) {
    case 'branch':
      return isBranchRef(ref) ? { value: env.affix(branchName(ref), entry), autoLatest: false } : undefined;
    case 'tag':
      return isTagRef(ref) ? { value: env.affix(tagName(ref), entry), autoLatest: true } : undefined;
    case 'pr':
      return isPullRef(ref) ? { value: env.affix(pullNumber(ref), entry), autoLatest: false } : undefined;
    default:
      return undefined;
  }
};
