import { homedir } from 'node:os';
import { join } from 'node:path';
import type { PreparedEcr } from '../ecr/prepare.js';
import type { EcrInputs } from '../ecr/inputs.js';
import type { ScanFindingsResult } from '../ecr/scan.js';
import { registryWriters, type PublishTagsOptions } from '../publish/index.js';
import { parseEcrReference } from '../registry/ecr-reference.js';
import { dockerConfigCredentials, type TagWriter } from '../registry/index.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import type { ImageBuildDeps, PostState } from './image-build-types.js';

/** Every registry a run publishes to, made ready once: ECR repositories and login, then tag writers. */
export interface RegistrySession {
  /** Creates ECR repositories and logs in (once per run), and gives the publish its options. */
  prepare(docker?: string): Promise<PublishTagsOptions>;
  /** ECR's scan findings for the published digest: a report, not a gate, so never a failure. */
  collectScans(digest: string): Promise<ScanFindingsResult[]>;
}

export interface RegistrySessionOptions {
  images: string[];
  ecr: EcrInputs;
  /** What the publish plan needs besides the registries: tags, version, primary, guard, pre-release. */
  publish: Omit<PublishTagsOptions, 'images' | 'writers' | 'logger'>;
  /** The run's environment: an ECR login points its DOCKER_CONFIG at the temporary config. */
  env: NodeJS.ProcessEnv;
  deps: Pick<ImageBuildDeps, 'runner' | 'logger' | 'ecrClientFor'>;
  /** Told when there is something for the post step (the ECR login). */
  onPostState: (state: Pick<PostState, 'ecrLogin'>) => void;
}

/**
 * The registries of a run. The AWS SDK is loaded only when an image is in ECR: it would double the
 * action's start-up for everyone else.
 */
export async function registrySession(options: RegistrySessionOptions): Promise<RegistrySession> {
  const { images, env, deps } = options;
  const { runner, logger } = deps;
  const ecrModule = images.some((image) => parseEcrReference(image))
    ? await import('../ecr/prepare.js')
    : undefined;
  let ecr: PreparedEcr = { targets: [] };
  let prepared: Promise<PublishTagsOptions> | undefined;
  const prepareOnce = async (docker?: string): Promise<PublishTagsOptions> => {
    if (ecrModule) {
      ecr = await ecrModule.prepareEcr({
        images,
        inputs: options.ecr,
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
        env.DOCKER_CONFIG = ecr.login.dockerConfig;
        options.onPostState({ ecrLogin: ecr.login });
      }
    }
    return { ...options.publish, images, writers: writerFactory(ecr, runner, logger, env), logger };
  };
  return {
    // Once per run: a release that looked for its commit's image and found none builds on the same login.
    prepare: (docker) => (prepared ??= prepareOnce(docker)),
    collectScans: async (digest) =>
      ecrModule
        ? ecrModule
            .collectEcrScanFindings(ecr, digest, { inputs: options.ecr, logger })
            .catch((error: unknown) => {
              logger.warning(`ECR scan findings unavailable: ${(error as Error).message}`);
              return [];
            })
        : [],
  };
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
