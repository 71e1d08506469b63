import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  require_dist_cjs
} from "./chunk-GB3EZ7WS.js";
import {
  InputError
} from "./chunk-IZW44F23.js";
import {
  __toESM
} from "./chunk-EHNN3ETZ.js";

// src/ecr/client.ts
var import_client_ecr = __toESM(require_dist_cjs(), 1);
function createEcrClient(options) {
  return new import_client_ecr.ECRClient({
    region: options.region,
    ...options.endpoint !== void 0 && { endpoint: options.endpoint },
    ...options.credentials !== void 0 && { credentials: options.credentials },
    ...options.fips && { useFipsEndpoint: !0 },
    ...options.dualStack && { useDualstackEndpoint: !0 },
    ...options.maxAttempts !== void 0 && { maxAttempts: options.maxAttempts }
  });
}
function ecrClientOptionsFor(reference, region) {
  return reference.kind === "private" ? { region, fips: reference.fips, dualStack: reference.dualStack } : { region };
}
var MISSING_CREDENTIALS_HELP = "no AWS credentials found. Give them one of these ways: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) in the environment; OIDC web identity (AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE, e.g. aws-actions/configure-aws-credentials with role-to-assume and permissions id-token: write); container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or AWS_CONTAINER_CREDENTIALS_FULL_URI); a profile (AWS_PROFILE, ~/.aws/credentials or SSO); or the EC2 instance role of a self-hosted runner";
async function checkEcrCredentials(client) {
  try {
    if (!(await client.config.credentials()).accessKeyId) throw new InputError("AWS credentials", MISSING_CREDENTIALS_HELP);
  } catch (error) {
    throw asCredentialsError(error);
  }
}
function asCredentialsError(error) {
  if (error instanceof InputError) return error;
  let name = error instanceof Error ? error.name : "", message = error instanceof Error ? error.message : String(error);
  return name === "CredentialsProviderError" || /could not load credentials/i.test(message) ? new InputError("AWS credentials", `${MISSING_CREDENTIALS_HELP} (SDK: ${message})`) : error;
}

export {
  createEcrClient,
  ecrClientOptionsFor,
  MISSING_CREDENTIALS_HELP,
  checkEcrCredentials,
  asCredentialsError
};
