import { rmSync } from 'node:fs';
import type { ECRClient } from '@aws-sdk/client-ecr';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import type { TagWriter } from '../registry/tag-writer.js';
import { checkEcrCredentials, createEcrClient, ecrClientOptionsFor } from './client.js';
import type { EcrInputs } from './inputs.js';
import { ecrLogin, type EcrLoginState } from './login.js';
import { ensureEcrRepository, type EcrRepositoryInfo } from './repository.js';
import { waitForScanFindings, type ScanFindingsResult } from './scan.js';
import { createEcrTagWriter } from './tag-writer.js';
import { planEcrTargets, type EcrTarget } from './targets.js';

export interface PrepareEcrOptions {
  /** Every image reference the build publishes; non-ECR ones are ignored. */
  images: readonly string[];
  inputs: EcrInputs;
  runner: CommandRunner;
  logger: Logger;
  docker?: string;
  env?: NodeJS.ProcessEnv;
  tempRoot?: string;
  inheritConfigFrom?: string;
  /** Builds the API client for a target; defaults to the SDK's credential chain (tests set an endpoint). */
  clientFor?: (target: EcrTarget) => ECRClient;
}

export interface PreparedEcrTarget {
  target: EcrTarget;
  repository: EcrRepositoryInfo;
  client: ECRClient;
  tagWriter: TagWriter;
}

export interface PreparedEcr {
  targets: PreparedEcrTarget[];
  /** Undefined when no image is in private ECR; otherwise save it for the post step (ecrLogout). */
  login?: EcrLoginState;
}

/**
 * Everything ECR needs before the build, in the order that fails cheapest first: check inputs
 * against the references (pure), resolve credentials, ensure the repositories, log docker in (one
 * temporary config for every region). Call it before building, so bad input stops the run early.
 */
export async function prepareEcr(options: PrepareEcrOptions): Promise<PreparedEcr> {
  const managed = planEcrTargets(options.images, options.inputs).filter((target) => target.managed);
  if (managed.length === 0) return { targets: [] };
  const clientFor =
    options.clientFor ??
    ((target: EcrTarget) => createEcrClient(ecrClientOptionsFor(target.reference, target.region)));

  const groups = new Map<string, { client: ECRClient; targets: EcrTarget[] }>();
  for (const target of managed) {
    const key = `${target.region}|${target.reference.registry}`;
    const group = groups.get(key) ?? { client: clientFor(target), targets: [] };
    group.targets.push(target);
    groups.set(key, group);
  }
  for (const group of groups.values()) await checkEcrCredentials(group.client);

  const prepared: PreparedEcrTarget[] = [];
  for (const { client, targets } of groups.values()) {
    for (const target of targets) {
      const registryId = target.reference.kind === 'private' ? target.reference.accountId : undefined;
      const repository = await ensureEcrRepository({
        client,
        logger: options.logger,
        repository: target.reference.repository,
        ...(registryId !== undefined && { registryId }),
        settings: options.inputs,
      });
      prepared.push({
        target,
        repository,
        client,
        tagWriter: createEcrTagWriter({ client, ...(registryId && { registryId }) }),
      });
    }
  }

  let login: EcrLoginState | undefined;
  for (const { client, targets } of groups.values()) {
    const registries = [...new Set(targets.map((target) => target.reference.registry))];
    const accounts = [
      ...new Set(targets.flatMap((t) => (t.reference.kind === 'private' ? [t.reference.accountId] : []))),
    ];
    let state: EcrLoginState;
    try {
      state = await ecrLogin({
        client,
        runner: options.runner,
        logger: options.logger,
        registries,
        registryIds: accounts,
        ...(options.docker !== undefined && { docker: options.docker }),
        ...(options.env !== undefined && { env: options.env }),
        ...(options.tempRoot !== undefined && { tempRoot: options.tempRoot }),
        ...(options.inheritConfigFrom !== undefined && { inheritConfigFrom: options.inheritConfigFrom }),
        ...(login && { dockerConfig: login.dockerConfig }),
      });
    } catch (error) {
      // An earlier region's login already sits in the dir, and no state reaches the post step.
      if (login) rmSync(login.dockerConfig, { recursive: true, force: true });
      throw error;
    }
    login = login ? { ...login, registries: [...login.registries, ...state.registries] } : state;
  }
  return { targets: prepared, ...(login && { login }) };
}

/**
 * After the push: scan-on-push results for every prepared repository that scans, bounded by the
 * ecr-wait-for-scan input. Repositories without scan on push are skipped, not waited for.
 */
export async function collectEcrScanFindings(
  prepared: PreparedEcr,
  digest: string,
  options: { inputs: Pick<EcrInputs, 'waitForScanSeconds'>; logger: Logger; pollSeconds?: number },
): Promise<ScanFindingsResult[]> {
  if (options.inputs.waitForScanSeconds <= 0) return [];
  const results: ScanFindingsResult[] = [];
  for (const { target, repository, client } of prepared.targets) {
    if (!repository.scanOnPush) continue;
    results.push(
      await waitForScanFindings({
        client,
        logger: options.logger,
        repository: repository.name,
        digest,
        ...(target.reference.kind === 'private' && { registryId: target.reference.accountId }),
        timeoutSeconds: options.inputs.waitForScanSeconds,
        ...(options.pollSeconds !== undefined && { pollSeconds: options.pollSeconds }),
      }),
    );
  }
  return results;
}
