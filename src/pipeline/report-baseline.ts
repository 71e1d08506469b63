import semver from 'semver';
import { familyVersion, findRelease } from '../publish/classify.js';
import { parseReference, RegistryError, type RegistryClient } from '../registry/index.js';
import {
  analyzeLayers,
  formatBytes,
  type ContentAnalysis,
  type ImageModel,
  type OpenLayer,
} from '../report/index.js';
import { computeMetadata, type MetadataInputs, type MetadataResult, type RunContext } from '../tags/index.js';
import { fixTagForRegistry, sanitizeTag } from '../tags/sanitize.js';
import { silentLogger } from '../util/log.js';
import { readRegistryReference, type ImageRead } from './image-reader.js';
import type { BaselineChoice } from './report-inputs.js';

/** The baseline to compare with, and why it is that one (for the notice when it does not exist). */
export interface BaselineTarget {
  reference: string;
  /** How the report names it: `app:main`, `app:1.2.2`. */
  label: string;
  /** `the base branch main`, `the previous version 1.2.2`, `report-baseline`. */
  why: string;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/**
 * The tag a push to `branch` gets from the `type=ref,event=branch` rule (with its prefix, suffix and
 * the flavor's), or, without such a rule, the branch name made a tag as that rule would.
 */
export function baseBranchTag(inputs: MetadataInputs, context: RunContext, branch: string): string {
  const rule = inputs.tags.find((entry) => entry.type === 'ref' && entry.attrs.event === 'branch');
  if (rule) {
    try {
      const computed = computeMetadata(
        { ...inputs, tags: [rule], images: [], environment: undefined, references: undefined, warnings: [] },
        { ...context, eventName: 'push', ref: `refs/heads/${branch}`, payload: {} },
        { name: '', description: null, html_url: '', default_branch: branch, license: null },
        { now: new Date(), logger: silentLogger },
      );
      if (computed.tagNames[0]) return computed.tagNames[0];
    } catch {
      // A rule whose prefix needs more than the branch (a date helper): the plain name below.
    }
  }
  return fixTagForRegistry(sanitizeTag(branch));
}

/**
 * The highest version below `version` among a repository's tags, in the version tag's family
 * (`1.4.2-alpine` for `1.4.3-alpine`). A release compares with the release before it; a pre-release
 * with whatever version came before it, pre-releases included.
 */
export function previousVersionTag(
  tagNames: readonly string[],
  version: string,
  existingTags: readonly string[],
): string | undefined {
  const current = semver.parse(version);
  if (!current) return undefined;
  const family = findRelease(tagNames, current)?.family ?? { prefix: '', suffix: '' };
  let best: { tag: string; version: semver.SemVer } | undefined;
  for (const tag of existingTags) {
    const other = familyVersion(tag, family);
    if (!other || !semver.lt(other, current)) continue;
    if (other.prerelease.length > 0 && current.prerelease.length === 0) continue;
    if (!best || semver.gt(other, best.version)) best = { tag, version: other };
  }
  return best?.tag;
}

export interface BaselineFacts {
  choice: BaselineChoice;
  /** The first image (`registry/repository`) this run builds. */
  image?: string;
  context: RunContext;
  metadataInputs: MetadataInputs;
  metadata: MetadataResult;
  /** The image repository's tags before publishing (a release's baseline). */
  existingTags?: readonly string[];
  /** GITHUB_BASE_REF. */
  baseRef?: string;
}

/**
 * The baseline: `report-baseline` when given; by default, on a pull request the image of the base
 * branch's tag, on a release (a version) the previous version among the repository's tags. Other runs
 * (a push to a branch) have none by default.
 */
export function chooseBaseline(facts: BaselineFacts): BaselineTarget | undefined {
  const { choice, image } = facts;
  if (choice.kind === 'none') return undefined;
  if (choice.kind === 'reference')
    return { reference: choice.reference, label: shortName(choice.reference), why: 'report-baseline' };
  if (!image) return undefined;
  const at = (tag: string, why: string): BaselineTarget => ({
    reference: `${image}:${tag}`,
    label: shortName(`${image}:${tag}`),
    why,
  });
  if (choice.kind === 'tag') return at(choice.tag, 'report-baseline');
  if (PULL_REQUEST_EVENTS.has(facts.context.eventName)) {
    const pull = facts.context.payload.pull_request as { base?: { ref?: unknown } } | undefined;
    const branch = facts.baseRef || (typeof pull?.base?.ref === 'string' ? pull.base.ref : '');
    if (!branch) return undefined;
    return at(baseBranchTag(facts.metadataInputs, facts.context, branch), `the base branch ${branch}`);
  }
  const version = facts.metadata.semanticVersion;
  if (version && facts.existingTags) {
    const tag = previousVersionTag(facts.metadata.tagNames, version, facts.existingTags);
    if (tag) return at(tag, `the previous version ${tag}`);
  }
  return undefined;
}

/** `registry/team/app:tag` as the report shows it: the last path part and the tag (`app:tag`). */
function shortName(reference: string): string {
  return reference.slice(reference.lastIndexOf('/') + 1);
}

/** A baseline that is not there: the registry says the manifest (or repository) is unknown. */
export function isMissingImage(error: unknown): boolean {
  return (
    error instanceof RegistryError &&
    (error.status === 404 || error.hasCode('MANIFEST_UNKNOWN') || error.hasCode('NAME_UNKNOWN'))
  );
}

/**
 * The baseline with each layer's uncompressed size, so the current image's sizes from its contents
 * have something to compare with: a layer the current image also has (same diff_id) is the same size;
 * each other one is read on its own (a layer's size does not depend on the layers below it). Past
 * `limitBytes` of layers to read, none is, with a notice.
 */
export async function withBaselineLayerSizes(
  baseline: ImageModel,
  current: { model: ImageModel; contents: ContentAnalysis },
  open: OpenLayer,
  limitBytes: number,
): Promise<{ model: ImageModel; notice?: string }> {
  const known = new Map<string, number>();
  current.model.layers.forEach((layer, index) => {
    const size = current.contents.layers[index]?.uncompressedBytes;
    if (layer.diffId && size !== undefined) known.set(layer.diffId, size);
  });
  const sizeOf = (layer: ImageModel['layers'][number]) =>
    layer.diffId === undefined ? undefined : known.get(layer.diffId);
  const unread = baseline.layers.filter((layer) => sizeOf(layer) === undefined);
  const bytes = unread.reduce((sum, layer) => sum + (layer.compressedBytes ?? 0), 0);
  if (bytes > limitBytes) {
    return {
      model: baseline,
      notice: `The baseline's other layers (${formatBytes(bytes)}) were not read, over report-contents-limit: its deltas are compressed sizes only.`,
    };
  }
  const layers = [];
  for (const layer of baseline.layers) {
    const size =
      sizeOf(layer) ??
      (
        await analyzeLayers(
          [{ digest: layer.digest, diffId: layer.diffId }],
          (ref) => open(ref, layer.index),
          {
            verifyDuplicates: false,
          },
        )
      ).layers[0].uncompressedBytes;
    layers.push({ ...layer, uncompressedBytes: size });
  }
  return { model: { ...baseline, layers } };
}

/**
 * A baseline from its registry: metadata (the current image's platform), and with the current image's
 * contents, the uncompressed sizes of its layers (see withBaselineLayerSizes).
 */
export async function readRegistryBaseline(
  clientFor: (registry: string) => RegistryClient,
  reference: string,
  current: ImageRead,
  contentsLimitBytes: number,
): Promise<{ model: ImageModel; notice?: string }> {
  const read = await readRegistryReference(clientFor, reference, {
    platform: current.model.platform,
    contents: false,
    contentsLimitBytes: 0,
    platformSizes: false,
  });
  if (!current.contents) return { model: read.model };
  const ref = parseReference(reference);
  const client = clientFor(ref.registry);
  return withBaselineLayerSizes(
    read.model,
    { model: current.model, contents: current.contents },
    (layer, index) =>
      client.openBlob(ref.repository, layer.digest ?? '', {
        expectedBytes: read.model.layers[index].compressedBytes,
      }),
    contentsLimitBytes,
  );
}
