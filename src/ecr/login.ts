import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ECRClient } from '@aws-sdk/client-ecr';
import type { CommandRunner, ExecOptions, ExecResult } from '../util/exec.js';
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

interface DecodedToken {
  registry: string;
  username: string;
  password: string;
  expiresAt?: Date;
}

/**
 * Logs docker in to ECR: GetAuthorizationToken, then `docker login --password-stdin` into a fresh
 * Docker config dir, so the password never sits in argv and the runner's own config stays untouched.
 */
export async function ecrLogin(options: EcrLoginOptions): Promise<EcrLoginState> {
  const { client, runner, logger } = options;
  // Loaded here, not at the top: the post step imports this module for ecrLogout, and a run without
  // ECR should not pay for loading the AWS SDK (about 25 ms).
  const [{ GetAuthorizationTokenCommand }, { checkEcrCredentials }] = await Promise.all([
    import('@aws-sdk/client-ecr'),
    import('./client.js'),
  ]);
  await checkEcrCredentials(client);
  const response = await client.send(
    new GetAuthorizationTokenCommand(options.registryIds?.length ? { registryIds: options.registryIds } : {}),
  );
  const issued = (response.authorizationData ?? []).map((data) => decodeAuthorization(data, logger));
  if (issued.length === 0) throw new Error('ECR GetAuthorizationToken returned no authorization data');
  const tokens = options.registries?.length
    ? options.registries.map((host) => tokenFor(host, issued))
    : issued;

  const ownsDir = options.dockerConfig === undefined;
  const dockerConfig =
    options.dockerConfig ??
    mkdtempSync(join(options.tempRoot ?? process.env.RUNNER_TEMP ?? tmpdir(), 'ib-ecr-docker-'));
  const docker = options.docker ?? DEFAULT_DOCKER;
  try {
    const inherited = ownsDir && options.inheritConfigFrom && join(options.inheritConfigFrom, 'config.json');
    if (inherited && existsSync(inherited)) {
      const config = withoutCredentialStores(
        readFileSync(inherited, 'utf8'),
        tokens.map((token) => token.registry),
      );
      writeFileSync(join(dockerConfig, 'config.json'), config, { mode: 0o600 });
    }
    if (ownsDir && options.inheritConfigFrom) linkDockerState(options.inheritConfigFrom, dockerConfig);

    const env = { ...(options.env ?? process.env), DOCKER_CONFIG: dockerConfig };
    for (const token of tokens) {
      const args = ['--config', dockerConfig, 'login', '--username', token.username, '--password-stdin'];
      const result = await runDocker(runner, docker, [...args, token.registry], {
        env,
        input: token.password,
      });
      if (result.exitCode !== 0) {
        const detail = result.stderr.split(token.password).join('***').trim();
        throw new Error(`docker login to ${token.registry} failed (exit ${result.exitCode}): ${detail}`);
      }
      logger.info(`Logged in to ${token.registry}`);
    }
  } catch (error) {
    // The dir may already hold a token (an earlier registry's login): nothing of it may outlive the failure.
    if (ownsDir) rmSync(dockerConfig, { recursive: true, force: true });
    throw error;
  }
  const expiry = tokens.map((token) => token.expiresAt).find((date) => date !== undefined);
  return {
    dockerConfig,
    docker,
    registries: tokens.map((token) => token.registry),
    ...(expiry && { expiresAt: expiry.toISOString() }),
  };
}

/** PATH lookup, as the builder's detection does when IB_DOCKER names no client. */
const DEFAULT_DOCKER = 'docker';

/** Runs docker; a client that cannot be spawned (ENOENT, EACCES) is an error naming it. */
async function runDocker(
  runner: CommandRunner,
  docker: string,
  args: string[],
  options: ExecOptions,
): Promise<ExecResult> {
  try {
    return await runner.run(docker, args, options);
  } catch (error) {
    throw new Error(`could not run the docker client ${docker}: ${(error as Error).message}`);
  }
}

/**
 * docker keeps more than logins in its config dir: buildx builders (setup-buildx-action's) and CLI
 * plugins. Linking them keeps `docker buildx` and its builder instance working under the new dir.
 */
function linkDockerState(from: string, to: string): void {
  for (const entry of ['buildx', 'cli-plugins', 'contexts']) {
    const source = join(from, entry);
    if (existsSync(source) && !existsSync(join(to, entry))) symlinkSync(source, join(to, entry));
  }
}

/**
 * The inherited config minus the credential stores that would take our login: with `credsStore` (or
 * a `credHelpers` entry for an ECR host) docker would write the password to the system keychain,
 * outside the temporary dir, where deleting the dir would not remove it.
 */
export function withoutCredentialStores(configJson: string, registries: readonly string[]): string {
  const config = JSON.parse(configJson) as { credsStore?: string; credHelpers?: Record<string, string> };
  delete config.credsStore;
  for (const registry of registries) delete config.credHelpers?.[registry];
  return JSON.stringify(config, null, 2);
}

/** The token of the host's account (`<account>.dkr…`), or the only one when there is just one. */
function tokenFor(host: string, issued: DecodedToken[]): DecodedToken {
  const account = /^(\d{12})\./.exec(host)?.[1];
  const match = issued.find((token) => account !== undefined && token.registry.startsWith(`${account}.`));
  const token = match ?? (issued.length === 1 ? issued[0] : undefined);
  if (!token) throw new Error(`ECR issued no token for ${host}: add its account to registryIds`);
  return { ...token, registry: host };
}

/** Splits the base64 `user:password` token; both the token and the password are masked first. */
function decodeAuthorization(
  data: { authorizationToken?: string; proxyEndpoint?: string; expiresAt?: Date },
  logger: Logger,
): DecodedToken {
  if (!data.authorizationToken || !data.proxyEndpoint) {
    throw new Error('ECR GetAuthorizationToken returned an entry without a token or proxy endpoint');
  }
  logger.setSecret(data.authorizationToken);
  const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw new Error('ECR authorization token is not base64 "user:password"');
  const password = decoded.slice(colon + 1);
  logger.setSecret(password);
  return {
    registry: data.proxyEndpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, ''),
    username: decoded.slice(0, colon),
    password,
    ...(data.expiresAt && { expiresAt: data.expiresAt }),
  };
}

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
export async function ecrLogout(state: EcrLoginState, options: EcrLogoutOptions): Promise<void> {
  const docker = options.docker ?? state.docker ?? DEFAULT_DOCKER;
  const env = { ...(options.env ?? process.env), DOCKER_CONFIG: state.dockerConfig };
  try {
    for (const registry of state.registries) {
      if (!existsSync(state.dockerConfig)) break;
      const args = ['--config', state.dockerConfig, 'logout', registry];
      const result = await runDocker(options.runner, docker, args, { env });
      if (result.exitCode !== 0)
        options.logger.warning(`docker logout ${registry} failed: ${result.stderr.trim()}`);
    }
  } catch (error) {
    options.logger.warning((error as Error).message);
  } finally {
    rmSync(state.dockerConfig, { recursive: true, force: true });
  }
  options.logger.info(`Removed the ECR Docker config ${state.dockerConfig}`);
}

/** Reads the state saved by the main step (core.saveState) back, rejecting anything malformed. */
export function parseEcrLoginState(json: string): EcrLoginState | undefined {
  if (!json) return undefined;
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null) return undefined;
  const { dockerConfig, docker, registries, expiresAt } = value as Record<string, unknown>;
  if (typeof dockerConfig !== 'string' || !Array.isArray(registries)) return undefined;
  if (!registries.every((registry): registry is string => typeof registry === 'string')) return undefined;
  return {
    dockerConfig,
    ...(typeof docker === 'string' && { docker }),
    registries,
    ...(typeof expiresAt === 'string' && { expiresAt }),
  };
}
