import semver from 'semver';
import { isValidTag } from '../registry/reference.js';
import { InputError } from '../util/errors.js';
import {
  classifyTag,
  type ClassifiedTag,
  familyVersion,
  findRelease,
  type Release,
  tagVersion,
} from './classify.js';
import { guardFloatingTag, type HeldBack } from './guard.js';

export interface PublishPlanInput {
  /** Every tag this image should carry in the repository. */
  tags: readonly string[];
  /** This build's version (`1.4.3`, `v1.4.3`); by default the first full-version tag. */
  version?: string;
  /** The tag the builder pushes; by default the most specific (the version, else a pinned tag). */
  primaryTag?: string;
  /** Tags already in the repository, for the floating-tag guard. */
  existingTags: readonly string[];
  /** Hold back `latest`/`<major>`/`<major>.<minor>` that would go backwards (default true). */
  guardFloatingTags?: boolean;
  /**
   * Why this release is a pre-release although its version is not (a GitHub release marked pre-release
   * or draft): with the guard on, it moves no floating tag, as a `-rc.1` version would not.
   */
  prerelease?: string;
}

export interface PlannedTag extends ClassifiedTag {
  /** True for tags that name one build and must never move once written. */
  immutable: boolean;
}

export interface PublishPlan {
  /** Pushed by the builder, before anything else. */
  primary: PlannedTag;
  /** Written after the primary, in this order: immutable tags first, then moving tags, most specific first. */
  tags: PlannedTag[];
  heldBack: HeldBack[];
  /** The version the guard compared against, normalised. */
  version?: string;
}

const ORDER: Record<string, number> = { version: 0, pinned: 1, moving: 2, minor: 3, major: 4, latest: 5 };
const rank = (tag: ClassifiedTag) => ORDER[tag.range ?? tag.kind];

/** Decides which tag the builder pushes, which tags follow in which order, and which are held back. */
export function planPublish(input: PublishPlanInput): PublishPlan {
  const tags = [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))];
  if (tags.length === 0) throw new InputError('tags', 'no tags to publish');
  for (const tag of tags) {
    if (!isValidTag(tag)) {
      throw new InputError(
        'tags',
        `"${tag}" is not a valid tag (letters, digits, _ . -, up to 128, not starting with . or -)`,
      );
    }
  }
  const release = findRelease(tags, input.version !== undefined ? parseVersion(input.version) : undefined);
  const version = release?.version;
  const classified = tags.map((tag): PlannedTag => {
    const c = classifyTag(tag, version, release?.family);
    return { ...c, immutable: c.kind === 'version' || c.kind === 'pinned' };
  });

  let primary: PlannedTag | undefined;
  if (input.primaryTag !== undefined) {
    primary = classified.find((t) => t.tag === input.primaryTag);
    if (!primary)
      throw new InputError('primary-tag', `"${input.primaryTag}" is not one of the tags to publish`);
  } else {
    primary = mostSpecific(classified, release);
  }

  const guard = input.guardFloatingTags ?? true;
  // The builder pushes the primary unconditionally, so a floating primary must pass the guard here.
  const held = (tag: PlannedTag) =>
    guard
      ? (markedPrerelease(tag, input.prerelease) ?? guardFloatingTag(tag, version, input.existingTags))
      : undefined;
  const primaryHeld = held(primary);
  if (primaryHeld) {
    const primaryInput = input.primaryTag !== undefined ? 'primary-tag' : 'tags';
    throw new InputError(
      primaryInput,
      `the builder would push "${primary.tag}", which the floating-tag guard holds back (${primaryHeld.reason}); add a version or sha tag`,
    );
  }
  const heldBack: HeldBack[] = [];
  const rest: PlannedTag[] = [];
  for (const tag of classified) {
    if (tag === primary) continue;
    const reason = held(tag);
    if (reason) heldBack.push(reason);
    else rest.push(tag);
  }
  rest.sort((a, b) => rank(a) - rank(b));
  return { primary, tags: rest, heldBack, version: version?.version };
}

function markedPrerelease(tag: PlannedTag, why: string | undefined): HeldBack | undefined {
  return why && tag.kind === 'floating' ? { tag: tag.tag, reason: why } : undefined;
}

function parseVersion(text: string): semver.SemVer {
  const parsed = tagVersion(text.trim());
  if (!parsed) throw new InputError('version', `"${text}" is not a semantic version (e.g. 1.4.3 or v1.4.3)`);
  return parsed;
}

/**
 * The full version tag of this build, else the first pinned tag, else the first immutable, else the
 * first that does not float; a floating tag (latest/major/minor) only when nothing else is there, and
 * then the narrowest one.
 */
function mostSpecific(tags: PlannedTag[], release: Release | undefined): PlannedTag {
  const ofVersion = tags.find(
    (t) =>
      t.kind === 'version' && release && familyVersion(t.tag, release.family)?.compare(release.version) === 0,
  );
  return (
    ofVersion ??
    tags.find((t) => t.kind === 'pinned') ??
    tags.find((t) => t.immutable) ??
    tags.find((t) => t.kind !== 'floating') ??
    [...tags].sort((a, b) => rank(a) - rank(b))[0]
  );
}
