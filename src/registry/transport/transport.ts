import type { Logger } from '../../util/log.js';
import type { CredentialSource, RegistryCredential } from '../credentials.js';
import { registryBaseUrl } from '../reference.js';
import { basicAuthorization } from './basic.js';
import { fetchBearerToken, realmProblem } from './bearer.js';
import { type AuthChallenge, parseChallenge } from './challenge.js';
import { parseErrorBody, redactUrl, RegistryError } from './errors.js';
import { createHttpClient, type HttpClient, type HttpRequest, type HttpResponse } from './http.js';
import { followRedirects } from './redirect.js';
import { type RetryOptions, withRetry } from './retry.js';

export interface TransportOptions {
  /** Registry host as in references (`docker.io`, `ghcr.io`, `127.0.0.1:5000`). */
  registry: string;
  credentials?: CredentialSource;
  /** The raw HTTP client; Node's fetch by default. Retries wrap it. */
  http?: HttpClient;
  retry?: RetryOptions;
  timeoutMs?: number;
  logger?: Logger;
  /** Overrides the scheme and host, e.g. to go through a proxy in tests. */
  baseUrl?: string;
}

export interface RegistryRequest extends Omit<HttpRequest, 'url'> {
  /** Path under the registry, starting with /v2/. */
  path: string;
}

/**
 * Sends requests to one registry, answering its auth challenges, with retries. The layers, outside in:
 * auth (this file), retry, redirects, the request count, fetch.
 */
export interface RegistryTransport {
  readonly registry: string;
  readonly baseUrl: string;
  /** `scopes` are token scopes, e.g. `repository:app:pull,push`, used when the registry wants bearer auth. */
  send(request: RegistryRequest, scopes: readonly string[]): Promise<HttpResponse>;
  /** HTTP requests sent so far (retries and token requests included). */
  requestCount(): number;
}

/** The registry needs credentials we do not have, or rejected the ones we have. */
export class RegistryAuthError extends Error {
  readonly registry: string;
  constructor(registry: string, detail: string) {
    super(`registry ${registry}: ${detail}`);
    this.name = 'RegistryAuthError';
    this.registry = registry;
  }
}

export function createTransport(options: TransportOptions): RegistryTransport {
  const { registry, logger } = options;
  const baseUrl = options.baseUrl ?? registryBaseUrl(registry);
  let count = 0;
  const raw = options.http ?? createHttpClient({ timeoutMs: options.timeoutMs });
  const counted: HttpClient = {
    send: (request) => {
      count++;
      return raw.send(request);
    },
  };
  const http = withRetry(followRedirects(counted), {
    ...options.retry,
    onRetry: (reason, delay, attempt) => {
      logger?.debug(`registry ${registry}: retry ${attempt} after ${reason} in ${Math.round(delay)} ms`);
      options.retry?.onRetry?.(reason, delay, attempt);
    },
  });

  let challenge: AuthChallenge | undefined;
  let credential: Promise<RegistryCredential | undefined> | undefined;
  const tokens = new Map<string, Promise<string>>();

  const getCredential = () =>
    (credential ??= (options.credentials?.get(registry) ?? Promise.resolve(undefined)).then((found) => {
      if (found) logger?.setSecret('password' in found ? found.password : found.identityToken);
      return found;
    }));

  async function authorization(scopes: readonly string[]): Promise<string | undefined> {
    if (!challenge || challenge.scheme === 'other') return undefined;
    const found = await getCredential();
    if (challenge.scheme === 'basic') {
      if (!found) throw missingCredentials();
      if (!('password' in found))
        throw new RegistryAuthError(registry, 'basic auth needs a user and password');
      return basicAuthorization(found.username, found.password);
    }
    const key = [...scopes].sort().join(' ');
    let token = tokens.get(key);
    if (!token) {
      const { realm, service } = challenge.params;
      const problem = realmProblem(realm, baseUrl);
      if (problem) throw new RegistryAuthError(registry, problem);
      token = fetchBearerToken(http, { realm, service, scopes, credential: found }).then((value) => {
        logger?.setSecret(value);
        return value;
      });
      tokens.set(key, token);
      token.catch(() => tokens.delete(key));
    }
    return `Bearer ${await token}`;
  }

  const missingCredentials = () =>
    new RegistryAuthError(
      registry,
      `requires credentials and none were found (run "docker login ${registry}" or pass credentials)`,
    );

  async function sendOnce(request: RegistryRequest, scopes: readonly string[]): Promise<HttpResponse> {
    const auth = await authorization(scopes);
    const headers = { ...request.headers, ...(auth ? { authorization: auth } : {}) };
    const { path, ...rest } = request;
    return http.send({ ...rest, url: baseUrl + path, headers });
  }

  /**
   * A 401 that came from another origin after a redirect: its challenge is that host's, and answering
   * it would hand this registry's credentials (or a token for them) to that host.
   */
  function refuseForeignChallenge(request: RegistryRequest, response: HttpResponse): void {
    if (!response.url || new URL(response.url).origin === new URL(baseUrl).origin) return;
    throw new RegistryAuthError(
      registry,
      `${request.method} ${redactUrl(baseUrl + request.path)} was redirected to ${redactUrl(response.url)}, ` +
        `which asks for credentials (401): the credentials for ${registry} are only sent to ${registry}`,
    );
  }

  return {
    registry,
    baseUrl,
    requestCount: () => count,
    async send(request, scopes) {
      let response = await sendOnce(request, scopes);
      if (response.status !== 401) return response;
      refuseForeignChallenge(request, response);
      const hadChallenge = challenge;
      const offered = parseChallenge(response.headers['www-authenticate']);
      if (!offered || offered.scheme === 'other') {
        throw new RegistryError(request.method, baseUrl + request.path, 401, parseErrorBody(response.body));
      }
      const sameScheme = hadChallenge && hadChallenge.scheme === offered.scheme;
      if (sameScheme && offered.scheme === 'basic') throw rejected();
      challenge = offered;
      tokens.clear();
      response = await sendOnce(request, scopes);
      if (response.status === 401) {
        refuseForeignChallenge(request, response);
        if (!(await getCredential())) throw missingCredentials();
        throw rejected();
      }
      return response;
    },
  };

  function rejected(): RegistryAuthError {
    return new RegistryAuthError(
      registry,
      'rejected the credentials (401 Unauthorized): wrong password or token, or no access to this repository',
    );
  }
}
