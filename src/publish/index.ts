// The publish plan: decisions (pure) and the publish/promote flows over any TagWriter.
export { classifyTag, tagVersion, type ClassifiedTag, type TagKind } from './classify.js';
export { guardFloatingTag, highestInRange, type HeldBack } from './guard.js';
export { planPublish, type PlannedTag, type PublishPlan, type PublishPlanInput } from './plan.js';
export { applyPlan, type ApplyPlanOptions, type PrimaryState } from './apply.js';
export { completePublish, promote, publish } from './publish.js';
export type {
  CompletePublishOptions,
  PromoteOptions,
  PublishOptions,
  PublishTagsOptions,
  PushPrimary,
} from './options.js';
export { preparePublish, type PreparedPublish, type PublishTarget } from './prepare.js';
export { parseImageInput, parsePromoteSource } from './image-input.js';
export { dockerPushPrimary, type DockerPushOptions } from './docker-push.js';
export { parseImages, registryWriters, splitReferences, type WriterFactory } from './targets.js';
export { readPublishInputs, readBoolean, splitList, type PublishInputs } from './inputs.js';
export {
  publishedReferences,
  type PublishResult,
  type RegistryPublishResult,
  type TagOutcome,
  type TagStatus,
} from './result.js';
export { PublishError } from './errors.js';
export { annotateManifest, type AnnotateResult } from './release-manifest.js';
export {
  commitTag,
  decideReuse,
  readReleaseInputs,
  releaseAnnotations,
  type ReleaseInputs,
  type ReuseDecision,
  type ReuseMode,
  type ReuseQuestion,
} from './release.js';
