import { pushCacheImages, type BuildImageOutcome } from '../build/index.js';
import { buildsIntoEngine, type Builder } from '../engine/builder.js';
import {
  completePublish,
  dockerPushPrimary,
  type PreparedPublish,
  type PublishResult,
} from '../publish/index.js';

import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import type { RunPhase } from './image-build-types.js';

/** Builds the image: `push` when the builder itself pushes the primary references. */
export type BuildStep = (tags: string[], push: boolean) => Promise<BuildImageOutcome>;

export interface PublishBuildOptions {
  builder: Builder;
  prepared: PreparedPublish;
  build: BuildStep;
  /** The cache refs that are the published image itself (inline cache): one manifest PUT each. */
  cacheRefs: readonly { image: string; tag: string }[];
  /** The tags the image builds with (each repository's primary reference is the builder's push). */
  tags: string[];
  runner: CommandRunner;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  phase: (phase: RunPhase, subject?: string) => void;
}

/**
 * Builds and publishes, the way the builder can: the engine's builders (classic, buildx's docker
 * driver) build into the engine first, so a re-run whose primary tag already holds this exact image
 * pushes nothing (an IMMUTABLE ECR repository refuses even an identical push, and the engine's push
 * writes the manifest again), then push their cache images after the tags. A BuildKit builder pushes
 * while it builds: one build pushes every registry's primary reference, and exports its cache itself.
 */
export async function publishBuild(
  options: PublishBuildOptions,
): Promise<{ published: PublishResult; build?: BuildImageOutcome }> {
  const { builder, prepared, phase, cacheRefs } = options;
  if (buildsIntoEngine(builder)) {
    phase('build');
    const build = await options.build(options.tags, false);
    const pushPrimary = dockerPushPrimary({
      runner: options.runner,
      docker: builder.docker,
      env: options.env,
      sourceImage: build.result.imageId,
    });
    phase('push');
    const published = await completePublish(prepared, phased(pushPrimary, phase), {
      localConfigDigest: build.result.imageId,
      cacheRefs,
    });
    await pushCacheImages(build, options);
    return { published, build };
  }
  let built: Promise<BuildImageOutcome> | undefined;
  const pushPrimary = async (reference: string) => {
    if (!built) phase('build', reference);
    built ??= options.build(prepared.references, true);
    const outcome = await built;
    const digest = outcome.result.pushed.find((p) => p.ref === reference)?.digest ?? outcome.result.digest;
    if (!digest) throw new Error(`the builder reported no digest for ${reference}`);
    return { digest };
  };
  const published = await completePublish(prepared, phased(pushPrimary, phase, 'build'), { cacheRefs });
  return { published, build: built && (await built) };
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
