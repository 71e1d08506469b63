import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildImage,
  detectBuilder,
  diskFiles,
  planCache,
  validateBuild,
  type BuildInputs,
  type CacheOptions,
} from '../build/index.js';
import { outputField } from '../build/buildx-features.js';
import { githubCacheContext, type CachePlan } from '../cache/index.js';
import { buildsIntoEngine, ensureRemoteBuilder, type Builder } from '../engine/builder.js';
import { parseImages, planPublish, preparePublish, promote, type PublishResult } from '../publish/index.js';
import { formatReference } from '../registry/index.js';
import {
  automaticBuildArgs,
  leveledAnnotations,
  runRelease,
  sourceDateEpoch,
  type MetadataResult,
  type RunContext,
} from '../tags/index.js';
import { InputError } from '../util/errors.js';
import type { ImageBuildDeps, ImageBuildResult, PostState } from './image-build-types.js';
import { withPostState } from './image-build-types.js';
import type { ImageBuildInputs } from './inputs.js';
import { localCacheRoot } from './local-cache.js';
import { publishBuild } from './publish-build.js';
import { registrySession, type RegistrySession } from './registries.js';
import {
  decideReleaseReuse,
  findCommitImage,
  releaseHoldReason,
  releasePromote,
  type ReusedImage,
} from './release.js';
import { exportsLayoutForReport } from './report-source.js';
import { computeRunTags } from './tags.js';

export type { ImageBuildDeps, ImageBuildResult, PostState, RunPhase } from './image-build-types.js';
export { postStateOf } from './image-build-types.js';

/**
 * The whole run, cheapest checks first so that bad input stops it before anything is created or
 * pushed: tags → the publish plan's checks → the build's inputs against the Dockerfile and the cache
 * plan → registries (ECR repositories and login, tags listed, floating-tag plan) → build → one push
 * per registry → manifest PUTs → scan findings. The post step's state (an ECR login, a local cache) is
 * in the result, or on the error the run throws (`postStateOf`).
 */
export async function runImageBuild(
  inputs: ImageBuildInputs,
  deps: ImageBuildDeps,
): Promise<ImageBuildResult> {
  const state: PostState = {};
  const keep = (more: Partial<PostState>) => {
    Object.assign(state, more);
    deps.saveState?.({ ...state });
  };
  try {
    return await run(inputs, deps, state, keep);
  } catch (error) {
    throw withPostState(error, state);
  }
}

async function run(
  inputs: ImageBuildInputs,
  deps: ImageBuildDeps,
  state: PostState,
  keep: (more: Partial<PostState>) => void,
): Promise<ImageBuildResult> {
  const { logger, runner } = deps;
  const env = { ...deps.env };
  const phase = deps.onPhase ?? (() => undefined);

  phase('tags');
  const { metadata, context } = await computeTags(inputs, deps);

  phase('checks');
  const publishing = inputs.publish.push || inputs.publish.promoteFrom !== undefined;
  const images = [...metadata.images, ...inputs.publish.extraImages];
  const publishOptions = {
    tags: metadata.tagNames,
    version: metadata.semanticVersion,
    primaryTag: inputs.publish.primaryTag,
    guardFloatingTags: inputs.publish.guardFloatingTags,
    // A GitHub release marked pre-release (or a draft) moves no floating tag, whatever its version.
    prerelease: releaseHoldReason(context),
  };
  if (publishing) checkPublish(images, publishOptions);
  // Whether a release looks for its commit's image first (an explicit `reuse-commit` that cannot work is an input error).
  const reuse = decideReleaseReuse(inputs, metadata, context, { cwd: deps.cwd });
  const registries = publishing
    ? await registrySession({
        images,
        ecr: inputs.ecr,
        publish: publishOptions,
        env,
        deps,
        onPostState: keep,
      })
    : undefined;
  let buildSeconds: number | undefined;
  const result = (
    fields: Partial<ImageBuildResult> & { published?: PublishResult; reused?: ReusedImage },
  ): Promise<ImageBuildResult> => finish(metadata, context, state, registries, { buildSeconds, ...fields });

  if (registries && inputs.publish.promoteFrom) {
    const options = await registries.prepare();
    phase('tags-written', options.images.join(', '));
    return result({
      published: await promote({
        ...options,
        source: inputs.publish.promoteFrom,
        lookFirst: inputs.publish.lookFirst,
      }),
    });
  }

  const builderName = await builderToUse(inputs, deps, env);
  const builder = deps.builder ?? (await detectBuilder(runner, env, { builder: builderName }));
  const buildInputs = (tags: string[], push: boolean, layout?: string): BuildInputs => ({
    ...inputs.build,
    builder: builderName ?? '',
    ...(layout && { outputs: [{ value: `type=oci,${outputField(`dest=${layout}`)},tar=false`, line: 0 }] }),
    tags,
    push,
    labels: metadata.labels.map((value, index) => ({ value, line: index + 1 })),
    annotations: annotationsFor(inputs, metadata, builder),
  });
  const cacheImage = images[0] ? formatReference(parseImages([images[0]])[0]) : undefined;
  const cacheOptions: CacheOptions = {
    cacheImage,
    github: githubCacheContext(env, defaultBranch(context)),
    localRoot: localCacheRoot(env),
    reproducible: sourceDateEpoch(env) !== undefined,
    publishing: inputs.publish.push,
  };
  // The cache plan's input errors (a cache the builder cannot export) come before any registry call.
  const { cache: cachePlan } = planCache(
    validateBuild(buildInputs(metadata.tags, inputs.publish.push), builder, diskFiles, deps.cwd),
    builder,
    cacheOptions,
  );
  const buildFor = async (
    tags: string[],
    push: boolean,
    existingTags?: readonly string[],
    layout?: string,
  ) => {
    const started = performance.now();
    const outcome = await buildImage({
      inputs: buildInputs(tags, push, layout),
      runner,
      logger,
      env,
      builder,
      automaticBuildArgs: automaticBuildArgs(metadata, context),
      ...cacheOptions,
      existingTags,
      // The publish points the cache ref at the published image with one manifest PUT.
      callerTagsCacheRef: inputs.publish.push,
      actionsCache: deps.actionsCache,
      cwd: deps.cwd,
      // Recorded before the build runs: a failed or interrupted build still gets its post step.
      onLocalCache: (localCache) => keep({ localCache }),
    });
    buildSeconds = (performance.now() - started) / 1000;
    return outcome;
  };

  // A release of a commit whose image is already published promotes that image: no build, no upload.
  // After the build's input checks, so that bad input stops a release before any registry request.
  if (registries && reuse.look) {
    const options = await registries.prepare(builder.docker);
    const lookup = await findCommitImage(images, reuse.tag, options.writers);
    if ('found' in lookup) {
      logger.info(`reusing ${lookup.found.reference} (${lookup.found.digest}): nothing is built`);
      const release = releasePromote(lookup.found, inputs, metadata, context, env);
      phase('tags-written', options.images.join(', '));
      return result({ published: await promote({ ...options, ...release }), reused: lookup.found });
    }
    logger.notice(`no image to reuse for this release (${lookup.reason}): building`);
  } else if (!reuse.look && publishing && runRelease(context)) {
    logger.info(`not reusing an image for this release: ${reuse.reason}`);
  }

  if (!registries || !inputs.publish.push) {
    phase('build');
    // On a container builder the image would stay in the builder: it is exported as an OCI layout
    // for the report, as the build's one output (what the user asked to push or load is unchanged).
    const layout = exportsLayoutForReport(inputs.build, builder, false)
      ? mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'image-build-oci-'))
      : undefined;
    const build = await buildFor(metadata.tags, false, undefined, layout).catch((error: unknown) => {
      if (layout) rmSync(layout, { recursive: true, force: true });
      throw error;
    });
    return result({ build, ...(layout && { layout }) });
  }

  const prepared = await preparePublish(await registries.prepare(builder.docker));
  // The first image's tags, read by the checks above: its cache refs that are not there are not imported.
  const existingTags = prepared.targets[0]?.existingTags;
  const { published, build } = await publishBuild({
    builder,
    prepared,
    build: (tags, push) => buildFor(tags, push, existingTags),
    cacheRefs: cacheRefsOf(cachePlan, cacheImage),
    tags: metadata.tags,
    runner,
    logger,
    env,
    phase,
  });
  return result({ published, build, existingTags });
}

/**
 * The buildx builder the run names: the `builder` input, or the remote builder made for
 * `buildkit-endpoint` (the two name a builder each: giving both is an input error).
 */
async function builderToUse(
  inputs: ImageBuildInputs,
  deps: ImageBuildDeps,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  const { builder, buildkitEndpoint, buildkitDriverOpts } = inputs.build;
  if (!buildkitEndpoint) {
    if (buildkitDriverOpts.length)
      throw new InputError('buildkit-driver-opts', 'options of a remote builder need buildkit-endpoint');
    return builder || undefined;
  }
  if (builder) {
    throw new InputError(
      'buildkit-endpoint',
      `builder "${builder}" and buildkit-endpoint both name the builder to use: give one of them`,
    );
  }
  if (deps.builder) return undefined;
  return ensureRemoteBuilder(deps.runner, env, {
    endpoint: buildkitEndpoint,
    driverOpts: buildkitDriverOpts,
  });
}

/**
 * The publish's own input checks (image names, tags, version, primary-tag, a guarded primary), before
 * ECR creates a repository or logs in: with no existing tags yet, the plan needs no registry.
 */
function checkPublish(
  images: string[],
  options: Omit<Parameters<typeof planPublish>[0], 'existingTags'>,
): void {
  if (options.tags.length === 0)
    throw new InputError('tags', 'no tag was computed for this run, so there is nothing to publish');
  parseImages(images);
  planPublish({ ...options, existingTags: [] });
}

/** The published image carries its own cache (inline): the ref imported next time is one more tag. */
function cacheRefsOf(cache: CachePlan, cacheImage: string | undefined): { image: string; tag: string }[] {
  const ref = cache.tagPublished;
  return ref && cacheImage ? [{ image: cacheImage, tag: ref.slice(ref.lastIndexOf(':') + 1) }] : [];
}

/** The result, with the scan findings of what was published (a report, never a gate). */
async function finish(
  metadata: MetadataResult,
  context: RunContext,
  state: PostState,
  registries: RegistrySession | undefined,
  fields: Partial<ImageBuildResult> & { published?: PublishResult },
): Promise<ImageBuildResult> {
  const { published, ...rest } = fields;
  const scans = published && registries ? await registries.collectScans(published.digest) : [];
  return {
    ...rest,
    metadata,
    context,
    ...(published && { publish: published, reportSource: reportSource(published) }),
    scans,
    state: { ...state },
  };
}

export async function computeTags(
  inputs: ImageBuildInputs,
  deps: Pick<ImageBuildDeps, 'env' | 'runner' | 'logger' | 'cwd' | 'now' | 'tagsCache'>,
): Promise<{ metadata: MetadataResult; context: RunContext }> {
  deps.logger.startGroup('Tags');
  const computed = await computeRunTags(inputs.metadata, deps);
  computed.metadata.tags.forEach((tag) => deps.logger.info(tag));
  deps.logger.endGroup();
  return computed;
}

/**
 * OCI annotations need buildx; generated ones only repeat the labels, so the classic builder skips
 * them quietly, while annotations the user asked for still reach the builder (and its notice).
 */
function annotationsFor(inputs: ImageBuildInputs, metadata: MetadataResult, builder: Builder) {
  const userGave = inputs.metadata.annotations.length > 0;
  // The engine's exporter drops annotations: generated ones are skipped quietly there.
  if (buildsIntoEngine(builder) && !userGave) return [];
  return leveledAnnotations(metadata).map((value, index) => ({ value, line: index + 1 }));
}

/** The default branch from the event payload: the gha cache imports its scope after this branch's. */
function defaultBranch(context: RunContext): string | undefined {
  return (context.payload.repository as { default_branch?: string } | undefined)?.default_branch;
}

function reportSource(published: PublishResult) {
  const first = published.registries[0];
  return first ? { image: first.image, digest: published.digest } : undefined;
}
