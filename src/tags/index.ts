// The tag engine: docker/metadata-action's inputs and outputs, plus the environment policy and build args.
export type {
  ContextSource,
  EnvironmentName,
  EnvironmentPolicy,
  LatestMode,
  Flavor,
  ImageEntry,
  MetadataInputs,
  MetadataResult,
  RepoInfo,
  RunContext,
  TagEntry,
  TagType,
} from './types.js';
export type { InputReader } from './inputs.js';
export { parseMetadataInputs, recordInputReader } from './inputs.js';
export type { Env, RunContextOptions } from './run-context.js';
export { resolveRunContext } from './run-context.js';
export type { DateFormatter } from './dates.js';
export { loadDateFormatter, usesDateExpressions } from './dates.js';
export type { EngineLibs, Pep440Lib } from './lazy-libs.js';
export { loadEngineLibs, loadPep440 } from './lazy-libs.js';
export type { ComputeOptions } from './compute.js';
export { computeMetadata } from './compute.js';
export type { BakeFileKind } from './outputs.js';
export {
  bakeFileContents,
  bakeFileName,
  leveledAnnotations,
  metadataJson,
  metadataOutputs,
  metadataValueOutputs,
  outputEnvName,
} from './outputs.js';
export { automaticBuildArgs } from './build-args.js';
export { DISPATCH_VERSION_INPUT, type RunRelease, runRelease } from './release-event.js';
export { sourceDateEpoch } from './source-date.js';
export { fixTagForRegistry, sanitizeTag } from './sanitize.js';
export { inputTemplates } from './templates.js';
