// Image reports: sources → plain model → pure analysis → renderers (dive's shape).

// Model from registry metadata (nothing pulled).
export * from './model/oci.js';
export * from './model/types.js';
export { platformManifests, selectPlatform } from './model/platforms.js';
export { historyForLayers, cleanInstruction, type LayerHistory } from './model/history.js';
export { baseFromAnnotations, resolveBase, type BaseImageHint } from './model/base.js';
export {
  imageModelFromMetadata,
  pullBytes,
  summarisePlatform,
  type ImageMetadataInput,
} from './model/from-metadata.js';

// Layer contents, streamed.
export * from './contents/types.js';
export {
  analyzeLayers,
  analyzeLayerFiles,
  type AnalyzeOptions,
  type LayerBlobRef,
  type OpenLayer,
  type ReadLayerRange,
} from './contents/analyze.js';
export {
  ANALYSIS_ARTIFACT_TYPE,
  decodeAnalysisDocument,
  decodeAnalysisManifest,
  EMPTY_CONFIG,
  encodeStoredAnalysis,
  MAX_STORED_ANALYSIS_BYTES,
  STORED_ANALYSIS_SCHEMA,
  storedAnalysisTag,
  type AnalysedImage,
  type AnalysisContext,
  type AnalysisLayer,
  type Decoded,
  type EncodedAnalysis,
} from './contents/stored.js';
export { readDockerSave } from './sources/docker-save.js';
export { readEngineImage, type EngineImageOptions } from './sources/engine.js';
export { readOciLayout, type ImageFromSource, type ReadImageOptions } from './sources/oci-layout.js';
export type { SelectImageOptions } from './sources/oci-index.js';
export { ImageContentError } from './sources/errors.js';

// The report: build facts, baseline, checks, cost, smoke test.
export {
  buildFacts,
  layerBuildFacts,
  type BuildFacts,
  type BuildStepLike,
  type ReportStep,
} from './build-facts.js';
export {
  compareWithBaseline,
  alignLayers,
  type BaselineComparison,
  type LayerDelta,
  type LayerChange,
  type RemovedLayer,
} from './baseline.js';
export * from './checks/index.js';
export { monthlyStorageCost, ECR_PRICE_PER_GB_MONTH, type StorageCost } from './cost.js';
export { runSmokeTest, smokeTestCheck, type SmokeTestOptions, type SmokeTestResult } from './smoke.js';
export {
  buildImageReport,
  unavailableImageModel,
  type ContentSummary,
  type ImageReport,
  type ReportInput,
  type ReportLayer,
  type ReportSizes,
  type ReportTag,
  type SizeSplit,
} from './report.js';

// Renderers.
export { formatBytes, formatDelta, formatPercent, formatSeconds } from './format.js';
export { mdText, codeBlock } from './render/escape.js';
export {
  renderSummaryMarkdown,
  renderPullRequestComment,
  reportCommentMarker,
  SUMMARY_LIMIT_BYTES,
  COMMENT_LIMIT_CHARACTERS,
} from './render/markdown.js';
export {
  renderReportJson,
  reportDocument,
  REPORT_SCHEMA_VERSION,
  type ReportDocument,
} from './render/json.js';
export { renderTerminal, type TerminalOptions } from './render/terminal.js';
