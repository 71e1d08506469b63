import type { RegistryCredential } from '../credentials.js';
import { BODY_LIMITS } from '../limits.js';
import { basicAuthorization } from './basic.js';
import { parseErrorBody, redactUrl, RegistryError } from './errors.js';
import type { HttpClient, HttpResponse } from './http.js';

export interface TokenRequest {
  realm: string;
  service?: string;
  scopes: readonly string[];
  credential?: RegistryCredential;
}

/**
 * Why a bearer challenge's realm may not be asked for a token, or undefined when it may: the realm
 * must be an http(s) URL, and a registry reached over HTTPS must not send us to plain HTTP, where the
 * credentials and the token would travel in clear.
 */
export function realmProblem(realm: string | undefined, registryUrl: string): string | undefined {
  if (!realm) return 'the bearer challenge has no realm';
  let url: URL;
  try {
    url = new URL(realm);
  } catch {
    return `the token realm ${JSON.stringify(realm.slice(0, 200))} is not a URL`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `the token realm ${redactUrl(url.href)} is not an http(s) URL`;
  if (url.protocol === 'http:' && new URL(registryUrl).protocol === 'https:')
    return `the token realm ${redactUrl(url.href)} is plain HTTP for an HTTPS registry: credentials are not sent without TLS`;
  return undefined;
}

/**
 * The distribution token flow: GET the realm with service and scopes (basic auth when we have a user),
 * or POST the OAuth2 refresh-token grant for identity tokens. Returns the bearer token.
 */
export async function fetchBearerToken(http: HttpClient, request: TokenRequest): Promise<string> {
  const url = new URL(request.realm);
  const headers: Record<string, string> = {};
  let response: HttpResponse;
  let method: 'GET' | 'POST';
  if (request.credential && 'identityToken' in request.credential) {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: request.credential.identityToken,
      client_id: 'image-build',
    });
    if (request.service) form.set('service', request.service);
    if (request.scopes.length) form.set('scope', request.scopes.join(' '));
    method = 'POST';
    response = await http.send({
      method,
      url: url.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      maxBodyBytes: BODY_LIMITS.token,
    });
  } else {
    if (request.service) url.searchParams.set('service', request.service);
    for (const scope of request.scopes) url.searchParams.append('scope', scope);
    if (request.credential) {
      headers.authorization = basicAuthorization(request.credential.username, request.credential.password);
    }
    method = 'GET';
    response = await http.send({ method, url: url.toString(), headers, maxBodyBytes: BODY_LIMITS.token });
  }
  const fail = (status: number, detail: string) =>
    new RegistryError(method, redactUrl(request.realm), status, parseErrorBody(response.body), detail);
  if (response.status !== 200) {
    throw fail(
      response.status,
      response.status === 401 ? 'the token service rejected the credentials' : 'could not get a token',
    );
  }
  return readToken(response.body, (detail) => fail(200, detail));
}

/** The token of a token response; a token goes into a header, so it must be one printable word. */
function readToken(body: Uint8Array, fail: (detail: string) => Error): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    throw fail('the token response is not JSON');
  }
  const { token, access_token } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as {
    token?: unknown;
    access_token?: unknown;
  };
  const found = typeof token === 'string' && token ? token : access_token;
  if (typeof found !== 'string' || !found) throw fail('the token response has no token');
  if (!/^[\x21-\x7e]+$/.test(found)) throw fail('the token response has a token that is not printable ASCII');
  return found;
}
