export {
  parseEcrReference,
  isEcrRegistry,
  ecrRepositoryNameProblem,
  ecrRepositoryUri,
  type AwsPartition,
  type EcrReference,
  type EcrPrivateReference,
  type EcrPublicReference,
} from '../registry/ecr-reference.js';
export {
  readEcrInputs,
  resolveEcrRegion,
  ECR_INPUT_DEFAULTS,
  type EcrInputName,
  type EcrInputs,
  type EcrResourceTag,
} from './inputs.js';
export { planEcrTargets, type EcrTarget } from './targets.js';
export {
  createEcrClient,
  ecrClientOptionsFor,
  checkEcrCredentials,
  MISSING_CREDENTIALS_HELP,
  type EcrClientOptions,
} from './client.js';
export {
  ecrLogin,
  ecrLogout,
  parseEcrLoginState,
  type EcrLoginOptions,
  type EcrLoginState,
  type EcrLogoutOptions,
} from './login.js';
export {
  ensureEcrRepository,
  untaggedExpiryPolicy,
  type EnsureEcrRepositoryOptions,
  type EcrRepositoryInfo,
} from './repository.js';
export {
  createEcrTagWriter,
  EcrImmutableTagError,
  ECR_MANIFEST_MEDIA_TYPES,
  type EcrTagWriterOptions,
} from './tag-writer.js';
export {
  waitForScanFindings,
  emptySeverityCounts,
  type WaitForScanOptions,
  type ScanFindingsResult,
  type ScanSeverityCounts,
} from './scan.js';
export { describeEcrImage, type DescribeEcrImageOptions, type EcrImageDetails } from './image.js';
export {
  prepareEcr,
  collectEcrScanFindings,
  type PrepareEcrOptions,
  type PreparedEcr,
  type PreparedEcrTarget,
} from './prepare.js';
