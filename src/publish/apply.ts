import semver from 'semver';
import type { Logger } from '../util/log.js';
import { tagVersion } from './classify.js';
import { PublishError } from './errors.js';
import { highestInRange } from './guard.js';
import type { PlannedTag, PublishPlan } from './plan.js';
import type { TagOutcome } from './result.js';
import type { ManifestBytes, TagWriter } from './tag-writer.js';

export interface ApplyPlanOptions {
  writer: TagWriter;
  /** `registry/repository`, for messages. */
  image: string;
  repository: string;
  manifest: ManifestBytes;
  plan: PublishPlan;
  /** Tags in the repository before we started. */
  existingTags: readonly string[];
  /** True when the builder already pushed the primary tag; false when promoting (we write it too). */
  primaryPushed: boolean;
  guardFloatingTags: boolean;
  logger: Logger;
}

/**
 * Points every planned tag at the manifest (one PUT per tag, or one PUT with `?tag=` where supported),
 * leaves tags already there alone, then checks the end state: every tag resolves to the digest, and a
 * floating tag that a concurrent publish of a higher version should own is handed to that version.
 */
export async function applyPlan(options: ApplyPlanOptions): Promise<TagOutcome[]> {
  const { writer, repository, manifest, plan, logger, image } = options;
  const existing = new Set(options.existingTags);
  const outcomes = new Map<string, TagOutcome>();
  const toWrite: PlannedTag[] = [];

  const candidates = options.primaryPushed ? plan.tags : [plan.primary, ...plan.tags];
  if (options.primaryPushed) outcomes.set(plan.primary.tag, { tag: plan.primary.tag, status: 'pushed' });
  for (const tag of candidates) {
    if (existing.has(tag.tag)) {
      const current = await writer.resolveTag(repository, tag.tag);
      if (current === manifest.digest) {
        outcomes.set(tag.tag, { tag: tag.tag, status: 'unchanged' });
        continue;
      }
      if (tag.immutable && current)
        logger.warning(`${image}:${tag.tag} moves from ${current} to ${manifest.digest}`);
    }
    toWrite.push(tag);
  }
  try {
    await writer.putTags(
      repository,
      manifest,
      toWrite.map((t) => t.tag),
    );
  } catch (error) {
    throw new PublishError(
      image,
      `writing tags ${toWrite.map((t) => t.tag).join(', ')}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  for (const tag of toWrite) outcomes.set(tag.tag, { tag: tag.tag, status: 'written' });
  for (const held of plan.heldBack) {
    outcomes.set(held.tag, { tag: held.tag, status: 'held-back', reason: held.reason });
    logger.notice(`${image}:${held.tag} held back: ${held.reason}`);
  }

  await settle(options, outcomes);
  return [...outcomes.values()];
}

/** Final check of every tag we own, and the hand-over of floating tags to a higher concurrent version. */
async function settle(options: ApplyPlanOptions, outcomes: Map<string, TagOutcome>): Promise<void> {
  const { writer, repository, manifest, plan, logger, image } = options;
  const version = plan.version ? semver.parse(plan.version) : null;
  const floating = [plan.primary, ...plan.tags].filter(
    (t) => t.kind === 'floating' && outcomes.get(t.tag)?.status !== 'held-back',
  );
  const guarded = options.guardFloatingTags && version && floating.length > 0;
  const tagsNow = guarded ? await writer.listTags(repository) : [];

  for (const outcome of outcomes.values()) {
    if (outcome.status === 'held-back') continue;
    const planned = [plan.primary, ...plan.tags].find((t) => t.tag === outcome.tag);
    if (guarded && version && planned?.kind === 'floating' && planned.range) {
      const highest = highestInRange(planned.range, version, tagsNow);
      if (highest && semver.gt(highest, version)) {
        // A higher version was published while we ran: the tag is its, whatever order the PUTs landed in.
        const owner = tagsNow.find((t) => tagVersion(t)?.compare(highest) === 0) as string;
        const theirs = await writer.getManifest(repository, owner);
        if ((await writer.resolveTag(repository, outcome.tag)) !== theirs.digest) {
          await writer.putTags(repository, theirs, [outcome.tag]);
        }
        outcome.status = 'superseded';
        outcome.digest = theirs.digest;
        outcome.reason = `${highest.version} was published meanwhile`;
        logger.notice(`${image}:${outcome.tag} follows ${highest.version}, published while this publish ran`);
        continue;
      }
    }
    let resolved = await writer.resolveTag(repository, outcome.tag);
    if (resolved !== manifest.digest && guarded && planned?.kind === 'floating') {
      // A lower concurrent publish wrote after us; the tag is ours by the guard.
      await writer.putTags(repository, manifest, [outcome.tag]);
      resolved = await writer.resolveTag(repository, outcome.tag);
    }
    outcome.digest = resolved;
    if (resolved === manifest.digest) continue;
    if (planned && !planned.immutable) {
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
