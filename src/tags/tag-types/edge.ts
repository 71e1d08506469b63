import { branchName, isBranchRef } from '../refs.js';
import type { TagTypeEvaluator } from './tag-type.js';

/** `type=edge`: `edge` on a push to `branch=` (default: the repository's default branch). */
export const edgeTag: TagTypeEvaluator = (entry, env) => {
  const ref = env.scope.context.ref;
  if (!isBranchRef(ref)) return undefined;
  const branch = entry.attrs.branch || env.repo.default_branch;
  if (branch !== branchName(ref)) return undefined;
  return { value: env.affix('edge', entry), autoLatest: false };
};
