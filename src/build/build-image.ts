import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ActionsCacheClient, LocalCacheState } from '../cache/local.js';
import { restoreLocalCache } from '../cache/local.js';
import type { CachePlan } from '../cache/types.js';
import { resolveCache } from '../cache/presets.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import { type Builder, detectBuilder } from '../engine/builder.js';
import { stagesNeedingCacheImages } from './dockerfile.js';
import type { BuildInputs } from './inputs.js';
import { type BuildPlan, planBuild } from './plan.js';
import { nameAsWritten } from '../registry/reference.js';
import { type BuildResult, runBuild } from './run-build.js';
import { diskFiles, validateBuild, type ValidatedBuild } from './validate.js';

export interface BuildImageOptions {
  inputs: BuildInputs;
  runner: CommandRunner;
  logger: Logger;
  /** Environment for the builder (DOCKER_HOST, and on GitHub the ACTIONS_* cache variables). */
  env: NodeJS.ProcessEnv;
  /** VERSION, ENVIRONMENT, GIT_COMMIT, BUILD_TIMESTAMP from the tag engine. */
  automaticBuildArgs?: Readonly<Record<string, string | undefined>>;
  /** Skip detection (tests, or a caller that already detected). */
  builder?: Builder;
  /** Repository for cache refs (`<image>:buildcache`); default: the first tag's repository. */
  cacheImage?: string;
  /** On GitHub Actions with the cache service available: the branch and the default branch. */
  github?: { branch?: string; defaultBranch?: string };
  /** Parent directory of `local` caches (the action passes RUNNER_TEMP). */
  localRoot?: string;
  /** The Actions cache client, needed only by the `local` preset. */
  actionsCache?: ActionsCacheClient;
  /** Working directory the context and file inputs are relative to. */
  cwd?: string;
  /**
   * The caller points the cache ref at the published image itself (one manifest PUT), so the build
   * does not push it (default false: the build pushes every ref the cache plan needs).
   */
  callerTagsCacheRef?: boolean;
  /** The image repository's tags read before the build: cache refs not among them are not imported. */
  existingTags?: readonly string[];
  /** SOURCE_DATE_EPOCH is set: keep cache records out of the published image. */
  reproducible?: boolean;
  /** The caller publishes what this build makes (the build itself may not push): cache refs are written. */
  publishing?: boolean;
  /** Called once the `local` cache is restored, before the build: the post step saves it even if the build fails. */
  onLocalCache?: (state: LocalCacheState) => void;
}

export interface BuildImageOutcome {
  builder: Builder;
  cache: CachePlan;
  plan: BuildPlan;
  result: BuildResult;
  /** Present with the `local` preset: hand it to saveLocalCache in the post step. */
  localCache?: LocalCacheState;
}

/** Where the cache plan of a build comes from: the image it is pushed as, and what the run can do. */
export type CacheOptions = Pick<
  BuildImageOptions,
  'cacheImage' | 'github' | 'localRoot' | 'existingTags' | 'reproducible' | 'publishing'
>;

/**
 * The cache plan for a validated build: pure, so a caller can run it (and meet its input errors)
 * before anything is created or pushed, and buildImage runs it again to build.
 */
export function planCache(
  validated: ValidatedBuild,
  builder: Builder,
  options: CacheOptions,
): { image: string; cache: CachePlan } {
  const { inputs } = validated;
  const image = options.cacheImage ?? (inputs.tags[0] ? nameAsWritten(inputs.tags[0]) : '');
  const stages = stagesNeedingCacheImages(validated.dockerfile, inputs.target || undefined).map(
    (stage) => stage.name ?? String(stage.index),
  );
  if (!image) {
    const cache = resolveCache(
      { ...inputs, cache: 'none' },
      { image: '', builder, stages: [], push: false, localRoot: '' },
    );
    if (!['auto', 'none'].includes(inputs.cache)) {
      cache.notices.push(
        `cache "${inputs.cache}": no tags to derive a cache image from; building without cache`,
      );
    }
    return { image, cache };
  }
  const cache = resolveCache(inputs, {
    image,
    builder,
    stages,
    push: inputs.push || Boolean(options.publishing),
    github: options.github,
    localRoot: options.localRoot ?? join(tmpdir(), 'image-build-cache'),
    reproducible: options.reproducible,
    existingTags: options.existingTags,
  });
  return { image, cache };
}

/**
 * Detect → validate → resolve cache → plan → (restore local cache) → run. Every input error is raised
 * before the first builder process starts.
 */
export async function buildImage(options: BuildImageOptions): Promise<BuildImageOutcome> {
  const { inputs, runner, logger, env } = options;
  const cwd = options.cwd ?? process.cwd();
  const builder =
    options.builder ?? (await detectBuilder(runner, env, { builder: inputs.builder || undefined }));
  const validated = validateBuild(inputs, builder, diskFiles, cwd);
  const { image, cache } = planCache(validated, builder, options);
  const workDir = mkdtempSync(join(tmpdir(), 'image-build-'));
  const plan = planBuild(validated, builder, cache, {
    automaticBuildArgs: options.automaticBuildArgs,
    iidFile: join(workDir, 'iid'),
    metadataFile: join(workDir, 'metadata.json'),
    tagCacheRef: !options.callerTagsCacheRef,
  });
  logger.info(`cache: ${cache.summary}`);
  const localCache =
    cache.local && options.actionsCache
      ? await restoreLocalCache(
          cache,
          {
            image,
            dockerfile: diskFiles.readText(validated.dockerfilePath),
            context: resolve(cwd, inputs.context),
          },
          { client: options.actionsCache, runner, env, logger, docker: builder.docker },
        )
      : undefined;
  if (localCache) options.onLocalCache?.(localCache);
  try {
    const result = await runBuild(plan, { runner, logger, env, cwd });
    return { builder, cache, plan, result, localCache };
  } finally {
    // The iid and metadata files are read by now; nothing else lives here.
    rmSync(workDir, { recursive: true, force: true });
  }
}
