import { readFileSync } from 'node:fs';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import type { BuildPlan } from './plan.js';
import { type BuildStep, mergeSteps, parsePlainProgress } from './progress.js';
import { dockerPush, isTransientPushFailure, type PushRetry, retryTransient } from '../engine/push.js';

export interface BuildResult {
  /** Config digest of the built image (`--iidfile`); empty when only a local/tar output was written. */
  imageId: string;
  /** Manifest digest of the pushed image, when something was pushed. */
  digest?: string;
  /** buildx's metadata file, or the same keys assembled for the classic builder. */
  metadata: Record<string, unknown>;
  steps: BuildStep[];
  /** Every ref pushed, with the digest the registry reported. */
  pushed: { ref: string; digest?: string }[];
}

/** The builder exited non-zero; `output` holds its last lines for the error report. */
export class BuildFailedError extends Error {
  readonly output: string;
  readonly steps: BuildStep[];
  constructor(message: string, output: string, steps: BuildStep[]) {
    super(message);
    this.name = 'BuildFailedError';
    this.output = output;
    this.steps = steps;
  }
}

export interface RunBuildOptions {
  runner: CommandRunner;
  logger: Logger;
  /** Base environment (DOCKER_HOST, ACTIONS_* for gha); the plan's env is added on top. */
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Reads the iid/metadata files; swapped in unit tests. */
  readFile?: (path: string) => string | undefined;
  /** How a push the registry or network broke is retried (the builder's own push included). */
  retry?: PushRetry;
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Forwards output to the log a whole line at a time (chunks split lines anywhere). */
function lineWriter(logger: Logger): { write: (chunk: string) => void; flush: () => void } {
  let pending = '';
  return {
    write(chunk) {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) logger.info(line);
    },
    flush() {
      if (pending) logger.info(pending);
      pending = '';
    },
  };
}

/**
 * The part of a failed buildx build that is about pushing (BuildKit's `failed to push`, `failed commit
 * on ref`, a request that failed): a step that failed for its own reasons is never retried.
 */
function pushFailure(stderr: string): string {
  const lines = stderr
    .split('\n')
    .filter((line) => /push|commit on ref|do request|export(ing)? (to image|cache)/i.test(line));
  return lines.some(isTransientPushFailure) ? lines.join('\n') : '';
}

/** Runs the plan's commands inside one log group, then the pushes; parses steps, ids and digests. */
export async function runBuild(plan: BuildPlan, options: RunBuildOptions): Promise<BuildResult> {
  const { runner, logger } = options;
  const read = options.readFile ?? readIfPresent;
  const env = { ...options.env, ...plan.env };
  const docker = plan.builder.docker;
  // Masked in case a Dockerfile step prints one (the runner hides registered values in every line).
  for (const [name, value] of Object.entries(plan.env))
    if (name.startsWith('IB_BUILD_SECRET_')) logger.setSecret(value);
  for (const notice of plan.notices) logger.notice(notice);
  const stepLists: BuildStep[][] = [];
  const pushed: BuildResult['pushed'] = [];
  // The Dockerfile may come from a pull request: its output must not be able to issue runner commands.
  logger.startGroup(
    `Building with ${plan.builder.kind === 'buildx' ? `buildx (${plan.builder.driver})` : 'the engine builder'}`,
    { untrusted: true },
  );
  try {
    for (const command of plan.commands) {
      if (command.role === 'stage-cache') logger.info(`— cache image for stage ${command.stage}`);
      // buildx pushes as it builds: a push the registry broke is retried by building again, which
      // the builder's cache answers at once, and the registry skips the blobs it already has.
      const pushes = command.role === 'image' && plan.pushedByBuilder.length > 0;
      const result = await retryTransient(
        async () => {
          const out = lineWriter(logger);
          const run = await runner.run(docker, command.args, {
            env,
            cwd: options.cwd,
            onStdout: out.write,
            onStderr: out.write,
          });
          out.flush();
          return { ...run, output: pushes && run.exitCode !== 0 ? pushFailure(run.stderr) : '' };
        },
        {
          ...options.retry,
          onRetry: (reason, delay, attempt) => {
            logger.warning(
              `the push failed (${reason}); attempt ${attempt} in ${Math.round(delay / 1000)} s`,
            );
            options.retry?.onRetry?.(reason, delay, attempt);
          },
        },
      );
      const steps = parsePlainProgress(result.stderr + '\n' + result.stdout);
      stepLists.push(steps);
      if (result.exitCode !== 0) {
        const tail = (result.stderr || result.stdout).trim().split('\n').slice(-15).join('\n');
        throw new BuildFailedError(
          `the build failed (exit ${result.exitCode})${command.stage ? ` in stage ${command.stage}` : ''}`,
          tail,
          mergeSteps(stepLists),
        );
      }
    }
    for (const ref of plan.pushes) {
      const out = lineWriter(logger);
      try {
        const { digest } = await dockerPush({ runner, docker, env, onOutput: out.write }, ref, options.retry);
        pushed.push({ ref, digest });
      } catch (error) {
        throw new BuildFailedError(
          (error as Error).message,
          (error as { output?: string }).output ?? '',
          mergeSteps(stepLists),
        );
      } finally {
        out.flush();
      }
    }
  } finally {
    logger.endGroup();
  }

  const imageId = (read(plan.iidFile) ?? '').trim();
  const metadataText = plan.metadataFile ? read(plan.metadataFile) : undefined;
  let metadata: Record<string, unknown>;
  if (metadataText) {
    metadata = JSON.parse(metadataText) as Record<string, unknown>;
  } else {
    // Without cache the stage images are built after the image: find the image's command by role.
    const imageArgs = plan.commands.find((command) => command.role === 'image')?.args ?? [];
    const names = imageArgs.flatMap((arg, index) => (imageArgs[index - 1] === '--tag' ? [arg] : []));
    metadata = {
      'containerimage.config.digest': imageId,
      ...(pushed[0]?.digest ? { 'containerimage.digest': pushed[0].digest } : {}),
      'image.name': names.join(','),
    };
  }
  const digest =
    typeof metadata['containerimage.digest'] === 'string'
      ? (metadata['containerimage.digest'] as string)
      : pushed[0]?.digest;
  // buildx pushes every --tag of one image, so they all share the image's digest.
  for (const ref of plan.pushedByBuilder) pushed.push({ ref, digest });
  return { imageId, digest, metadata, steps: mergeSteps(stepLists), pushed };
}
