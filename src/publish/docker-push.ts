import { type DockerClient, dockerPush, dockerTag, type PushRetry } from '../engine/push.js';
import type { CommandRunner } from '../util/exec.js';
import type { PushPrimary } from './options.js';

export interface DockerPushOptions {
  runner: CommandRunner;
  /** The docker client binary; `docker` on PATH by default. */
  docker?: string;
  env?: NodeJS.ProcessEnv;
  /** The local image to push: tagged as each primary reference first when given. */
  sourceImage?: string;
  /** How transient push failures are retried (see engine/push). */
  retry?: PushRetry;
}

/**
 * A `pushPrimary` that runs `docker push` (tagging the built image first when asked), retried on
 * transient registry and network failures, and returns the digest it printed.
 */
export function dockerPushPrimary(options: DockerPushOptions): PushPrimary {
  const client: DockerClient = { runner: options.runner, docker: options.docker, env: options.env };
  return async (reference) => {
    if (options.sourceImage && options.sourceImage !== reference) {
      await dockerTag(client, options.sourceImage, reference);
    }
    return dockerPush(client, reference, options.retry);
  };
}
