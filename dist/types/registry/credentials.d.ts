import type { CommandRunner } from '../util/exec.js';
/** What a registry accepts: a user and password (or access token), or an identity (refresh) token. */
export type RegistryCredential = {
    username: string;
    password: string;
} | {
    identityToken: string;
};
/** Finds the credential for a registry host (as written in references, e.g. `ghcr.io`, `127.0.0.1:5000`). */
export interface CredentialSource {
    get(registry: string): Promise<RegistryCredential | undefined>;
}
/** The host a Docker config key names: `https://ghcr.io/v2/` → `ghcr.io`. */
export declare function normaliseConfigKey(key: string): string;
/** Credentials given by the caller (action inputs, CLI flags), keyed by registry host. */
export declare function givenCredentials(byRegistry: Record<string, RegistryCredential>): CredentialSource;
/** Asks each source in turn; the first that knows the registry wins. */
export declare function chainCredentials(...sources: CredentialSource[]): CredentialSource;
export interface DockerConfig {
    auths?: Record<string, {
        auth?: string;
        username?: string;
        password?: string;
        identitytoken?: string;
    }>;
    credsStore?: string;
    credHelpers?: Record<string, string>;
}
export interface DockerConfigOptions {
    runner: CommandRunner;
    /** Directory holding config.json; defaults to $DOCKER_CONFIG, then ~/.docker. */
    configDir?: string;
    env?: NodeJS.ProcessEnv;
}
/**
 * Credentials as the docker CLI finds them: a `credHelpers` entry for the host, else `credsStore`, else
 * the inline `auths` entry. Helpers are `docker-credential-<name> get`, the host on stdin (never argv).
 */
export declare function dockerConfigCredentials(options: DockerConfigOptions): CredentialSource;
