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

export const PLAIN_FAMILY: TagFamily = { prefix: '', suffix: '' };

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
export function tagVersion(tag: string): semver.SemVer | undefined {
  const text = tag.replace(/^v(?=\d)/, '');
  if (!/^\d+\.\d+\.\d+/.test(text)) return undefined;
  return semver.parse(text) ?? undefined;
}

/** The family's part of a tag: without its prefix and suffix (and then a leading `v`), or undefined. */
function familyCore(tag: string, family: TagFamily): string | undefined {
  const { prefix, suffix } = family;
  if (tag.length <= prefix.length + suffix.length || !tag.startsWith(prefix) || !tag.endsWith(suffix))
    return undefined;
  return tag.slice(prefix.length, tag.length - suffix.length).replace(/^v(?=\d)/, '');
}

/** A tag read as a version of `family` (`2.0.0-alpine` is 2.0.0 in ('', '-alpine')), or undefined. */
export function familyVersion(tag: string, family: TagFamily): semver.SemVer | undefined {
  const core = familyCore(tag, family);
  return core === undefined ? undefined : tagVersion(core);
}

const sameFamily = (a: TagFamily, b: TagFamily) => a.prefix === b.prefix && a.suffix === b.suffix;

/**
 * The release a set of tags publishes. With `version` known (the tag engine's semantic version), its
 * family is the text around it in the first tag that holds it. Without, the first version-like tag
 * decides, and what follows `x.y.z` is a flavor suffix when the set also has the matching floating tag
 * (`1.4.3-alpine` with `1-alpine` or `1.4-alpine`); otherwise it is the version's own pre-release or
 * build part (`1.0.0-rc.1`).
 */
export function findRelease(tags: readonly string[], version?: semver.SemVer): Release | undefined {
  if (version) {
    const around = new RegExp(`^(.*?)v?${escapeRegExp(version.version)}(.*)$`);
    for (const tag of tags) {
      const match = around.exec(tag);
      // The version must stand alone: not the end of 11.4.3 nor the start of 1.4.30.
      if (match && !/[\d.]$/.test(match[1]) && !/^[\d.]/.test(match[2]))
        return { version, family: { prefix: match[1], suffix: match[2] } };
    }
    return { version, family: PLAIN_FAMILY };
  }
  for (const tag of tags) {
    const match = /^(.*?)(v?\d+\.\d+\.\d+)(.*)$/.exec(tag);
    if (!match) continue;
    const [, prefix, core, rest] = match;
    const base = tagVersion(core);
    if (!base) continue;
    const flavored = { prefix, suffix: rest };
    const floats = [`${base.major}`, `${base.major}.${base.minor}`].some((name) =>
      tags.some((other) => other !== tag && familyCore(other, flavored) === name),
    );
    if (rest && (floats || !/^[-+]/.test(rest))) return { version: base, family: flavored };
    const whole = tagVersion(core + rest);
    if (whole) return { version: whole, family: { prefix, suffix: '' } };
  }
  return undefined;
}

const PINNED = [
  /(?:^|[-_.])(?:sha|git|commit)-?[0-9a-f]{7,64}$/i,
  /^[0-9a-f]{7,64}$/,
  /(?:^|\D)\d{8}(?:[-_T]?\d{4,6})?(?:\D|$)/,
];

/**
 * Classifies a tag against this build's release. Floating tags are matched in the release's family
 * first (`1-alpine` is the major tag of 1.4.3-alpine), then among plain tags; plain `latest` follows
 * both families, so a flavored 2.0.0-alpine keeps it from 1.4.3-alpine.
 */
export function classifyTag(
  tag: string,
  version: semver.SemVer | undefined,
  family: TagFamily = PLAIN_FAMILY,
): ClassifiedTag {
  const families = sameFamily(family, PLAIN_FAMILY) ? [PLAIN_FAMILY] : [family, PLAIN_FAMILY];
  if (tag === 'latest') return { tag, kind: 'floating', range: 'latest', families };
  for (const candidate of families) {
    const core = familyCore(tag, candidate);
    if (core === 'latest') return { tag, kind: 'floating', range: 'latest', families: [candidate] };
    if (version && core === `${version.major}`)
      return { tag, kind: 'floating', range: 'major', families: [candidate] };
    if (version && core === `${version.major}.${version.minor}`)
      return { tag, kind: 'floating', range: 'minor', families: [candidate] };
  }
  if (tagVersion(tag) || families.some((candidate) => familyVersion(tag, candidate)))
    return { tag, kind: 'version' };
  if (PINNED.some((pattern) => pattern.test(tag)) && /\d/.test(tag)) return { tag, kind: 'pinned' };
  return { tag, kind: 'moving' };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
