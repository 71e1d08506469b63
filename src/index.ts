// The library's public API: one function per capability, typed options and results.
// The action (src/action) and the CLI (src/cli) are thin shells over these.

// The whole run, as the action does it: inputs → tags → build → publish → report.
export { readImageBuildInputs, type ImageBuildInputs, type ReadInput } from './pipeline/inputs.js';
export { INPUT_SPEC, type InputSpec, type InputKind } from './pipeline/input-spec.js';
export {
  runImageBuild,
  computeTags,
  type ImageBuildDeps,
  type ImageBuildResult,
  type PostState,
  type RunPhase,
} from './pipeline/image-build.js';
export { runPost, parsePostState, type PostDeps } from './pipeline/post.js';
export { computeRunTags, fetchRepoInfo, type RunTagsDeps } from './pipeline/tags.js';
export { localCacheRoot } from './pipeline/local-cache.js';
export { imageBuildOutputs } from './pipeline/outputs.js';
export {
  reportRun,
  reportOutputs,
  renderRunReport,
  writeReportJson,
  failedChecksMessage,
  type ReportDeps,
} from './pipeline/report.js';
export {
  readRegistryReference,
  readLocalImage,
  readEngineSource,
  registryClients,
  type ImageRead,
  type ReadOptions,
} from './pipeline/image-reader.js';
export { readReportInputs, type ReportInputs } from './pipeline/report-inputs.js';
export { commentReport, type ReportCommentOptions } from './pipeline/report-comment.js';

// Graphs of images (an images file): planned for a matrix, built in order, unchanged images reused.
export {
  planGraph,
  runGraph,
  GraphFailedError,
  type GraphDeps,
  type GraphOptions,
  type GraphRunResult,
  type RunGraphOptions,
} from './pipeline/graph.js';
export { renderGraphTable } from './pipeline/graph-report.js';
export {
  graphJson,
  reportGraph,
  runGraphSettled,
  type GraphReport,
  type GraphReportOptions,
  type SettledGraph,
} from './pipeline/graph-run.js';
export {
  loadImagesFile,
  parseImagesFile,
  ImagesFileError,
  type GraphImageRow,
  type GraphPlan,
  type GraphPlanEntry,
  type GraphResult,
  type ImagesFile,
} from './graph/index.js';

// Each capability on its own.
export * as tags from './tags/index.js';
export * as build from './build/index.js';
export * as cache from './cache/index.js';
export * as registry from './registry/index.js';
export * as publish from './publish/index.js';
export * as ecr from './ecr/index.js';
export * as report from './report/index.js';
export * as graph from './graph/index.js';

// Seams: how the library runs commands and reports progress.
export { InputError } from './util/errors.js';
export type { Logger } from './util/log.js';
export { createConsoleLogger, silentLogger } from './util/log.js';
export type { CommandRunner, ExecOptions, ExecResult } from './util/exec.js';
export { processRunner } from './util/exec.js';
