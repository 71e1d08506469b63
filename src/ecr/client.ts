import { ECRClient, type ECRClientConfig } from '@aws-sdk/client-ecr';
import { InputError } from '../util/errors.js';
import type { EcrReference } from '../registry/ecr-reference.js';

export interface EcrClientOptions {
  region: string;
  /** Overrides the service endpoint (tests point it at the loopback emulator). */
  endpoint?: string;
  /** Defaults to the SDK's credential chain: env keys, OIDC web identity, SSO/profile, container, EC2. */
  credentials?: ECRClientConfig['credentials'];
  fips?: boolean;
  dualStack?: boolean;
  maxAttempts?: number;
}

export function createEcrClient(options: EcrClientOptions): ECRClient {
  return new ECRClient({
    region: options.region,
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    ...(options.credentials !== undefined && { credentials: options.credentials }),
    ...(options.fips && { useFipsEndpoint: true }),
    ...(options.dualStack && { useDualstackEndpoint: true }),
    ...(options.maxAttempts !== undefined && { maxAttempts: options.maxAttempts }),
  });
}

/** Client options that follow the reference: FIPS and dual-stack hosts call the matching API endpoints. */
export function ecrClientOptionsFor(reference: EcrReference, region: string): EcrClientOptions {
  return reference.kind === 'private'
    ? { region, fips: reference.fips, dualStack: reference.dualStack }
    : { region };
}

export const MISSING_CREDENTIALS_HELP =
  'no AWS credentials found. Give them one of these ways: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY ' +
  '(and AWS_SESSION_TOKEN) in the environment; OIDC web identity (AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE, ' +
  'e.g. aws-actions/configure-aws-credentials with role-to-assume and permissions id-token: write); container ' +
  'credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or AWS_CONTAINER_CREDENTIALS_FULL_URI); a profile ' +
  '(AWS_PROFILE, ~/.aws/credentials or SSO); or the EC2 instance role of a self-hosted runner';

/**
 * Resolves credentials through the client's provider before any ECR call, so a runner without AWS
 * credentials fails with instructions instead of the SDK's "Could not load credentials from any providers".
 */
export async function checkEcrCredentials(client: ECRClient): Promise<void> {
  try {
    const credentials = await client.config.credentials();
    if (!credentials.accessKeyId) throw new InputError('AWS credentials', MISSING_CREDENTIALS_HELP);
  } catch (error) {
    throw asCredentialsError(error);
  }
}

/** Maps the SDK's credential-chain failure to an InputError; passes anything else through. */
export function asCredentialsError(error: unknown): unknown {
  if (error instanceof InputError) return error;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    return new InputError('AWS credentials', `${MISSING_CREDENTIALS_HELP} (SDK: ${message})`);
  }
  return error;
}
