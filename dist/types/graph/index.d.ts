export { ImagesFileError, type SourcePosition } from './file-error.js';
export { DEFAULT_BASE_ARG, loadImagesFile, parseImagesFile, type GraphImageSpec, type GraphParent, type ImagesFile, } from './images-file.js';
export { orderGraph, type GraphOrder } from './order.js';
export { runScheduled, type NodeOutcome, type ScheduledNode, type ScheduleOptions } from './schedule.js';
export { findIgnoreFile, hashContext, ignorePatterns, type ContextDigest } from './context-hash.js';
export { fileDigestCache, type FileDigestCache } from './digest-cache.js';
export { expandArgs, externalBases, globalArgs, type ExternalBase } from './dockerfile-bases.js';
export { hashImageInputs, inputsTag, INPUTS_TAG_PREFIX, type ImageInputs } from './inputs-hash.js';
export { manifestSize, type GraphImageRow, type GraphImageStatus, type GraphPlan, type GraphPlanEntry, type GraphResult, } from './model.js';
