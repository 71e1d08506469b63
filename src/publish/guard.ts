import semver from 'semver';
import type { ClassifiedTag } from './classify.js';
import { tagVersion } from './classify.js';

/** Why a floating tag stays where it is. */
export interface HeldBack {
  tag: string;
  reason: string;
  /** The higher version already in the repository, when that is the reason. */
  higher?: string;
}

/** Highest stable version among the tags that falls in the floating tag's range for `version`. */
export function highestInRange(
  range: NonNullable<ClassifiedTag['range']>,
  version: semver.SemVer,
  existingTags: readonly string[],
): semver.SemVer | undefined {
  let highest: semver.SemVer | undefined;
  for (const tag of existingTags) {
    const other = tagVersion(tag);
    if (!other || other.prerelease.length > 0) continue;
    if (range !== 'latest' && other.major !== version.major) continue;
    if (range === 'minor' && other.minor !== version.minor) continue;
    if (!highest || semver.gt(other, highest)) highest = other;
  }
  return highest;
}

/**
 * The floating-tag guard: `latest`, `<major>` and `<major>.<minor>` move only when this version is at
 * least the highest stable version already in their range; a pre-release never moves them. Without a
 * version there is nothing to compare, so `latest` moves (branch builds that own `latest`).
 */
export function guardFloatingTag(
  tag: ClassifiedTag,
  version: semver.SemVer | undefined,
  existingTags: readonly string[],
): HeldBack | undefined {
  if (tag.kind !== 'floating' || !tag.range || !version) return undefined;
  if (version.prerelease.length > 0) {
    return {
      tag: tag.tag,
      reason: `${version.version} is a pre-release; pre-releases never move floating tags`,
    };
  }
  const highest = highestInRange(tag.range, version, existingTags);
  if (highest && semver.lt(version, highest)) {
    const scope = tag.range === 'latest' ? 'the repository' : `the ${tag.tag} range`;
    return {
      tag: tag.tag,
      reason: `${version.version} is lower than ${highest.version} already in ${scope}`,
      higher: highest.version,
    };
  }
  return undefined;
}
