import { describe, expect, it, afterEach } from 'vitest';
import { createRegistryClient } from '../../src/registry/client.js';
import { givenCredentials } from '../../src/registry/credentials.js';
import { MEDIA_TYPES, sha256Digest } from '../../src/registry/manifest.js';
import type { HttpClient, HttpRequest, HttpResponse } from '../../src/registry/transport/http.js';
import { followRedirects } from '../../src/registry/transport/redirect.js';
import { RegistryAuthError } from '../../src/registry/transport/transport.js';
import { type LoopbackServer, loopbackServer } from './loopback-servers.js';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const serve = async (...args: Parameters<typeof loopbackServer>) => {
  const server = await loopbackServer(...args);
  servers.push(server);
  return server;
};

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Registry A on one loopback port: every request answered 307 to the same path on B (another origin). */
const redirectingTo = (b: LoopbackServer) =>
  serve((req, res) => res.writeHead(307, { location: `${b.origin}${req.url}` }).end());

const clientFor = (a: LoopbackServer) =>
  createRegistryClient({
    registry: a.address,
    credentials: givenCredentials({ [a.address]: { username: 'bot', password: 'a-secret' } }),
    retry: { sleep: async () => undefined },
  });

describe("a challenge from another origin after a redirect gets none of the registry's credentials", () => {
  it("A answers 307 to B, B challenges with a token realm on B: B never sees A's credentials", async () => {
    const b = await serve((req, res, origin) => {
      if (req.url?.startsWith('/token')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"from-b"}');
        return;
      }
      res
        .writeHead(401, { 'www-authenticate': `Bearer realm="${origin}/token",service="b"` })
        .end('{"errors":[{"code":"UNAUTHORIZED","message":"auth"}]}');
    });
    const a = await redirectingTo(b);
    const error = await clientFor(a)
      .listTags('app')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryAuthError);
    expect(String(error)).toContain(`was redirected to ${b.origin}/v2/app/tags/list?n=1000`);
    expect(String(error)).toContain(`the credentials for ${a.address} are only sent to ${a.address}`);
    // Before the fix B's token endpoint got `Basic bot:a-secret`, and A got B's token.
    expect(b.seen).toEqual(['GET /v2/app/tags/list?n=1000 none']);
    expect(a.seen).toEqual(['GET /v2/app/tags/list?n=1000 none']);
  });

  it("A answers 307 to B, B asks for basic auth: refused, B never sees A's password", async () => {
    const b = await serve((req, res) => res.writeHead(401, { 'www-authenticate': 'Basic realm="b"' }).end());
    const a = await redirectingTo(b);
    await expect(clientFor(a).ping()).rejects.toThrow(/redirected to .* which asks for credentials \(401\)/);
    expect(b.seen.every((line) => line.endsWith(' none'))).toBe(true);
    expect(a.seen.every((line) => line.endsWith(' none'))).toBe(true);
  });

  it("a blob redirected to storage on another origin is fetched without the registry's Authorization", async () => {
    const blob = new TextEncoder().encode('{"architecture":"amd64"}');
    const digest = sha256Digest(blob);
    const storage = await serve((req, res) => res.writeHead(200).end(blob));
    const registry = await serve((req, res) => {
      if (req.headers.authorization !== basic('bot', 'a-secret')) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="a"' }).end();
        return;
      }
      res.writeHead(307, { location: `${storage.origin}/bucket/${digest}?signature=x` }).end();
    });
    expect(Buffer.from(await clientFor(registry).getBlob('app', digest)).equals(Buffer.from(blob))).toBe(
      true,
    );
    expect(storage.seen).toEqual([`GET /bucket/${digest}?signature=x none`]);
  });

  it('a manifest PUT answered 307 to another origin is not sent there', async () => {
    const b = await serve((req, res) => res.writeHead(201).end());
    const a = await serve((req, res) => {
      req.resume();
      res.writeHead(307, { location: `${b.origin}${req.url}` }).end();
    });
    const bytes = new TextEncoder().encode('{"schemaVersion":2,"layers":[]}');
    const manifest = { bytes, mediaType: MEDIA_TYPES.ociManifest, digest: sha256Digest(bytes) };
    await expect(clientFor(a).putManifest('app', 'v1', manifest)).rejects.toThrow(
      `PUT ${a.origin}/v2/app/manifests/v1 failed: redirected to ${b.origin}/v2/app/manifests/v1, another origin: a PUT is only followed on the same origin`,
    );
    expect(b.seen).toEqual([]);
  });

  it('a redirect loop ends after 10 hops with an error that says so, and is not retried', async () => {
    const a = await serve((req, res) => res.writeHead(307, { location: req.url }).end());
    await expect(clientFor(a).ping()).rejects.toThrow(
      `GET ${a.origin}/v2/ failed: more than 10 redirects (the last to ${a.origin}/v2/)`,
    );
    expect(a.seen).toHaveLength(11);
  });
});

describe('followRedirects', () => {
  /** Answers from a table of `url -> [status, location]`; 200 for anything else. */
  function table(routes: Record<string, [number, string]>): HttpClient & { sent: HttpRequest[] } {
    const sent: HttpRequest[] = [];
    return {
      sent,
      async send(request): Promise<HttpResponse> {
        sent.push(request);
        const route = routes[request.url];
        if (!route) return { status: 200, headers: {}, body: new Uint8Array() };
        return { status: route[0], headers: { location: route[1] }, body: new Uint8Array() };
      },
    };
  }

  it('refuses HTTPS to plain HTTP and non-http schemes', async () => {
    const inner = table({
      'https://reg.test/v2/': [302, 'http://reg.test/v2/'],
      'https://reg.test/v2/x': [302, 'file:///etc/passwd'],
    });
    const http = followRedirects(inner);
    await expect(http.send({ method: 'GET', url: 'https://reg.test/v2/' })).rejects.toThrow(
      'GET https://reg.test/v2/ failed: redirected from HTTPS to plain HTTP (http://reg.test/v2/): refused',
    );
    await expect(http.send({ method: 'GET', url: 'https://reg.test/v2/x' })).rejects.toThrow(
      /redirected to file: URL/,
    );
    expect(inner.sent).toHaveLength(2);
  });

  it('keeps Authorization on the same origin, drops it on another, and reports the URL that answered', async () => {
    const inner = table({
      'https://reg.test/v2/a': [301, '/v2/b'],
      'https://reg.test/v2/b': [307, 'https://cdn.test/blob'],
    });
    const response = await followRedirects(inner).send({
      method: 'GET',
      url: 'https://reg.test/v2/a',
      headers: { authorization: 'Bearer t', accept: 'x' },
    });
    expect(response.url).toBe('https://cdn.test/blob');
    expect(inner.sent.map((r) => [r.url, r.headers?.authorization ?? 'none', r.headers?.accept])).toEqual([
      ['https://reg.test/v2/a', 'Bearer t', 'x'],
      ['https://reg.test/v2/b', 'Bearer t', 'x'],
      ['https://cdn.test/blob', 'none', 'x'],
    ]);
  });

  it('follows a same-origin 307 of a PUT with its body, and never turns a PUT into a GET', async () => {
    const inner = table({
      'https://reg.test/v2/m': [307, '/v2/m2'],
      'https://reg.test/v2/n': [303, '/v2/other'],
    });
    const http = followRedirects(inner);
    expect((await http.send({ method: 'PUT', url: 'https://reg.test/v2/m', body: 'x' })).status).toBe(200);
    expect(inner.sent[1]).toMatchObject({ method: 'PUT', url: 'https://reg.test/v2/m2', body: 'x' });
    await expect(http.send({ method: 'PUT', url: 'https://reg.test/v2/n', body: 'y' })).rejects.toThrow(
      'PUT https://reg.test/v2/n failed: answered 303, which would turn the PUT into a GET: not followed',
    );
    expect(inner.sent).toHaveLength(3);
  });
});
