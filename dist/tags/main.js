import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  describeError
} from "../chunks/chunk-DXOQI3SJ.js";
import {
  createRunnerCommands
} from "../chunks/chunk-JJCHZKHU.js";
import {
  computeRunTags
} from "../chunks/chunk-MUA3NJ56.js";
import {
  UNTRIMMED_INPUTS,
  bakeFileContents,
  bakeFileName,
  metadataOutputs,
  outputEnvName,
  parseMetadataInputs
} from "../chunks/chunk-IWQOLGT7.js";
import {
  parseBoolean
} from "../chunks/chunk-RVOSA46I.js";
import "../chunks/chunk-DSVLZ5QC.js";
import "../chunks/chunk-H5I7P22Y.js";
import "../chunks/chunk-IZW44F23.js";
import "../chunks/chunk-TAYKLYQA.js";
import {
  processRunner
} from "../chunks/chunk-L27B2LXP.js";
import "../chunks/chunk-EHNN3ETZ.js";

// src/action/tags-action.ts
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
async function runTagsAction(io, deps) {
  let { env } = deps, logger = io.logger, inputs = parseMetadataInputs(io.getInput), { metadata: result, context } = await computeRunTags(inputs, { ...deps, logger });
  logger.startGroup("Context info"), logger.info(`eventName: ${context.eventName}`), logger.info(`sha: ${context.sha}`), logger.info(`ref: ${context.ref}`), logger.info(`commitDate: ${context.commitDate.toISOString()}`), logger.endGroup();
  let bakeDir = join(env.RUNNER_TEMP || tmpdir(), "docker-metadata-action");
  await mkdir(bakeDir, { recursive: !0 });
  let contents = bakeFileContents(result, inputs), paths = {};
  for (let kind of Object.keys(contents))
    paths[kind] = join(bakeDir, bakeFileName(kind)), await writeFile(paths[kind], contents[kind]);
  printSummary(result, logger);
  let outputs = metadataOutputs(result, inputs, paths), exportEnv = parseBoolean(
    "DOCKER_METADATA_SET_OUTPUT_ENV",
    env.DOCKER_METADATA_SET_OUTPUT_ENV ?? "",
    !0
  );
  for (let [name, value] of Object.entries(outputs))
    io.setOutput(name, value), exportEnv && io.exportVariable(outputEnvName(name), value);
  return result;
}
function printSummary(result, logger) {
  result.version ? (logger.startGroup("Docker image version"), logger.info(result.version), logger.endGroup()) : logger.warning("No Docker image version has been generated. Check tags input."), result.tags.length === 0 ? logger.warning("No Docker tag has been generated. Check tags input.") : (logger.startGroup("Docker tags"), result.tags.forEach((tag) => logger.info(tag)), logger.endGroup()), logger.startGroup("Docker labels"), result.labels.forEach((label) => logger.info(label)), logger.endGroup(), logger.startGroup("Annotations"), result.annotationLevels.forEach(
    (level) => result.annotations.forEach((entry) => logger.info(`${level}:${entry}`))
  ), logger.endGroup();
}

// src/action/tags-main.ts
var runner = createRunnerCommands();
runTagsAction(
  {
    getInput: (name) => runner.getInput(name, { trimWhitespace: !UNTRIMMED_INPUTS.has(name) }),
    setOutput: runner.setOutput,
    exportVariable: runner.exportVariable,
    logger: runner.logger
  },
  { env: process.env, runner: processRunner }
).catch((error) => {
  let described = describeError(error);
  described.stack && runner.logger.debug(described.stack), runner.setFailed(described.internal && described.stack ? described.stack : described.message);
});
