import type { CommandRunner } from '../util/exec.js';
import type { PushPrimary } from './options.js';

export interface DockerPushOptions {
  runner: CommandRunner;
  /** The docker client binary; `docker` on PATH by default. */
  docker?: string;
  env?: NodeJS.ProcessEnv;
  /** The local image to push: tagged as each primary reference first when given. */
  sourceImage?: string;
}

/**
 * A `pushPrimary` that runs `docker push` (tagging the built image first when asked) and reads the
 * digest from its last line, `<tag>: digest: sha256:… size: N`.
 */
export function dockerPushPrimary(options: DockerPushOptions): PushPrimary {
  const docker = options.docker ?? 'docker';
  return async (reference) => {
    if (options.sourceImage && options.sourceImage !== reference) {
      const tagged = await options.runner.run(docker, ['tag', options.sourceImage, reference], {
        env: options.env,
      });
      if (tagged.exitCode !== 0) throw new Error(`docker tag failed: ${tagged.stderr.trim()}`);
    }
    const pushed = await options.runner.run(docker, ['push', reference], { env: options.env });
    if (pushed.exitCode !== 0)
      throw new Error(`docker push failed: ${(pushed.stderr || pushed.stdout).trim()}`);
    const match = /digest: (sha256:[a-f0-9]{64})/.exec(pushed.stdout);
    if (!match) throw new Error(`docker push printed no digest for ${reference}`);
    return { digest: match[1] };
  };
}
