import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  GetLifecyclePolicyCommand,
  LifecyclePolicyNotFoundException,
  PutLifecyclePolicyCommand,
  RepositoryAlreadyExistsException,
  RepositoryNotFoundException,
  type ECRClient,
  type ImageTagMutability,
  type Repository,
} from '@aws-sdk/client-ecr';
import { InputError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import { asCredentialsError } from './client.js';
import type { EcrInputs } from './inputs.js';
import { ecrRepositoryNameProblem } from '../registry/ecr-reference.js';

export interface EnsureEcrRepositoryOptions {
  client: ECRClient;
  logger: Logger;
  repository: string;
  /** Account that owns the repository; defaults to the caller's. */
  registryId?: string;
  settings: Pick<
    EcrInputs,
    | 'createRepository'
    | 'scanOnPush'
    | 'tagMutability'
    | 'tagMutabilityExclusions'
    | 'encryption'
    | 'kmsKey'
    | 'repositoryTags'
    | 'lifecycleExpireUntaggedDays'
  >;
}

export interface EcrRepositoryInfo {
  name: string;
  uri: string;
  arn?: string;
  created: boolean;
  tagMutability: ImageTagMutability;
  scanOnPush: boolean;
  /** applied: we set it; kept: the repository already had one, left alone; none: not asked for. */
  lifecyclePolicy: 'applied' | 'kept' | 'none';
}

/**
 * Finds the repository or creates it with the inputs' settings. An existing repository is never
 * reconfigured (its owner chose those settings); differences are reported as notices.
 */
export async function ensureEcrRepository(options: EnsureEcrRepositoryOptions): Promise<EcrRepositoryInfo> {
  const { client, logger, repository, settings } = options;
  const problem = ecrRepositoryNameProblem(repository);
  if (problem) throw new InputError('images', problem);
  const registry = options.registryId !== undefined ? { registryId: options.registryId } : {};

  let found: Repository | undefined;
  let created = false;
  try {
    found = await describe(client, repository, registry);
    if (!found) {
      if (!settings.createRepository) {
        throw new InputError(
          'ecr-create-repository',
          `ECR repository "${repository}" does not exist and ecr-create-repository is false`,
        );
      }
      found = await create(options, registry);
      created = found !== undefined;
      found ??= await describe(client, repository, registry);
      if (!found) throw new Error(`ECR repository "${repository}" was neither found nor created`);
    }
  } catch (error) {
    throw asCredentialsError(error);
  }

  const info: EcrRepositoryInfo = {
    name: repository,
    uri: found.repositoryUri ?? repository,
    ...(found.repositoryArn !== undefined && { arn: found.repositoryArn }),
    created,
    tagMutability: found.imageTagMutability ?? 'MUTABLE',
    scanOnPush: found.imageScanningConfiguration?.scanOnPush ?? false,
    lifecyclePolicy: 'none',
  };
  if (created) {
    logger.info(
      `Created ECR repository ${info.uri} (${info.tagMutability}, scan on push ${info.scanOnPush})`,
    );
  } else {
    reportDifferences(info, settings, logger);
  }
  if (settings.lifecycleExpireUntaggedDays !== undefined) {
    info.lifecyclePolicy = await ensureLifecyclePolicy(
      options,
      settings.lifecycleExpireUntaggedDays,
      created,
    );
  }
  return info;
}

async function describe(
  client: ECRClient,
  repository: string,
  registry: { registryId?: string },
): Promise<Repository | undefined> {
  try {
    const response = await client.send(
      new DescribeRepositoriesCommand({ ...registry, repositoryNames: [repository] }),
    );
    return response.repositories?.[0];
  } catch (error) {
    if (error instanceof RepositoryNotFoundException) return undefined;
    throw error;
  }
}

/** Returns undefined when another job created it first (the caller describes it instead). */
async function create(
  options: EnsureEcrRepositoryOptions,
  registry: { registryId?: string },
): Promise<Repository | undefined> {
  const { settings } = options;
  try {
    const response = await options.client.send(
      new CreateRepositoryCommand({
        ...registry,
        repositoryName: options.repository,
        imageTagMutability: settings.tagMutability,
        ...(settings.tagMutabilityExclusions.length > 0 && {
          imageTagMutabilityExclusionFilters: settings.tagMutabilityExclusions.map((filter) => ({
            filterType: 'WILDCARD' as const,
            filter,
          })),
        }),
        imageScanningConfiguration: { scanOnPush: settings.scanOnPush },
        encryptionConfiguration: {
          encryptionType: settings.encryption,
          ...(settings.kmsKey !== undefined && { kmsKey: settings.kmsKey }),
        },
        ...(settings.repositoryTags.length > 0 && {
          tags: settings.repositoryTags.map((tag) => ({ Key: tag.key, Value: tag.value })),
        }),
      }),
    );
    return response.repository;
  } catch (error) {
    if (error instanceof RepositoryAlreadyExistsException) return undefined;
    throw error;
  }
}

function reportDifferences(
  info: EcrRepositoryInfo,
  settings: EnsureEcrRepositoryOptions['settings'],
  logger: Logger,
) {
  if (info.tagMutability !== settings.tagMutability) {
    logger.notice(
      `ECR repository ${info.name} is ${info.tagMutability}, not ${settings.tagMutability}: left as it is`,
    );
  }
  if (info.scanOnPush !== settings.scanOnPush) {
    logger.notice(`ECR repository ${info.name} has scan on push ${info.scanOnPush}: left as it is`);
  }
}

/** The lifecycle policy text: expire untagged images N days after they were pushed. */
export function untaggedExpiryPolicy(days: number): string {
  return JSON.stringify({
    rules: [
      {
        rulePriority: 1,
        description: `Expire untagged images after ${days} days (image-build)`,
        selection: {
          tagStatus: 'untagged',
          countType: 'sinceImagePushed',
          countUnit: 'days',
          countNumber: days,
        },
        action: { type: 'expire' },
      },
    ],
  });
}

/** PutLifecyclePolicy replaces the whole policy, so an existing repository's own policy is kept. */
async function ensureLifecyclePolicy(
  options: EnsureEcrRepositoryOptions,
  days: number,
  created: boolean,
): Promise<'applied' | 'kept'> {
  const { client, repository, logger } = options;
  const registry = options.registryId !== undefined ? { registryId: options.registryId } : {};
  if (!created) {
    try {
      await client.send(new GetLifecyclePolicyCommand({ ...registry, repositoryName: repository }));
      logger.notice(`ECR repository ${repository} already has a lifecycle policy: left as it is`);
      return 'kept';
    } catch (error) {
      if (!(error instanceof LifecyclePolicyNotFoundException)) throw error;
    }
  }
  await client.send(
    new PutLifecyclePolicyCommand({
      ...registry,
      repositoryName: repository,
      lifecyclePolicyText: untaggedExpiryPolicy(days),
    }),
  );
  logger.info(`Lifecycle policy on ${repository}: untagged images expire after ${days} days`);
  return 'applied';
}
