import semver from 'semver';
import {
  type ClassifiedTag,
  type FloatingRange,
  PLAIN_FAMILY,
  type TagFamily,
  familyVersion,
} from './classify.js';

/** Why a floating tag stays where it is. */
export interface HeldBack {
  tag: string;
  reason: string;
  /** The higher version already in the repository, when that is the reason. */
  higher?: string;
}

/** A release already in the repository: the tag that holds it and its version within its family. */
export interface ExistingRelease {
  tag: string;
  version: semver.SemVer;
}

/**
 * The highest stable release among the tags that falls in a floating tag's range for `version`,
 * reading each tag within the floating tag's families (`2.0.0-alpine` is 2.0.0 for `1-alpine` and for
 * `latest`, and not a pre-release). A real pre-release of the family (`2.0.0-rc.1-alpine`) never counts.
 */
export function highestReleaseInRange(
  floating: Pick<ClassifiedTag, 'range' | 'families'>,
  version: semver.SemVer,
  existingTags: readonly string[],
): ExistingRelease | undefined {
  const { range } = floating;
  if (!range) return undefined;
  let highest: ExistingRelease | undefined;
  for (const tag of existingTags) {
    for (const family of floating.families ?? [PLAIN_FAMILY]) {
      const other = familyVersion(tag, family);
      if (!other || other.prerelease.length > 0) continue;
      if (range !== 'latest' && other.major !== version.major) continue;
      if (range === 'minor' && other.minor !== version.minor) continue;
      if (!highest || semver.gt(other, highest.version)) highest = { tag, version: other };
    }
  }
  return highest;
}

/** Highest stable version in the range among plain tags (or `families`); see highestReleaseInRange. */
export function highestInRange(
  range: FloatingRange,
  version: semver.SemVer,
  existingTags: readonly string[],
  families: TagFamily[] = [PLAIN_FAMILY],
): semver.SemVer | undefined {
  return highestReleaseInRange({ range, families }, version, existingTags)?.version;
}

/**
 * The floating-tag guard: `latest`, `<major>` and `<major>.<minor>` (with a flavor's prefix and suffix)
 * move only when this version is at least the highest stable version already in their range; a
 * pre-release never moves them. Without a version there is nothing to compare, so `latest` moves
 * (branch builds that own `latest`).
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
  const highest = highestReleaseInRange(tag, version, existingTags);
  if (highest && semver.lt(version, highest.version)) {
    const scope = tag.range === 'latest' ? 'the repository' : `the ${tag.tag} range`;
    const named = highest.tag === highest.version.version ? '' : ` (${highest.tag})`;
    return {
      tag: tag.tag,
      reason: `${version.version} is lower than ${highest.version.version}${named} already in ${scope}`,
      higher: highest.version.version,
    };
  }
  return undefined;
}
