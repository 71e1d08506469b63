import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
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
} from "../chunks/chunk-BY4FHPM4.js";
import {
  GraphFailedError,
  ImagesFileError,
  graph_exports,
  loadImagesFile,
  parseImagesFile,
  planGraph,
  renderGraphTable,
  runGraph
} from "../chunks/chunk-MRFJ5GLF.js";
import {
  commentReport
} from "../chunks/chunk-OMNEKMW3.js";
import {
  imageBuildOutputs
} from "../chunks/chunk-MV4OAWGO.js";
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
} from "../chunks/chunk-DSWSRCRZ.js";
import {
  computeTags,
  localCacheRoot,
  publish_exports,
  readImageBuildInputs,
  runImageBuild
} from "../chunks/chunk-4KUHXWPE.js";
import {
  build_exports,
  readReportInputs,
  registry_exports,
  report_exports
} from "../chunks/chunk-IIN76MOW.js";
import {
  ECR_INPUT_DEFAULTS,
  readEcrInputs,
  resolveEcrRegion
} from "../chunks/chunk-2PT4JQTW.js";
import "../chunks/chunk-BRXSFSZD.js";
import {
  parsePostState,
  runPost
} from "../chunks/chunk-TDKYOIJ3.js";
import {
  MISSING_CREDENTIALS_HELP,
  checkEcrCredentials,
  createEcrClient,
  ecrClientOptionsFor,
  ecrLogin,
  ecrLogout,
  parseEcrLoginState,
  require_dist_cjs
} from "../chunks/chunk-Y5GTDXKA.js";
import "../chunks/chunk-NC6TKLXZ.js";
import {
  cache_exports
} from "../chunks/chunk-JSZ6ZCTY.js";
import "../chunks/chunk-VZOV2WUC.js";
import {
  ecrRepositoryNameProblem,
  ecrRepositoryUri,
  isEcrRegistry,
  parseEcrReference
} from "../chunks/chunk-GRZBPOVS.js";
import {
  computeRunTags,
  fetchRepoInfo
} from "../chunks/chunk-H36VPZJ7.js";
import {
  tags_exports
} from "../chunks/chunk-EA36FCXJ.js";
import "../chunks/chunk-H5I7P22Y.js";
import "../chunks/chunk-3SHOVWDN.js";
import {
  INPUT_SPEC
} from "../chunks/chunk-IOKZEECY.js";
import "../chunks/chunk-RVOSA46I.js";
import {
  createConsoleLogger,
  processRunner,
  silentLogger
} from "../chunks/chunk-AVJTY6O7.js";
import {
  InputError
} from "../chunks/chunk-IZW44F23.js";
import "../chunks/chunk-TAYKLYQA.js";
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
  reportOutputs,
  reportRun,
  runGraph,
  runImageBuild,
  runPost,
  silentLogger,
  tags_exports as tags,
  writeReportJson
};
