import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { octokitRepository } from '../github/repository.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import { computeMetadata } from './compute.js';
import { fetchRepoInfo } from './fetch-repo.js';
import { parseMetadataInputs, type InputReader } from './inputs.js';
import {
  bakeFileContents,
  bakeFileName,
  metadataOutputs,
  outputEnvName,
  type BakeFileKind,
} from './outputs.js';
import { resolveRunContext, type Env } from './run-context.js';
import { loadEngineLibs } from './libs.js';
import { sourceDateEpoch } from './source-date.js';
import type { MetadataResult } from './types.js';

/** The edges of the tags action: how it reads inputs and writes outputs (runner commands in production). */
export interface TagsActionIO {
  getInput: InputReader;
  setOutput(name: string, value: string): void;
  exportVariable(name: string, value: string): void;
  logger: Logger;
}

export interface TagsActionDeps {
  env: Env;
  runner: CommandRunner;
  now?: Date;
}

/**
 * The `tags/` action (drop-in docker/metadata-action): inputs → run context → repository data →
 * computeMetadata → outputs, bake files and DOCKER_METADATA_OUTPUT_* variables.
 */
export async function runTagsAction(io: TagsActionIO, deps: TagsActionDeps): Promise<MetadataResult> {
  const { env, logger } = { env: deps.env, logger: io.logger };
  const inputs = parseMetadataInputs(io.getInput);
  if (inputs.githubToken) logger.setSecret(inputs.githubToken);
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const github =
    inputs.githubToken && owner && repo
      ? octokitRepository({ token: inputs.githubToken, apiUrl: env.GITHUB_API_URL, owner, repo })
      : undefined;
  const context = await resolveRunContext(inputs.context, env, deps.runner, {
    lookupCommitDate: github ? (sha) => github.getCommitDate(sha) : undefined,
  });
  logger.startGroup('Context info');
  logger.info(`eventName: ${context.eventName}`);
  logger.info(`sha: ${context.sha}`);
  logger.info(`ref: ${context.ref}`);
  logger.info(`commitDate: ${context.commitDate.toISOString()}`);
  logger.endGroup();

  const repoInfo = await fetchRepoInfo(context, github, logger);
  const libs = await loadEngineLibs(inputs);
  const result = computeMetadata(inputs, context, repoInfo, {
    now: deps.now ?? new Date(),
    created: sourceDateEpoch(env),
    logger,
    libs,
  });

  const bakeDir = join(env.RUNNER_TEMP || tmpdir(), 'docker-metadata-action');
  await mkdir(bakeDir, { recursive: true });
  const contents = bakeFileContents(result, inputs);
  const paths = {} as Record<BakeFileKind, string>;
  for (const kind of Object.keys(contents) as BakeFileKind[]) {
    paths[kind] = join(bakeDir, bakeFileName(kind));
    await writeFile(paths[kind], contents[kind]);
  }

  printSummary(result, logger);
  const outputs = metadataOutputs(result, inputs, paths);
  const exportEnv = env.DOCKER_METADATA_SET_OUTPUT_ENV
    ? /^(true|1)$/i.test(env.DOCKER_METADATA_SET_OUTPUT_ENV)
    : true;
  for (const [name, value] of Object.entries(outputs)) {
    io.setOutput(name, value);
    if (exportEnv) io.exportVariable(outputEnvName(name), value);
  }
  return result;
}

function printSummary(result: MetadataResult, logger: Logger): void {
  if (!result.version) {
    logger.warning('No Docker image version has been generated. Check tags input.');
  } else {
    logger.startGroup('Docker image version');
    logger.info(result.version);
    logger.endGroup();
  }
  if (result.tags.length === 0) {
    logger.warning('No Docker tag has been generated. Check tags input.');
  } else {
    logger.startGroup('Docker tags');
    result.tags.forEach((tag) => logger.info(tag));
    logger.endGroup();
  }
  logger.startGroup('Docker labels');
  result.labels.forEach((label) => logger.info(label));
  logger.endGroup();
  logger.startGroup('Annotations');
  result.annotationLevels.forEach((level) =>
    result.annotations.forEach((entry) => logger.info(`${level}:${entry}`)),
  );
  logger.endGroup();
}
