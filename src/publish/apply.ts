import semver from 'semver';
import type { Logger } from '../util/log.js';
import { PublishError } from './errors.js';
import { highestReleaseInRange } from './guard.js';
import type { PlannedTag, PublishPlan } from './plan.js';
import type { TagOutcome } from './result.js';
import type { ManifestBytes, TagWriter } from '../registry/tag-writer.js';

/**
 * `pushed`: the builder pushed the primary tag; `unchanged`: it already held this image, nothing was
 * pushed; `write`: promoting, the primary is written like every other tag.
 */
export type PrimaryState = 'pushed' | 'unchanged' | 'write';

export interface ApplyPlanOptions {
  writer: TagWriter;
  /** `registry/repository`, for messages. */
  image: string;
  repository: string;
  manifest: ManifestBytes;
  plan: PublishPlan;
  /** Tags in the repository before we started. */
  existingTags: readonly string[];
  /** How the primary tag got there: see `PrimaryState`. */
  primary: PrimaryState;
  guardFloatingTags: boolean;
  /** `writes` (default): trust each PUT's confirmed digest; `full`: re-read every tag at the end. */
  verify?: 'writes' | 'full';
  /** Look at every existing tag before writing it, not only immutable ones (see PublishTagsOptions). */
  lookFirst?: boolean;
  logger: Logger;
}

/**
 * Points every planned tag at the manifest (one PUT per tag, or one PUT with `?tag=` where supported),
 * leaves tags already there alone, then checks the end state (see `settle`).
 */
export async function applyPlan(options: ApplyPlanOptions): Promise<TagOutcome[]> {
  const { writer, repository, manifest, plan, logger, image } = options;
  const existing = new Set(options.existingTags);
  const outcomes = new Map<string, TagOutcome>();
  const toWrite: PlannedTag[] = [];

  const candidates = options.primary === 'write' ? [plan.primary, ...plan.tags] : plan.tags;
  if (options.primary !== 'write')
    outcomes.set(plan.primary.tag, { tag: plan.primary.tag, status: options.primary });
  // A PUT of the same bytes changes nothing, so a moving tag is written without looking first: one
  // request either way, and a new image moves it anyway. An existing immutable tag is looked at
  // (moving it deserves a warning), and so is every tag of a re-run whose image was already there,
  // or of an image whose tags are most likely in place (`lookFirst`). The lookups go at once.
  const look = (tag: PlannedTag) =>
    existing.has(tag.tag) && (tag.immutable || options.primary === 'unchanged' || options.lookFirst === true);
  const current = await Promise.all(
    candidates.map((tag) => (look(tag) ? writer.resolveTag(repository, tag.tag) : undefined)),
  );
  candidates.forEach((tag, index) => {
    const found = current[index];
    if (found === manifest.digest) {
      outcomes.set(tag.tag, { tag: tag.tag, status: 'unchanged' });
      return;
    }
    if (found && (tag.immutable || options.primary === 'unchanged'))
      logger.warning(`${image}:${tag.tag} moves from ${found} to ${manifest.digest}`);
    toWrite.push(tag);
  });
  // Immutable tags, then moving ones: a publish that fails midway never moves `latest` or `1.4` to an
  // image whose own tags are missing. Within each group the writes are independent.
  for (const group of [toWrite.filter((t) => t.immutable), toWrite.filter((t) => !t.immutable)]) {
    if (group.length === 0) continue;
    try {
      await writer.putTags(
        repository,
        manifest,
        group.map((t) => t.tag),
      );
    } catch (error) {
      throw new PublishError(
        image,
        `writing tags ${group.map((t) => t.tag).join(', ')}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    for (const tag of group) outcomes.set(tag.tag, { tag: tag.tag, status: 'written' });
  }
  for (const held of plan.heldBack) {
    outcomes.set(held.tag, { tag: held.tag, status: 'held-back', reason: held.reason });
    logger.notice(`${image}:${held.tag} held back: ${held.reason}`);
  }

  await settle(options, outcomes);
  return [...outcomes.values()];
}

/**
 * The end-state check. Each write was already confirmed by the registry (the PUT answer carries the
 * digest it stored for the tag; a mismatch fails the write). What can still change is a floating tag
 * racing a concurrent publish: the tag list is read again and, if a higher version in the tag's range
 * appeared meanwhile, the tag is handed to it. Whoever reads the list last sees every version tag
 * (each publish pushes its version before moving anything), so the tags converge on the highest.
 * `verify: 'full'` also re-reads every tag (one HEAD each) and fails if an immutable one moved.
 */
async function settle(options: ApplyPlanOptions, outcomes: Map<string, TagOutcome>): Promise<void> {
  const { writer, repository, manifest, plan, logger, image } = options;
  const planned = new Map([plan.primary, ...plan.tags].map((t) => [t.tag, t]));
  for (const outcome of outcomes.values()) {
    if (outcome.status !== 'held-back') outcome.digest = manifest.digest;
  }
  const version = plan.version ? semver.parse(plan.version) : null;
  const floating = [...outcomes.values()].filter(
    (o) => o.status !== 'held-back' && planned.get(o.tag)?.kind === 'floating',
  );
  if (options.guardFloatingTags && version && floating.length > 0) {
    const tagsNow = await writer.listTags(repository);
    for (const outcome of floating) {
      const higher = highestReleaseInRange(planned.get(outcome.tag) ?? {}, version, tagsNow);
      if (!higher || !semver.gt(higher.version, version)) continue;
      const { tag: owner, version: highest } = higher;
      // A higher version was published while we ran: the tag is its, whatever order the PUTs landed in.
      const theirs = await writer.getManifest(repository, owner);
      if ((await writer.resolveTag(repository, outcome.tag)) !== theirs.digest) {
        await writer.putTags(repository, theirs, [outcome.tag]);
      }
      outcome.status = 'superseded';
      outcome.digest = theirs.digest;
      outcome.reason = `${highest.version} was published meanwhile`;
      logger.notice(`${image}:${outcome.tag} follows ${highest.version}, published while this publish ran`);
    }
  }
  if (options.verify !== 'full') return;
  for (const outcome of outcomes.values()) {
    if (outcome.status === 'held-back' || outcome.status === 'superseded') continue;
    const resolved = await writer.resolveTag(repository, outcome.tag);
    outcome.digest = resolved;
    if (resolved === manifest.digest) continue;
    if (!planned.get(outcome.tag)?.immutable) {
      outcome.status = 'superseded';
      outcome.reason = `another publish moved it to ${resolved ?? 'nothing'}`;
      logger.notice(`${image}:${outcome.tag} was moved by another publish to ${resolved}`);
      continue;
    }
    throw new PublishError(
      image,
      `tag ${outcome.tag} resolves to ${resolved ?? 'nothing'}, not ${manifest.digest}`,
    );
  }
}
