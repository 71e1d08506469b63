import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CommandRunner } from '../util/exec.js';
import { DOCKER_HUB } from './reference.js';

/** What a registry accepts: a user and password (or access token), or an identity (refresh) token. */
export type RegistryCredential = { username: string; password: string } | { identityToken: string };

/** Finds the credential for a registry host (as written in references, e.g. `ghcr.io`, `127.0.0.1:5000`). */
export interface CredentialSource {
  get(registry: string): Promise<RegistryCredential | undefined>;
}

/** Docker keys Docker Hub under its v1 index URL. */
const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';

/** The host a Docker config key names: `https://ghcr.io/v2/` → `ghcr.io`. */
export function normaliseConfigKey(key: string): string {
  const host = key.replace(/^[a-z]+:\/\//i, '').split('/')[0];
  return host === 'index.docker.io' || host === 'registry-1.docker.io' ? DOCKER_HUB : host;
}

/** Credentials given by the caller (action inputs, CLI flags), keyed by registry host. */
export function givenCredentials(byRegistry: Record<string, RegistryCredential>): CredentialSource {
  const normalised = new Map(
    Object.entries(byRegistry).map(([key, value]) => [normaliseConfigKey(key), value]),
  );
  return { get: async (registry) => normalised.get(registry) };
}

/** Asks each source in turn; the first that knows the registry wins. */
export function chainCredentials(...sources: CredentialSource[]): CredentialSource {
  return {
    async get(registry) {
      for (const source of sources) {
        const found = await source.get(registry);
        if (found) return found;
      }
      return undefined;
    },
  };
}

export interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
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
export function dockerConfigCredentials(options: DockerConfigOptions): CredentialSource {
  const env = options.env ?? process.env;
  const dir = options.configDir ?? env.DOCKER_CONFIG ?? join(homedir(), '.docker');
  let config: Promise<DockerConfig> | undefined;
  const load = () => (config ??= readDockerConfig(join(dir, 'config.json')));
  return {
    async get(registry) {
      const loaded = await load();
      const helper = findHelper(loaded, registry);
      if (helper) {
        const fromHelper = await runCredentialHelper(
          options.runner,
          helper,
          serverUrlFor(registry, loaded),
          env,
        );
        if (fromHelper) return fromHelper;
      }
      return fromAuths(loaded, registry);
    },
  };
}

async function readDockerConfig(path: string): Promise<DockerConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return {};
  }
  try {
    return JSON.parse(text) as DockerConfig;
  } catch (error) {
    throw new Error(`the Docker config ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

function findHelper(config: DockerConfig, registry: string): string | undefined {
  for (const [key, helper] of Object.entries(config.credHelpers ?? {})) {
    if (normaliseConfigKey(key) === registry) return helper;
  }
  return config.credsStore || undefined;
}

/** The server URL a helper was given at login: the matching auths key if any, else the host. */
function serverUrlFor(registry: string, config: DockerConfig): string {
  const known = Object.keys({ ...config.auths, ...config.credHelpers }).find(
    (k) => normaliseConfigKey(k) === registry,
  );
  return known ?? (registry === DOCKER_HUB ? DOCKER_HUB_CONFIG_KEY : registry);
}

function fromAuths(config: DockerConfig, registry: string): RegistryCredential | undefined {
  for (const [key, entry] of Object.entries(config.auths ?? {})) {
    if (normaliseConfigKey(key) !== registry) continue;
    if (entry.identitytoken) return { identityToken: entry.identitytoken };
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (entry.username && entry.password) return { username: entry.username, password: entry.password };
  }
  return undefined;
}

async function runCredentialHelper(
  runner: CommandRunner,
  helper: string,
  serverUrl: string,
  env: NodeJS.ProcessEnv,
): Promise<RegistryCredential | undefined> {
  const program = `docker-credential-${helper}`;
  let result;
  try {
    result = await runner.run(program, ['get'], { input: serverUrl, env });
  } catch (error) {
    throw new Error(`credential helper ${program} could not be run: ${(error as Error).message}`);
  }
  if (result.exitCode !== 0) {
    // The helper protocol's answer for "nothing stored for this server".
    if (/credentials not found/i.test(result.stdout + result.stderr)) return undefined;
    throw new Error(`credential helper ${program} failed (exit ${result.exitCode}): ${result.stderr.trim()}`);
  }
  let parsed: { Username?: string; Secret?: string };
  try {
    parsed = JSON.parse(result.stdout) as { Username?: string; Secret?: string };
  } catch {
    throw new Error(`credential helper ${program} printed something that is not JSON`);
  }
  if (!parsed.Secret) return undefined;
  // The protocol marks identity tokens with this user name.
  if (parsed.Username === '<token>') return { identityToken: parsed.Secret };
  return { username: parsed.Username ?? '', password: parsed.Secret };
}
