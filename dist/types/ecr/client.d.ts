import { ECRClient, type ECRClientConfig } from '@aws-sdk/client-ecr';
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
export declare function createEcrClient(options: EcrClientOptions): ECRClient;
/** Client options that follow the reference: FIPS and dual-stack hosts call the matching API endpoints. */
export declare function ecrClientOptionsFor(reference: EcrReference, region: string): EcrClientOptions;
export declare const MISSING_CREDENTIALS_HELP: string;
/**
 * Resolves credentials through the client's provider before any ECR call, so a runner without AWS
 * credentials fails with instructions instead of the SDK's "Could not load credentials from any providers".
 */
export declare function checkEcrCredentials(client: ECRClient): Promise<void>;
/** Maps the SDK's credential-chain failure to an InputError; passes anything else through. */
export declare function asCredentialsError(error: unknown): unknown;
