import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildImage,
  detectBuilder,
  diskFiles,
  planCache,
  validateBuild,
  type BuildImageOutcome,
  type CacheOptions,
  type BuildInputs,
} from '../build/index.js';
import { buildsIntoEngine, type Builder } from '../engine/builder.js';
import { outputField } from '../build/buildx-features.js';
import { githubCacheContext, type ActionsCacheClient, type LocalCacheState } from '../cache/index.js';
import type { EcrLoginState } from '../ecr/login.js';
import type { PrepareEcrOptions, PreparedEcr } from '../ecr/prepare.js';
import { parseEcrReference } from '../registry/ecr-reference.js';
import type { ScanFindingsResult } from '../ecr/scan.js';
import {
  completePublish,
  dockerPushPrimary,
  parseImages,
  planPublish,
  preparePublish,
  promote,
  registryWriters,
  type PublishResult,
} from '../publish/index.js';
import { dockerConfigCredentials, formatReference, type TagWriter } from '../registry/index.js';
import {
  automaticBuildArgs,
  leveledAnnotations,
  runRelease,
  sourceDateEpoch,
  type MetadataResult,
  type RunContext,
} from '../tags/index.js';
import { dockerPush } from '../engine/push.js';
import type { CommandRunner } from '../util/exec.js';
import { InputError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import type { ImageBuildInputs } from './inputs.js';
import { localCacheRoot } from './local-cache.js';
import { computeRunTags } from './tags.js';
import {
  decideReleaseReuse,
  findCommitImage,
  releaseHoldReason,
  releasePromote,
  type ReusedImage,
} from './release.js';
import { exportsLayoutForReport } from './report-source.js';

export interface ImageBuildDeps {
  env: NodeJS.ProcessEnv;
  runner: CommandRunner;
  logger: Logger;
  now?: Date;
  cwd?: string;
  /** The Actions cache client, for the `local` cache preset. */
  actionsCache?: ActionsCacheClient;
  /** ECR API clients (tests point them at an emulator); the SDK's default chain otherwise. */
  ecrClientFor?: PrepareEcrOptions['clientFor'];
  /** Called as soon as something exists that the post step must clean up or save. */
  saveState?: (state: PostState) => void;
  /** Skip builder detection (tests). */
  builder?: Builder;
  /** Called as each phase starts, with the reference or image it is about (the CLI shows progress). */
  onPhase?: (phase: RunPhase, subject?: string) => void;
}

/** The run's phases in order; `push` and `tags` repeat per registry, buildx builds and pushes at once. */
export type RunPhase = 'tags' | 'checks' | 'build' | 'push' | 'tags-written';

/** What the post step needs: the ECR login to remove and the local cache to save. */
export interface PostState {
  ecrLogin?: EcrLoginState;
  localCache?: LocalCacheState;
}

export interface ImageBuildResult {
  metadata: MetadataResult;
  context: RunContext;
  build?: BuildImageOutcome;
  publish?: PublishResult;
  scans: ScanFindingsResult[];
  /** The repository the report reads from (the first image), and the digest it reads. */
  reportSource?: { image: string; digest: string };
  /** The branch build a release published instead of building (see `reuse-commit`). */
  reused?: ReusedImage;
  /**
   * An OCI layout the build exported for the report: the image is in neither the engine nor a
   * registry (no push, no load, a container builder). The report removes it.
   */
  layout?: string;
  /** Wall-clock seconds of the build (with the builder's own push when it pushes). */
  buildSeconds?: number;
  /** The first image's tags before publishing (a release's baseline is the version before it). */
  existingTags?: readonly string[];
  state: PostState;
}

/**
 * The whole run, cheapest checks first so that bad input stops it before anything is created or
 * pushed: tags → image names → the build's inputs against the Dockerfile → ECR (credentials,
 * repository, login) → registries (reachable, credentials, floating-tag plan) → build → one push per
 * registry → manifest PUTs → scan findings.
 */
export async function runImageBuild(
  inputs: ImageBuildInputs,
  deps: ImageBuildDeps,
): Promise<ImageBuildResult> {
  const { logger, runner } = deps;
  const env = { ...deps.env };
  const state: PostState = {};
  const save = () => deps.saveState?.({ ...state });
  const phase = deps.onPhase ?? (() => undefined);

  phase('tags');
  const { metadata, context } = await computeTags(inputs, deps);
  phase('checks');
  const publishing = inputs.publish.push || inputs.publish.promoteFrom !== undefined;
  const images = [...metadata.images, ...inputs.publish.extraImages];
  // A GitHub release marked pre-release (or a draft) moves no floating tag, whatever its version.
  const prerelease = releaseHoldReason(context);
  if (publishing) {
    if (metadata.tagNames.length === 0)
      throw new InputError('tags', 'no tag was computed for this run, so there is nothing to publish');
    parseImages(images);
    // The publish plan's own input checks (tags, version, primary-tag, a guarded primary), before ECR
    // creates a repository or logs in: with no existing tags yet, the plan needs no registry.
    planPublish({
      tags: metadata.tagNames,
      version: metadata.semanticVersion,
      primaryTag: inputs.publish.primaryTag,
      guardFloatingTags: inputs.publish.guardFloatingTags,
      prerelease,
      existingTags: [],
    });
  }

  // Whether a release looks for its commit's image first (an explicit `reuse-commit` that cannot work is an input error).
  const reuse = decideReleaseReuse(inputs, metadata, context, { cwd: deps.cwd });

  // The AWS SDK is loaded only when an image is in ECR: it would double the action's start-up.
  const ecrModule =
    publishing && images.some((image) => parseEcrReference(image))
      ? await import('../ecr/prepare.js')
      : undefined;
  let ecr: PreparedEcr = { targets: [] };
  const prepareRegistriesOnce = async (docker?: string) => {
    if (ecrModule) {
      ecr = await ecrModule.prepareEcr({
        images,
        inputs: inputs.ecr,
        runner,
        logger,
        env,
        tempRoot: env.RUNNER_TEMP,
        ...(docker !== undefined && { docker }),
        // The runner's own logins (docker/login-action) and buildx builders must stay visible.
        inheritConfigFrom: env.DOCKER_CONFIG || join(homedir(), '.docker'),
        ...(deps.ecrClientFor && { clientFor: deps.ecrClientFor }),
      });
      if (ecr.login) {
        state.ecrLogin = ecr.login;
        env.DOCKER_CONFIG = ecr.login.dockerConfig;
        save();
      }
    }
    return {
      images,
      tags: metadata.tagNames,
      version: metadata.semanticVersion,
      primaryTag: inputs.publish.primaryTag,
      guardFloatingTags: inputs.publish.guardFloatingTags,
      prerelease,
      writers: writerFactory(ecr, runner, logger, env),
      logger,
    };
  };
  // Once per run: a release that looked for its commit's image and found none builds on the same login.
  let registries: ReturnType<typeof prepareRegistriesOnce> | undefined;
  const prepareRegistries = (docker?: string) => (registries ??= prepareRegistriesOnce(docker));
  // Findings are a report, not a gate: the image is already published when they arrive.
  const collectScans = async (digest: string): Promise<ScanFindingsResult[]> =>
    ecrModule
      ? ecrModule
          .collectEcrScanFindings(ecr, digest, { inputs: inputs.ecr, logger })
          .catch((error: unknown) => {
            logger.warning(`ECR scan findings unavailable: ${(error as Error).message}`);
            return [];
          })
      : [];
  let buildSeconds: number | undefined;
  const finish = async (
    published: PublishResult,
    build?: BuildImageOutcome,
    extra: { reused?: ReusedImage; existingTags?: readonly string[] } = {},
  ): Promise<ImageBuildResult> => {
    const scans = await collectScans(published.digest);
    return {
      metadata,
      context,
      build,
      publish: published,
      scans,
      reportSource: reportSource(published),
      ...(extra.reused && { reused: extra.reused }),
      ...(buildSeconds !== undefined && { buildSeconds }),
      ...(extra.existingTags && { existingTags: extra.existingTags }),
      state,
    };
  };

  if (inputs.publish.promoteFrom) {
    const options = await prepareRegistries();
    phase('tags-written', options.images.join(', '));
    return finish(await promote({ ...options, source: inputs.publish.promoteFrom }));
  }

  const builder =
    deps.builder ?? (await detectBuilder(runner, env, { builder: inputs.build.builder || undefined }));
  const buildInputs = (tags: string[], push: boolean, layout?: string): BuildInputs => ({
    ...inputs.build,
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
      onLocalCache: (localCache) => {
        state.localCache = localCache;
        save();
      },
    });
    buildSeconds = (performance.now() - started) / 1000;
    return outcome;
  };

  // A release of a commit whose image is already published promotes that image: no build, no upload.
  // After the build's input checks, so that bad input stops a release before any registry request.
  if (reuse.look) {
    const options = await prepareRegistries(builder.docker);
    const lookup = await findCommitImage(images, reuse.tag, options.writers);
    if ('found' in lookup) {
      logger.info(`reusing ${lookup.found.reference} (${lookup.found.digest}): nothing is built`);
      const release = releasePromote(lookup.found, inputs, metadata, context, env);
      phase('tags-written', options.images.join(', '));
      return finish(await promote({ ...options, ...release }), undefined, { reused: lookup.found });
    }
    logger.notice(`no image to reuse for this release (${lookup.reason}): building`);
  } else if (publishing && runRelease(context)) {
    logger.info(`not reusing an image for this release: ${reuse.reason}`);
  }

  if (!inputs.publish.push) {
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
    return {
      metadata,
      context,
      build,
      scans: [],
      ...(buildSeconds !== undefined && { buildSeconds }),
      ...(layout && { layout }),
      state,
    };
  }

  const prepared = await preparePublish(await prepareRegistries(builder.docker));
  // The first image's tags, read by the checks above: its cache refs that are not there are not imported.
  const existingTags = prepared.targets[0]?.existingTags;
  // The published image carries its own cache (inline): the ref imported next time is one more tag.
  const tagPublished = cachePlan.tagPublished;
  const cacheRefs =
    tagPublished && cacheImage
      ? [{ image: cacheImage, tag: tagPublished.slice(tagPublished.lastIndexOf(':') + 1) }]
      : [];
  if (buildsIntoEngine(builder)) {
    // Built into the engine first, so a re-run whose primary tag already holds this exact image
    // pushes nothing (an IMMUTABLE ECR repository refuses even an identical push, and the engine's
    // push writes the manifest again); then the cache images.
    phase('build');
    const build = await buildFor(metadata.tags, false, existingTags);
    const pushPrimary = dockerPushPrimary({
      runner,
      docker: builder.docker,
      env,
      sourceImage: build.result.imageId,
    });
    phase('push');
    const published = await completePublish(prepared, phased(pushPrimary, phase), {
      localConfigDigest: build.result.imageId,
      cacheRefs,
    });
    await pushCacheImages(build, { runner, logger, env });
    return finish(published, build, { existingTags });
  }
  // A BuildKit builder pushes while it builds: one build pushes every registry's primary reference.
  let built: Promise<BuildImageOutcome> | undefined;
  const pushPrimary = async (reference: string) => {
    if (!built) phase('build', reference);
    built ??= buildFor(prepared.references, true, existingTags);
    const outcome = await built;
    const digest = outcome.result.pushed.find((p) => p.ref === reference)?.digest ?? outcome.result.digest;
    if (!digest) throw new Error(`the builder reported no digest for ${reference}`);
    return { digest };
  };
  const published = await completePublish(prepared, phased(pushPrimary, phase, 'build'), { cacheRefs });
  return finish(published, built && (await built), { existingTags });
}

/**
 * The primary push between its phases: `tags-written` after each push, and `push` again before the
 * next registry's (unless the build pushes).
 */
function phased<T>(
  pushPrimary: (reference: string) => Promise<T>,
  phase: (phase: RunPhase, subject?: string) => void,
  pushedBy: 'build' | 'push' = 'push',
): (reference: string) => Promise<T> {
  let pushes = 0;
  return async (reference) => {
    if (pushedBy === 'push' && pushes++ > 0) phase('push');
    const pushed = await pushPrimary(reference);
    phase('tags-written', reference.slice(0, reference.lastIndexOf(':')));
    return pushed;
  };
}

/**
 * The classic builder's registry cache: the inline-cache images (one per stage, and the final image's
 * `:buildcache`) are pushed after the image, so the next run on any engine can import them.
 */
async function pushCacheImages(
  build: BuildImageOutcome,
  deps: { runner: CommandRunner; logger: Logger; env: NodeJS.ProcessEnv },
): Promise<void> {
  if (build.cache.preset !== 'inline' && build.cache.preset !== 'registry') return;
  const refs = [...build.cache.stageImages.map((stage) => stage.ref), build.cache.finalImage].filter(
    (ref): ref is string => Boolean(ref),
  );
  for (const ref of refs) {
    // The image is published; a cache that could not be written only makes the next build slower.
    await dockerPush({ runner: deps.runner, docker: build.builder.docker, env: deps.env }, ref).catch(
      (error: unknown) =>
        deps.logger.warning(`cache image ${ref} was not pushed: ${(error as Error).message}`),
    );
  }
}

export async function computeTags(
  inputs: ImageBuildInputs,
  deps: Pick<ImageBuildDeps, 'env' | 'runner' | 'logger' | 'cwd' | 'now'>,
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

/** ECR repositories get the PutImage writer; every other registry the OCI client, with docker's credentials. */
function writerFactory(ecr: PreparedEcr, runner: CommandRunner, logger: Logger, env: NodeJS.ProcessEnv) {
  const registries = registryWriters({
    runner,
    logger,
    credentials: dockerConfigCredentials({ runner, env }),
  });
  const ecrWriters = new Map<string, TagWriter>();
  for (const prepared of ecr.targets) ecrWriters.set(prepared.target.reference.registry, prepared.tagWriter);
  return (registry: string): TagWriter => ecrWriters.get(registry) ?? registries(registry);
}

function reportSource(published: PublishResult) {
  const first = published.registries[0];
  return first ? { image: first.image, digest: published.digest } : undefined;
}
