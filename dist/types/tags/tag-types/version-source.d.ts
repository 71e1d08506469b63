import type { TagEntry } from '../types.js';
import type { TagTypeEnv } from './tag-type.js';
/**
 * The raw version a semver/pep440/match entry works on: its `value=` (rendered), else the run's
 * release: the git tag (metadata-action's only source), or, where metadata-action emits nothing, a
 * release event's `tag_name` or a workflow_dispatch `version` input (see runRelease).
 */
export declare function versionSource(entry: TagEntry, env: TagTypeEnv): string | undefined;
/** semver/pep440 `match=`: keeps the first capture group; warns and keeps the value when it fails. */
export declare function applyVersionMatch(raw: string, entry: TagEntry, env: TagTypeEnv): string;
