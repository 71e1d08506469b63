import type { ECRClient } from '@aws-sdk/client-ecr';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
export interface EcrLoginOptions {
    client: ECRClient;
    runner: CommandRunner;
    logger: Logger;
    /** The docker client the builder uses (`Builder.docker`); defaults to `docker` on PATH. */
    docker?: string;
    /** Environment for docker (DOCKER_HOST etc.); defaults to this process's. */
    env?: NodeJS.ProcessEnv;
    /** Accounts whose registries to log in to; defaults to the caller's own account. */
    registryIds?: string[];
    /**
     * Registry hosts as the image references name them (FIPS and dual-stack hosts differ from the
     * proxyEndpoint ECR returns); each gets the token of its account. Defaults to the proxy endpoints.
     */
    registries?: string[];
    /** Where the temporary Docker config directory is made; defaults to RUNNER_TEMP or the OS temp dir. */
    tempRoot?: string;
    /** A Docker config dir whose config.json is copied first, so logins to other registries keep working. */
    inheritConfigFrom?: string;
    /** Adds the logins to this existing temporary dir (from an earlier ecrLogin, e.g. another region). */
    dockerConfig?: string;
}
/** Everything the post step needs to log out; JSON-serialisable, free of secrets. */
export interface EcrLoginState {
    /** Temporary Docker config dir holding the login: run docker with DOCKER_CONFIG set to it. */
    dockerConfig: string;
    /** The docker client that logged in; the post step logs out with the same one. */
    docker?: string;
    /** Registry hosts logged in to, e.g. `123456789012.dkr.ecr.eu-west-1.amazonaws.com`. */
    registries: string[];
    /** When the token expires (ECR tokens last 12 hours), ISO 8601. */
    expiresAt?: string;
}
/**
 * Logs docker in to ECR: GetAuthorizationToken, then `docker login --password-stdin` into a fresh
 * Docker config dir, so the password never sits in argv and the runner's own config stays untouched.
 */
export declare function ecrLogin(options: EcrLoginOptions): Promise<EcrLoginState>;
/**
 * The inherited config minus the credential stores that would take our login: with `credsStore` (or
 * a `credHelpers` entry for an ECR host) docker would write the password to the system keychain,
 * outside the temporary dir, where deleting the dir would not remove it.
 */
export declare function withoutCredentialStores(configJson: string, registries: readonly string[]): string;
export interface EcrLogoutOptions {
    runner: CommandRunner;
    logger: Logger;
    /** Overrides the client recorded in the state (the one that logged in). */
    docker?: string;
    env?: NodeJS.ProcessEnv;
}
/**
 * Post step: logs out of each registry and deletes the temporary config dir, whatever docker does
 * (the dir holds the token even when docker cannot be run). Warns, never throws.
 */
export declare function ecrLogout(state: EcrLoginState, options: EcrLogoutOptions): Promise<void>;
/** Reads the state saved by the main step (core.saveState) back, rejecting anything malformed. */
export declare function parseEcrLoginState(json: string): EcrLoginState | undefined;
