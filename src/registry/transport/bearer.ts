import type { RegistryCredential } from '../credentials.js';
import { basicAuthorization } from './basic.js';
import { parseErrorBody, redactUrl, RegistryError } from './errors.js';
import type { HttpClient } from './http.js';

export interface TokenRequest {
  realm: string;
  service?: string;
  scopes: readonly string[];
  credential?: RegistryCredential;
}

/**
 * The distribution token flow: GET the realm with service and scopes (basic auth when we have a user),
 * or POST the OAuth2 refresh-token grant for identity tokens. Returns the bearer token.
 */
export async function fetchBearerToken(http: HttpClient, request: TokenRequest): Promise<string> {
  const url = new URL(request.realm);
  const headers: Record<string, string> = {};
  let response;
  if (request.credential && 'identityToken' in request.credential) {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: request.credential.identityToken,
      client_id: 'image-build',
    });
    if (request.service) form.set('service', request.service);
    if (request.scopes.length) form.set('scope', request.scopes.join(' '));
    response = await http.send({
      method: 'POST',
      url: url.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
  } else {
    if (request.service) url.searchParams.set('service', request.service);
    for (const scope of request.scopes) url.searchParams.append('scope', scope);
    if (request.credential) {
      headers.authorization = basicAuthorization(request.credential.username, request.credential.password);
    }
    response = await http.send({ method: 'GET', url: url.toString(), headers });
  }
  if (response.status !== 200) {
    throw new RegistryError(
      'GET',
      redactUrl(request.realm),
      response.status,
      parseErrorBody(response.body),
      response.status === 401 ? 'the token service rejected the credentials' : 'could not get a token',
    );
  }
  const body = JSON.parse(Buffer.from(response.body).toString('utf8')) as {
    token?: string;
    access_token?: string;
  };
  const token = body.token ?? body.access_token;
  if (!token)
    throw new RegistryError('GET', redactUrl(request.realm), 200, [], 'the token response has no token');
  return token;
}
