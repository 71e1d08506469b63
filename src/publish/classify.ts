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
export function tagVersion(tag: string): semver.SemVer | undefined {
  const text = tag.replace(/^v(?=\d)/, '');
  if (!/^\d+\.\d+\.\d+/.test(text)) return undefined;
  return semver.parse(text) ?? undefined;
}

const PINNED = [
  /(?:^|[-_.])(?:sha|git|commit)-?[0-9a-f]{7,64}$/i,
  /^[0-9a-f]{7,64}$/,
  /(?:^|\D)\d{8}(?:[-_T]?\d{4,6})?(?:\D|$)/,
];

export function classifyTag(tag: string, version: semver.SemVer | undefined): ClassifiedTag {
  if (tag === 'latest') return { tag, kind: 'floating', range: 'latest' };
  if (tagVersion(tag)) return { tag, kind: 'version' };
  if (version) {
    const bare = tag.replace(/^v(?=\d)/, '');
    if (bare === `${version.major}`) return { tag, kind: 'floating', range: 'major' };
    if (bare === `${version.major}.${version.minor}`) return { tag, kind: 'floating', range: 'minor' };
  }
  if (PINNED.some((pattern) => pattern.test(tag)) && /\d/.test(tag)) return { tag, kind: 'pinned' };
  return { tag, kind: 'moving' };
}
