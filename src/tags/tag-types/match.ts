import type { TagTypeEvaluator } from './tag-type.js';
import { versionSource } from './version-source.js';

/** `type=match`: a regex group of the git tag (or `value=`). */
export const matchTag: TagTypeEvaluator = (entry, env) => {
  const source = versionSource(entry, env);
  if (source === undefined) return undefined;
  const { pattern, group } = entry.attrs;
  const literal = /^\/(.+)\/(.*)$/.exec(pattern);
  const found = literal ? source.match(new RegExp(literal[1], literal[2])) : source.match(pattern);
  if (!found) {
    env.logger.warning(`${pattern} does not match ${source}.`);
    return undefined;
  }
  const value = found[Number(group)];
  if (value === undefined) {
    env.logger.warning(`Group ${group} does not exist for ${pattern} pattern.`);
    return undefined;
  }
  return { value: env.affix(value, entry), autoLatest: true };
};
