import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  GraphFailedError,
  ImagesFileError,
  graphJson,
  graph_exports,
  loadImagesFile,
  parseImagesFile,
  planGraph,
  renderGraphTable,
  reportGraph,
  runGraph,
  runGraphSettled
} from "../chunks/chunk-OWGMYY6K.js";
import {
  ECR_MANIFEST_MEDIA_TYPES,
  EcrImmutableTagError,
  collectEcrScanFindings,
  createEcrTagWriter,
  emptySeverityCounts,
  ensureEcrRepository,
  planEcrTargets,
  prepareEcr,
  untaggedExpiryPolicy,
  waitForScanFindings
} from "../chunks/chunk-NMMRFAUW.js";
import {
  MISSING_CREDENTIALS_HELP,
  checkEcrCredentials,
  createEcrClient,
  ecrClientOptionsFor
} from "../chunks/chunk-DUHKCMUE.js";
import {
  require_dist_cjs
} from "../chunks/chunk-GB3EZ7WS.js";
import "../chunks/chunk-G6KZH775.js";
import {
  commentReport
} from "../chunks/chunk-PV4MEAQU.js";
import {
  imageBuildOutputs
} from "../chunks/chunk-L3H4YKGG.js";
import {
  computeTags,
  localCacheRoot,
  runImageBuild
} from "../chunks/chunk-O2WHQVRQ.js";
import {
  failedChecksMessage,
  readEngineSource,
  readLocalImage,
  readRegistryReference,
  registryClients,
  renderRunReport,
  reportOutputs,
  reportRun,
  writeReportJson
} from "../chunks/chunk-Y3AX2O6C.js";
import "../chunks/chunk-LDRL4NVG.js";
import {
  build_exports,
  publish_exports,
  readImageBuildInputs,
  readReportInputs,
  registry_exports,
  report_exports
} from "../chunks/chunk-D24LKZC6.js";
import {
  ECR_INPUT_DEFAULTS,
  readEcrInputs,
  resolveEcrRegion
} from "../chunks/chunk-P24YWDYR.js";
import {
  parsePostState,
  runPost
} from "../chunks/chunk-FDPCAI2N.js";
import {
  ecrLogin,
  ecrLogout,
  parseEcrLoginState
} from "../chunks/chunk-HDGPXKQO.js";
import {
  cache_exports
} from "../chunks/chunk-Q7USVIHK.js";
import {
  ecrRepositoryNameProblem,
  ecrRepositoryUri,
  isEcrRegistry,
  parseEcrReference
} from "../chunks/chunk-GRZBPOVS.js";
import {
  computeRunTags,
  fetchRepoInfo
} from "../chunks/chunk-MUA3NJ56.js";
import {
  INPUT_SPEC,
  tags_exports
} from "../chunks/chunk-IWQOLGT7.js";
import "../chunks/chunk-RVOSA46I.js";
import {
  createConsoleLogger,
  silentLogger
} from "../chunks/chunk-DSVLZ5QC.js";
import "../chunks/chunk-H5I7P22Y.js";
import {
  InputError
} from "../chunks/chunk-IZW44F23.js";
import "../chunks/chunk-TAYKLYQA.js";
import {
  processRunner
} from "../chunks/chunk-L27B2LXP.js";
import {
  __export,
  __toESM
} from "../chunks/chunk-EHNN3ETZ.js";

// src/ecr/index.ts
var ecr_exports = {};
__export(ecr_exports, {
  ECR_INPUT_DEFAULTS: () => ECR_INPUT_DEFAULTS,
  ECR_MANIFEST_MEDIA_TYPES: () => ECR_MANIFEST_MEDIA_TYPES,
  EcrImmutableTagError: () => EcrImmutableTagError,
  MISSING_CREDENTIALS_HELP: () => MISSING_CREDENTIALS_HELP,
  checkEcrCredentials: () => checkEcrCredentials,
  collectEcrScanFindings: () => collectEcrScanFindings,
  createEcrClient: () => createEcrClient,
  createEcrTagWriter: () => createEcrTagWriter,
  describeEcrImage: () => describeEcrImage,
  ecrClientOptionsFor: () => ecrClientOptionsFor,
  ecrLogin: () => ecrLogin,
  ecrLogout: () => ecrLogout,
  ecrRepositoryNameProblem: () => ecrRepositoryNameProblem,
  ecrRepositoryUri: () => ecrRepositoryUri,
  emptySeverityCounts: () => emptySeverityCounts,
  ensureEcrRepository: () => ensureEcrRepository,
  isEcrRegistry: () => isEcrRegistry,
  parseEcrLoginState: () => parseEcrLoginState,
  parseEcrReference: () => parseEcrReference,
  planEcrTargets: () => planEcrTargets,
  prepareEcr: () => prepareEcr,
  readEcrInputs: () => readEcrInputs,
  resolveEcrRegion: () => resolveEcrRegion,
  untaggedExpiryPolicy: () => untaggedExpiryPolicy,
  waitForScanFindings: () => waitForScanFindings
});

// src/ecr/image.ts
var import_client_ecr = __toESM(require_dist_cjs(), 1);
async function describeEcrImage(options) {
  let imageId = options.reference.startsWith("sha256:") ? { imageDigest: options.reference } : { imageTag: options.reference };
  try {
    let detail = (await options.client.send(
      new import_client_ecr.DescribeImagesCommand({
        ...options.registryId !== void 0 && { registryId: options.registryId },
        repositoryName: options.repository,
        imageIds: [imageId]
      })
    )).imageDetails?.[0];
    return detail?.imageDigest ? {
      repository: options.repository,
      digest: detail.imageDigest,
      tags: [...detail.imageTags ?? []].sort(),
      ...detail.imageSizeInBytes !== void 0 && { sizeBytes: detail.imageSizeInBytes },
      ...detail.imagePushedAt && { pushedAt: detail.imagePushedAt.toISOString() },
      ...detail.imageManifestMediaType && { mediaType: detail.imageManifestMediaType }
    } : void 0;
  } catch (error) {
    if (error instanceof import_client_ecr.ImageNotFoundException) return;
    throw error;
  }
}
export {
  GraphFailedError,
  INPUT_SPEC,
  ImagesFileError,
  InputError,
  build_exports as build,
  cache_exports as cache,
  commentReport,
  computeRunTags,
  computeTags,
  createConsoleLogger,
  ecr_exports as ecr,
  failedChecksMessage,
  fetchRepoInfo,
  graph_exports as graph,
  graphJson,
  imageBuildOutputs,
  loadImagesFile,
  localCacheRoot,
  parseImagesFile,
  parsePostState,
  planGraph,
  processRunner,
  publish_exports as publish,
  readEngineSource,
  readImageBuildInputs,
  readLocalImage,
  readRegistryReference,
  readReportInputs,
  registry_exports as registry,
  registryClients,
  renderGraphTable,
  renderRunReport,
  report_exports as report,
  reportGraph,
  reportOutputs,
  reportRun,
  runGraph,
  runGraphSettled,
  runImageBuild,
  runPost,
  silentLogger,
  tags_exports as tags,
  writeReportJson
};
