import semver from 'semver';
/**
 * What a tag is, relative to this build's version:
 * - `version`: the full version (`1.4.3`, `v1.4.3`) — never moves;
 * - `pinned`: names one build (a commit sha, a timestamp) — never moves;
 * - `floating`: `latest`, `<major>`, `<major>.<minor>` of this version — moves with releases, guarded;
 * - `moving`: every other name (`prod`, `edge`, `main`, `pr-12`) — moves on each build, not guarded.
 */
export type TagKind = 'version' | 'pinned' | 'floating' | 'moving';
export interface ClassifiedTag {
    tag: string;
    kind: TagKind;
    /** For floating tags: the version range the tag stands for. */
    range?: 'latest' | 'major' | 'minor';
}
/** A tag read as a full semver version (a leading `v` allowed), or undefined. */
export declare function tagVersion(tag: string): semver.SemVer | undefined;
export declare function classifyTag(tag: string, version: semver.SemVer | undefined): ClassifiedTag;
