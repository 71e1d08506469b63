import { runRelease } from '../release-event.js';
import type { TagEntry } from '../types.js';
import type { TagTypeEnv } from './tag-type.js';

/**
 * The raw version a semver/pep440/match entry works on: its `value=` (rendered), else the run's
 * release: the git tag (metadata-action's only source), or, where metadata-action emits nothing, a
 * release event's `tag_name` or a workflow_dispatch `version` input (see runRelease).
 */
export function versionSource(entry: TagEntry, env: TagTypeEnv): string | undefined {
  if (entry.attrs.value.length > 0) return env.render(entry.attrs.value);
  return runRelease(env.scope.context)?.tag;
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
