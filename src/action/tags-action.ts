import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeRunTags } from '../pipeline/tags.js';
import {
  bakeFileContents,
  bakeFileName,
  metadataOutputs,
  outputEnvName,
  parseMetadataInputs,
  type BakeFileKind,
  type Env,
  type InputReader,
  type MetadataResult,
} from '../tags/index.js';
import { parseBoolean } from '../util/boolean.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';

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
  const { env } = deps;
  const logger = io.logger;
  const inputs = parseMetadataInputs(io.getInput);
  const { metadata: result, context } = await computeRunTags(inputs, { ...deps, logger });
  logger.startGroup('Context info');
  logger.info(`eventName: ${context.eventName}`);
  logger.info(`sha: ${context.sha}`);
  logger.info(`ref: ${context.ref}`);
  logger.info(`commitDate: ${context.commitDate.toISOString()}`);
  logger.endGroup();

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
  const exportEnv = parseBoolean(
    'DOCKER_METADATA_SET_OUTPUT_ENV',
    env.DOCKER_METADATA_SET_OUTPUT_ENV ?? '',
    true,
  );
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
