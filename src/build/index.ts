export { AUTOMATIC_BUILD_ARGS, selectAutomaticBuildArgs } from './automatic-args.js';
export {
  type Builder,
  type BuildxBuilder,
  type ClassicBuilder,
  type DetectBuilderOptions,
  BuilderUnavailableError,
  detectBuilder,
  ensureRemoteBuilder,
  type RemoteBuilderOptions,
} from '../engine/builder.js';
export {
  type BuildImageOptions,
  type BuildImageOutcome,
  type CacheOptions,
  buildImage,
  planCache,
} from './build-image.js';
export {
  type DockerfileInfo,
  type DockerfileStage,
  parseDockerfile,
  stageDependencies,
  stagesNeedingCacheImages,
} from './dockerfile.js';
export {
  type BuildInputName,
  type BuildInputs,
  BUILD_INPUT_NAMES,
  defaultBuildInputs,
  readBuildInputs,
} from './inputs.js';
export { type ListItem, parseListInput } from '../util/input-list.js';
export { type BuildCommand, type BuildPlan, type PlanOptions, defaultProvenance, planBuild } from './plan.js';
export { type BuildStep, cacheHitRate, mergeSteps, parsePlainProgress } from './progress.js';
export { type BuildResult, type RunBuildOptions, BuildFailedError, runBuild } from './run-build.js';
export { pushCacheImages } from './cache-images.js';
export { type BuildFiles, type ValidatedBuild, diskFiles, validateBuild } from './validate.js';
