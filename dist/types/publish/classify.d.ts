import semver from 'semver';
/**
 * What a tag is, relative to this build's version:
 * - `version`: the full version (`1.4.3`, `v1.4.3`, `1.4.3-alpine`) — never moves;
 * - `pinned`: names one build (a commit sha, a timestamp) — never moves;
 * - `floating`: `latest`, `<major>`, `<major>.<minor>` of this version — moves with releases, guarded;
 * - `moving`: every other name (`prod`, `edge`, `main`, `pr-12`) — moves on each build, not guarded.
 */
export type TagKind = 'version' | 'pinned' | 'floating' | 'moving';
export type FloatingRange = 'latest' | 'major' | 'minor';
/**
 * The text a flavor puts around versions (`prefix=`, `suffix=`): `1.4.3-alpine` and `1-alpine` are in
 * the family ('', '-alpine'). Versions are compared within a family only: `2.0.0-alpine` is release
 * 2.0.0 of the alpine family, not a pre-release of 2.0.0.
 */
export interface TagFamily {
    prefix: string;
    suffix: string;
}
export declare const PLAIN_FAMILY: TagFamily;
export interface ClassifiedTag {
    tag: string;
    kind: TagKind;
    /** For floating tags: the version range the tag stands for. */
    range?: FloatingRange;
    /** For floating tags: the families whose versions it follows (plain `latest` follows the plain ones too). */
    families?: TagFamily[];
}
/** This build's release: its version and the family of its version tag. */
export interface Release {
    version: semver.SemVer;
    family: TagFamily;
}
/** A tag read as a full semver version (a leading `v` allowed), or undefined. */
export declare function tagVersion(tag: string): semver.SemVer | undefined;
/** A tag read as a version of `family` (`2.0.0-alpine` is 2.0.0 in ('', '-alpine')), or undefined. */
export declare function familyVersion(tag: string, family: TagFamily): semver.SemVer | undefined;
/**
 * The release a set of tags publishes. With `version` known (the tag engine's semantic version), its
 * family is the text around it in the first tag that holds it. Without, the first version-like tag
 * decides, and what follows `x.y.z` is a flavor suffix when the set also has the matching floating tag
 * (`1.4.3-alpine` with `1-alpine` or `1.4-alpine`); otherwise it is the version's own pre-release or
 * build part (`1.0.0-rc.1`).
 */
export declare function findRelease(tags: readonly string[], version?: semver.SemVer): Release | undefined;
/**
 * Classifies a tag against this build's release. Floating tags are matched in the release's family
 * first (`1-alpine` is the major tag of 1.4.3-alpine), then among plain tags; plain `latest` follows
 * both families, so a flavored 2.0.0-alpine keeps it from 1.4.3-alpine.
 */
export declare function classifyTag(tag: string, version: semver.SemVer | undefined, family?: TagFamily): ClassifiedTag;
