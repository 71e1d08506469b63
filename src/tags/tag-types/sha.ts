import { shortSha } from '../refs.js';
import type { TagTypeEvaluator } from './tag-type.js';

/** `type=sha`: the commit sha, short (DOCKER_METADATA_SHORT_SHA_LENGTH, default 7) or long. */
export const shaTag: TagTypeEvaluator = (entry, env) => {
  const { sha, shortShaLength } = env.scope.context;
  if (!sha) return undefined;
  const value = entry.attrs.format === 'short' ? shortSha(sha, shortShaLength) : sha;
  return { value: env.affix(value, entry), autoLatest: false };
};
