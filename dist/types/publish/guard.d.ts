import semver from 'semver';
import { type ClassifiedTag, type FloatingRange, type TagFamily } from './classify.js';
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
export declare function highestReleaseInRange(floating: Pick<ClassifiedTag, 'range' | 'families'>, version: semver.SemVer, existingTags: readonly string[]): ExistingRelease | undefined;
/** Highest stable version in the range among plain tags (or `families`); see highestReleaseInRange. */
export declare function highestInRange(range: FloatingRange, version: semver.SemVer, existingTags: readonly string[], families?: TagFamily[]): semver.SemVer | undefined;
/**
 * The floating-tag guard: `latest`, `<major>` and `<major>.<minor>` (with a flavor's prefix and suffix)
 * move only when this version is at least the highest stable version already in their range; a
 * pre-release never moves them. Without a version there is nothing to compare, so `latest` moves
 * (branch builds that own `latest`).
 */
export declare function guardFloatingTag(tag: ClassifiedTag, version: semver.SemVer | undefined, existingTags: readonly string[]): HeldBack | undefined;
