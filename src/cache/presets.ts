import { join } from 'node:path';
import type { Builder } from '../engine/builder.js';
import { versionAtLeast } from '../util/version.js';
import type { ListItem } from '../util/input-list.js';
import { parseEcrReference } from '../registry/ecr-reference.js';
import { InputError } from '../util/errors.js';
import type { CachePlan } from './types.js';
import { formatCacheSpec, parseCacheSpec } from './spec.js';

export const CACHE_PRESETS = ['auto', 'gha', 'registry', 'local', 'inline', 'none'] as const;
export type CachePreset = (typeof CACHE_PRESETS)[number];

export interface CacheInputs {
  /** `auto` (default), `gha[=scope]`, `registry[=ref]`, `local[=dir]`, `inline`, `none`. */
  cache: string;
  cacheFrom: ListItem[];
  cacheTo: ListItem[];
}

export interface CacheContext {
  /** Repository the image is pushed to, without tag (`registry/team/app`). Cache refs derive from it. */
  image: string;
  builder: Builder;
  /** Stages that need their own cache image (stagesNeedingCacheImages: names, or indexes if unnamed). */
  stages: string[];
  /** Whether this run may push (cache images are pushed only then). */
  push: boolean;
  /** Set on GitHub Actions when the cache service is reachable (ACTIONS_RUNTIME_TOKEN present). */
  github?: { branch?: string; defaultBranch?: string };
  /** Parent directory for the `local` preset (the action uses RUNNER_TEMP). */
  localRoot: string;
  /**
   * SOURCE_DATE_EPOCH is set: the build must give the same image twice, so the classic builder's
   * inline cache records (whose order changes between builds) go to a separate cache image.
   */
  reproducible?: boolean;
  /**
   * The tags of `image`'s repository when they were read before the build (a publishing run): a cache
   * ref of that repository that is not among them is not imported, which saves the builder a lookup.
   */
  existingTags?: readonly string[];
}

/** buildx needs 0.21 for the v2 GitHub cache service (the v1 API was retired on 2025-04-15). */
const GHA_MIN_BUILDX = '0.21.0';

/** A cache scope/key fragment from an image or branch name: `[A-Za-z0-9._-]` only. */
export function slug(text: string): string {
  return text.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
}

export function parseCachePreset(cache: string): { preset: CachePreset; value?: string } {
  const index = cache.indexOf('=');
  const name = (index < 0 ? cache : cache.slice(0, index)).trim().toLowerCase() || 'auto';
  const value = index < 0 ? undefined : cache.slice(index + 1).trim();
  if (!(CACHE_PRESETS as readonly string[]).includes(name)) {
    throw new InputError('cache', `unknown preset "${name}"; use one of ${CACHE_PRESETS.join(', ')}`);
  }
  const preset = name as CachePreset;
  if (value !== undefined && (!value || !['gha', 'registry', 'local'].includes(preset))) {
    throw new InputError(
      'cache',
      `"${cache}": only gha=<scope>, registry=<ref> and local=<dir> take a value`,
    );
  }
  return { preset, value };
}

/**
 * Turns the `cache` preset and raw `cache-from`/`cache-to` into what the builder must do. Pure: the
 * builder's abilities come from detection, and every downgrade is listed in `notices`.
 */
export function resolveCache(inputs: CacheInputs, context: CacheContext): CachePlan {
  const { preset, value } = parseCachePreset(inputs.cache);
  const rawFrom = inputs.cacheFrom.map((item) => parseCacheSpec(item, 'cache-from'));
  const rawTo = inputs.cacheTo.map((item) => parseCacheSpec(item, 'cache-to'));
  const { builder } = context;
  const canExport = builder.kind === 'buildx' && builder.canExportCache;
  refuseUnexportable(preset, rawTo, builder);
  const builderName = builder.kind === 'buildx' ? `buildx's ${builder.driver} driver` : 'the classic builder';
  const notices: string[] = [];
  const plan: CachePlan = {
    preset: 'none',
    cacheFrom: [],
    cacheTo: [],
    inline: false,
    stageImages: [],
    pushCacheImages: false,
    notices,
    summary: '',
  };

  const useInline = (reason: string) => {
    plan.preset = 'inline';
    const ref = `${context.image}:buildcache`;
    if (builder.kind === 'buildx') {
      plan.cacheFrom.push(`type=registry,ref=${ref}`);
      plan.cacheTo.push('type=inline');
      if (builder.driver === 'docker') {
        // The engine's BuildKit: inline cache describes only the stage it is attached to, so the other
        // stages the target needs get an inline-cache image each, as on the classic builder.
        plan.stageImages = context.stages.map((stage) => ({
          stage,
          ref: `${context.image}:buildcache-${slug(stage)}`,
        }));
        plan.pushCacheImages = context.push;
      }
      // The docker driver's BuildKit is the engine's, whose inline records change from build to build
      // (Docker 20.10): a reproducible build keeps them out of the image, in a cache image of their own.
      const separate = context.push && context.reproducible && builder.driver === 'docker';
      // Otherwise the image carries the cache: the ref imported next time is one more tag on it (a
      // manifest PUT).
      if (separate) plan.finalImage = ref;
      else if (context.push) plan.tagPublished = ref;
      plan.summary =
        (separate
          ? `inline cache in ${ref}, an image of its own (reproducible build)`
          : `inline cache in the image, ` +
            (context.push ? `also tagged ${ref}` : `imported from ${ref}, not written without push: true`)) +
        (plan.stageImages.length ? ` plus one image per stage (${context.stages.join(', ')})` : '') +
        ` (${reason})`;
      return;
    }
    plan.inline = true;
    // Stage images are imported even when this run cannot push them: an earlier run may have.
    plan.stageImages = context.stages.map((stage) => ({
      stage,
      ref: `${context.image}:buildcache-${slug(stage)}`,
    }));
    plan.pushCacheImages = context.push;
    plan.cacheFrom.push(ref);
    plan.finalCacheRef = ref;
    if (context.reproducible) {
      // The published image stays free of cache records; a second image of the same layers carries them.
      plan.finalImage = ref;
    } else if (context.push) {
      plan.tagPublished = ref;
    }
    plan.summary =
      (plan.finalImage ? `inline cache in ${ref}` : `inline cache in the image, also tagged ${ref}`) +
      (plan.stageImages.length ? ` plus one image per stage (${context.stages.join(', ')})` : '') +
      (context.push ? '' : ', imported only: nothing is pushed without push: true') +
      ` (${reason})`;
  };

  let chosen: CachePreset = preset;
  if (chosen === 'auto') {
    const ghaReady =
      canExport &&
      context.github &&
      builder.kind === 'buildx' &&
      versionAtLeast(builder.version, GHA_MIN_BUILDX);
    // With one stage chain every step's layer is in the image, so inline cache covers them all at no
    // cost; a registry cache (mode=max) is worth its requests when other stages need caching too.
    chosen = ghaReady
      ? 'gha'
      : canExport && context.push && context.stages.length > 0
        ? 'registry'
        : 'inline';
  }
  const inlineReason =
    preset === 'auto' && canExport && context.push
      ? 'one stage chain: every cached step is a layer of the image'
      : undefined;

  if (chosen === 'gha') {
    const reason = !canExport
      ? `${builderName} cannot export to the GitHub cache`
      : !context.github
        ? 'the GitHub Actions cache service is not available here'
        : builder.kind === 'buildx' && !versionAtLeast(builder.version, GHA_MIN_BUILDX)
          ? `buildx ${builder.version} predates the v2 cache service (needs ${GHA_MIN_BUILDX})`
          : undefined;
    if (reason) {
      notices.push(`cache "gha": ${reason}; using inline cache instead`);
      useInline('fallback from gha');
    } else {
      plan.preset = 'gha';
      const base = value ?? slug(context.image.split('/').slice(1).join('/') || context.image);
      const branch = context.github?.branch ? `${base}-${slug(context.github.branch)}` : base;
      const fallback = context.github?.defaultBranch ? `${base}-${slug(context.github.defaultBranch)}` : base;
      for (const scope of [...new Set([branch, fallback])]) plan.cacheFrom.push(`type=gha,scope=${scope}`);
      plan.cacheTo.push(`type=gha,scope=${branch},mode=max,ignore-error=true`);
      plan.summary =
        `GitHub Actions cache, scope ${branch}` +
        (branch !== fallback ? `, falling back to ${fallback}` : '');
    }
  } else if (chosen === 'registry') {
    const ref = value ?? `${context.image}:buildcache`;
    if (canExport && context.push) {
      plan.preset = 'registry';
      // ECR rejects the cache index form; private ECR hosts (incl. FIPS and dual-stack) get the manifest form.
      const ecr =
        parseEcrReference(ref, 'cache')?.kind === 'private' ? ',image-manifest=true,oci-mediatypes=true' : '';
      plan.cacheFrom.push(`type=registry,ref=${ref}`);
      plan.cacheTo.push(`type=registry,ref=${ref},mode=max${ecr}`);
      plan.summary = `registry cache ${ref} (mode=max${ecr ? ', ECR manifest form' : ''})`;
    } else if (canExport) {
      plan.preset = 'registry';
      plan.cacheFrom.push(`type=registry,ref=${ref}`);
      plan.summary = `registry cache ${ref}, imported only (push is off)`;
    } else {
      if (builder.kind === 'buildx' || preset === 'registry') {
        notices.push(
          `cache "registry": ${builderName} cannot export a mode=max registry cache; ` +
            (builder.kind === 'classic'
              ? 'using inline cache images instead (one per stage)'
              : 'using inline cache (final stage only)'),
        );
      }
      useInline(preset === 'auto' ? `best ${builderName} can do` : 'fallback from registry');
    }
  } else if (chosen === 'local') {
    const dir = value ?? join(context.localRoot, slug(context.image));
    plan.preset = 'local';
    if (canExport) {
      plan.local = { dir, newDir: `${dir}-new`, mode: 'buildx-directory' };
      plan.cacheFrom.push(`type=local,src=${dir}`);
      plan.cacheTo.push(`type=local,dest=${dir}-new,mode=max`);
      plan.summary = `local cache directory ${dir} (saved by the post step)`;
    } else {
      plan.local = { dir, newDir: `${dir}-new`, mode: 'engine-images' };
      plan.inline = builder.kind === 'classic';
      if (builder.kind === 'buildx') plan.cacheTo.push('type=inline');
      plan.finalImage = `${context.image}:buildcache`;
      plan.stageImages =
        builder.kind === 'classic'
          ? context.stages.map((stage) => ({ stage, ref: `${context.image}:buildcache-${slug(stage)}` }))
          : [];
      plan.cacheFrom.push(
        builder.kind === 'classic' ? plan.finalImage : `type=registry,ref=${plan.finalImage}`,
      );
      notices.push(
        `cache "local": ${builderName} cannot export a cache directory; ` +
          'saving its inline-cache images (docker save) in the cache directory instead',
      );
      plan.summary = `local cache of inline-cache images in ${dir}`;
    }
  } else if (chosen === 'inline') {
    useInline(inlineReason ?? (preset === 'auto' ? `best ${builderName} can do` : 'inline requested'));
  } else {
    plan.summary = 'no cache import or export';
  }

  appendRaw(plan, rawFrom, rawTo, builder, notices);
  skipAbsentImports(plan, context);
  return plan;
}

/**
 * A publishing run read its repository's tags before building: a cache ref of that repository that is
 * not there yet (the first publish) is nothing to import, so the builder is not sent to look for it.
 */
function skipAbsentImports(plan: CachePlan, context: CacheContext): void {
  const existing = context.existingTags;
  if (!existing) return;
  const absent = (ref: string) => {
    const colon = ref.lastIndexOf(':');
    return ref.slice(0, colon) === context.image && !existing.includes(ref.slice(colon + 1));
  };
  const refOf = (spec: string) => /(?:^|,)ref=([^,]+)/.exec(spec)?.[1] ?? (spec.includes('=') ? '' : spec);
  const kept = plan.cacheFrom.filter((spec) => {
    const ref = refOf(spec);
    return !(ref && absent(ref));
  });
  const stages = plan.stageImages.map((image) => (absent(image.ref) ? { ...image, imported: false } : image));
  const skipped = kept.length < plan.cacheFrom.length || stages.some((image) => image.imported === false);
  if (!skipped) return;
  plan.cacheFrom = kept;
  plan.stageImages = stages;
  plan.summary += '; nothing to import yet';
}

/**
 * buildx's `docker` driver cannot export any cache but inline. Asking it for one by name is an input
 * error (the fix is one setup step), unlike `auto`, which picks what the builder can do. The classic
 * builder has no fix short of installing buildx, so it keeps its inline-image fallback.
 */
function refuseUnexportable(
  preset: CachePreset,
  rawTo: ReturnType<typeof parseCacheSpec>[],
  builder: Builder,
): void {
  if (builder.kind !== 'buildx' || builder.canExportCache) return;
  const fix =
    'add docker/setup-buildx-action before this step (a docker-container builder), ' +
    'or use cache: auto or inline';
  if (preset === 'registry' || preset === 'gha') {
    throw new InputError(
      'cache',
      `"${preset}" needs a builder that can export a cache; buildx's ${builder.driver} driver ` +
        `(builder "${builder.name}") exports inline cache only: ${fix}`,
    );
  }
  const refused = rawTo.find((spec) => spec.type !== 'inline');
  if (refused) {
    throw new InputError(
      'cache-to',
      `type=${refused.type} needs a builder that can export a cache; buildx's ${builder.driver} ` +
        `driver (builder "${builder.name}") exports inline cache only: ${fix}`,
    );
  }
}

function appendRaw(
  plan: CachePlan,
  rawFrom: ReturnType<typeof parseCacheSpec>[],
  rawTo: ReturnType<typeof parseCacheSpec>[],
  builder: Builder,
  notices: string[],
): void {
  if (builder.kind === 'buildx') {
    plan.cacheFrom.push(...rawFrom.map(formatCacheSpec));
    // One exporter per build: an expert's cache-to replaces the preset's (refuseUnexportable has
    // already turned away what this driver cannot export).
    if (rawTo.length) plan.cacheTo = rawTo.map(formatCacheSpec);
    return;
  }
  for (const spec of rawFrom) {
    if (spec.type === 'registry') plan.cacheFrom.push(spec.attrs.ref);
    else
      notices.push(
        `cache-from type=${spec.type}: the classic builder imports only image references; skipped`,
      );
  }
  for (const spec of rawTo) {
    if (spec.type !== 'inline') {
      notices.push(`cache-to type=${spec.type}: the classic builder exports inline cache only; using inline`);
    }
    plan.inline = true;
  }
}
