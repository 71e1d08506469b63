import semver from 'semver';
import type { ClassifiedTag } from './classify.js';
/** Why a floating tag stays where it is. */
export interface HeldBack {
    tag: string;
    reason: string;
    /** The higher version already in the repository, when that is the reason. */
    higher?: string;
}
/** Highest stable version among the tags that falls in the floating tag's range for `version`. */
export declare function highestInRange(range: NonNullable<ClassifiedTag['range']>, version: semver.SemVer, existingTags: readonly string[]): semver.SemVer | undefined;
/**
 * The floating-tag guard: `latest`, `<major>` and `<major>.<minor>` move only when this version is at
 * least the highest stable version already in their range; a pre-release never moves them. Without a
 * version there is nothing to compare, so `latest` moves (branch builds that own `latest`).
 */
export declare function guardFloatingTag(tag: ClassifiedTag, version: semver.SemVer | undefined, existingTags: readonly string[]): HeldBack | undefined;
