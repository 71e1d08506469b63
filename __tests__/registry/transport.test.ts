import { describe, expect, it } from 'vitest';
import { fetchBearerToken } from '../../src/registry/transport/bearer.js';
import type { HttpClient, HttpRequest } from '../../src/registry/transport/http.js';
import { createTransport } from '../../src/registry/transport/transport.js';
import { givenCredentials } from '../../src/registry/credentials.js';

function recordingClient(
  answer: (request: HttpRequest) => { status: number; headers?: Record<string, string>; body?: string },
) {
  const requests: HttpRequest[] = [];
  const client: HttpClient = {
    async send(request) {
      requests.push(request);
      const a = answer(request);
      return { status: a.status, headers: a.headers ?? {}, body: new TextEncoder().encode(a.body ?? '') };
    },
  };
  return { client, requests };
}

describe('bearer token flow', () => {
  it('sends service and every scope, with basic credentials, and reads token or access_token', async () => {
    const { client, requests } = recordingClient(() => ({ status: 200, body: '{"access_token":"at"}' }));
    const token = await fetchBearerToken(client, {
      realm: 'https://auth.test/token',
      service: 'reg',
      scopes: ['repository:a:pull,push', 'repository:b:pull'],
      credential: { username: 'u', password: 'p' },
    });
    expect(token).toBe('at');
    const url = new URL(requests[0].url);
    expect(url.searchParams.get('service')).toBe('reg');
    expect(url.searchParams.getAll('scope')).toEqual(['repository:a:pull,push', 'repository:b:pull']);
    expect(requests[0].headers?.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
  });

  it('uses the OAuth2 refresh-token grant for identity tokens, keeping the token out of the URL', async () => {
    const { client, requests } = recordingClient(() => ({ status: 200, body: '{"token":"t"}' }));
    await fetchBearerToken(client, {
      realm: 'https://auth.test/token',
      service: 'reg',
      scopes: ['repository:a:pull'],
      credential: { identityToken: 'idt' },
    });
    expect(requests[0].method).toBe('POST');
    expect(requests[0].url).not.toContain('idt');
    expect(new URLSearchParams(requests[0].body as string).get('refresh_token')).toBe('idt');
    expect(new URLSearchParams(requests[0].body as string).get('grant_type')).toBe('refresh_token');
  });
});

describe('transport', () => {
  it('answers a basic challenge once and then sends credentials up front', async () => {
    const expected = `Basic ${Buffer.from('u:p').toString('base64')}`;
    const { client, requests } = recordingClient((r) =>
      r.headers?.authorization === expected
        ? { status: 200 }
        : { status: 401, headers: { 'www-authenticate': 'Basic realm="r"' } },
    );
    const transport = createTransport({
      registry: 'reg.test',
      http: client,
      credentials: givenCredentials({ 'reg.test': { username: 'u', password: 'p' } }),
    });
    await transport.send({ method: 'GET', path: '/v2/' }, []);
    await transport.send({ method: 'GET', path: '/v2/a/tags/list' }, []);
    expect(requests.map((r) => r.headers?.authorization ?? 'none')).toEqual(['none', expected, expected]);
    expect(requests[0].url).toBe('https://reg.test/v2/');
    expect(transport.requestCount()).toBe(3);
  });
});
