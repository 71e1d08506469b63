import { isTagRef, tagName } from '../refs.js';
import type { TagEntry } from '../types.js';
import type { TagTypeEnv } from './tag-type.js';

/**
 * The raw version a semver/pep440/match entry works on: its `value=` (rendered), else the git tag.
 * Undefined when there is neither.
 */
export function versionSource(entry: TagEntry, env: TagTypeEnv): string | undefined {
  const ref = env.scope.context.ref;
  if (entry.attrs.value.length > 0) return env.render(entry.attrs.value);
  if (isTagRef(ref)) return tagName(ref);
  return undefined;
}

/** semver/pep440 `match=`: keeps the first capture group; warns and keeps the value when it fails. */
export function applyVersionMatch(raw: string, entry: TagEntry, env: TagTypeEnv): string {
  const pattern = entry.attrs.match;
  if (!pattern) return raw;
  const found = raw.match(pattern);
  if (!found) {
    env.logger.warning(`${pattern} does not match ${raw}.`);
    return raw;
  }
  return found[1] ?? found[0];
}
