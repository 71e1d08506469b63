import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createRegistryClient } from '../../src/registry/client.js';
import { givenCredentials } from '../../src/registry/credentials.js';
import { sha256Digest } from '../../src/registry/manifest.js';
import { RegistryAuthError } from '../../src/registry/transport/transport.js';
import { fakeRegistry } from './fake-registry.js';
import { type LoopbackServer, loopbackServer } from './loopback-servers.js';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function hostile(handle: (req: IncomingMessage, res: ServerResponse, origin: string) => void) {
  const server = await loopbackServer(handle);
  servers.push(server);
  const retries: string[] = [];
  const client = createRegistryClient({
    registry: server.address,
    credentials: givenCredentials({ [server.address]: { username: 'bot', password: 'pw' } }),
    retry: { sleep: async () => undefined, onRetry: (reason) => void retries.push(reason) },
  });
  return { server, client, retries };
}

const manifestBytes = Buffer.from(
  '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json"}',
);
const manifestDigest = sha256Digest(manifestBytes);
const otherDigest = sha256Digest(Buffer.from('something else'));

describe('auth challenges and token services that misbehave', () => {
  it('a WWW-Authenticate of 100 KB is a named error after one attempt, not "fetch failed" five times', async () => {
    const { client, server, retries } = await hostile((req, res) =>
      res.writeHead(401, { 'www-authenticate': `Bearer realm="${'x'.repeat(100_000)}"` }).end(),
    );
    await expect(client.ping()).rejects.toThrow(
      `GET ${server.origin}/v2/ failed: the answer's headers are too large (HPE_HEADER_OVERFLOW)`,
    );
    expect(retries).toEqual([]);
    expect(server.seen).toHaveLength(1);
  });

  it('a realm that is not an http(s) URL is refused without a request to it', async () => {
    for (const realm of ['x'.repeat(10_000), 'file:///etc/passwd', 'ftp://127.0.0.1/token']) {
      const { client, server } = await hostile((req, res) =>
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="s"` }).end(),
      );
      const error = await client.ping().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RegistryAuthError);
      expect((error as Error).message).toMatch(/the token realm .* is not (a URL|an http\(s\) URL)$/);
      expect(server.seen).toHaveLength(1);
    }
  });

  it('a plain-HTTP token realm for an HTTPS registry is refused, and the realm never asked', async () => {
    const registry = fakeRegistry({
      auth: 'bearer',
      user: 'bot',
      password: 'pw',
      realm: 'http://auth.test/token',
    });
    const client = createRegistryClient({
      registry: 'reg.test',
      http: registry.client,
      credentials: givenCredentials({ 'reg.test': { username: 'bot', password: 'pw' } }),
    });
    await expect(client.listTags('app')).rejects.toThrow(
      'registry reg.test: the token realm http://auth.test/token is plain HTTP for an HTTPS registry: credentials are not sent without TLS',
    );
    expect(registry.log).toEqual(['GET /v2/app/tags/list?n=1000']);
  });

  for (const [body, detail] of [
    ['{"expires_in":300}', 'the token response has no token'],
    ['{"token":""}', 'the token response has no token'],
    ['{"token":42}', 'the token response has no token'],
    ['<html>login</html>', 'the token response is not JSON'],
    ['{"token":"a\\r\\nx-injected: 1"}', 'the token response has a token that is not printable ASCII'],
  ]) {
    it(`a token response ${body} is a clear error`, async () => {
      const { client, server } = await hostile((req, res, origin) => {
        if (req.url?.startsWith('/token')) res.writeHead(200).end(body);
        else res.writeHead(401, { 'www-authenticate': `Bearer realm="${origin}/token"` }).end();
      });
      await expect(client.listTags('app')).rejects.toThrow(
        `GET ${server.origin}/token answered 200: ${detail}`,
      );
    });
  }
});

describe('manifests whose bytes are not what the registry says', () => {
  it('by digest: bytes with another digest are an error', async () => {
    const { client } = await hostile((req, res) => res.writeHead(200).end(manifestBytes));
    await expect(client.getManifest('app', otherDigest)).rejects.toThrow(
      `the registry sent bytes with digest ${manifestDigest}, not the ${otherDigest} asked for`,
    );
  });

  it('by tag: bytes that do not match the Docker-Content-Digest the registry names are an error', async () => {
    const { client } = await hostile((req, res) =>
      res.writeHead(200, { 'docker-content-digest': otherDigest }).end(manifestBytes),
    );
    await expect(client.getManifest('app', 'latest')).rejects.toThrow(
      `the registry sent bytes with digest ${manifestDigest} but names them ${otherDigest} (Docker-Content-Digest)`,
    );
  });

  it('HEAD by digest naming another digest is an error, not an answer', async () => {
    const { client } = await hostile((req, res) =>
      res.writeHead(200, { 'docker-content-digest': otherDigest, 'content-length': '10' }).end(),
    );
    await expect(client.headManifest('app', manifestDigest)).rejects.toThrow(
      `the registry names digest ${otherDigest}, not the ${manifestDigest} asked for`,
    );
  });

  it('a Content-Length shorter than the bytes: the cut manifest fails its digest check', async () => {
    const { client } = await hostile((req, res) => {
      // Written raw: node's http server would refuse to send more bytes than it announced.
      res.socket?.end(
        `HTTP/1.1 200 OK\r\ncontent-length: ${manifestBytes.length - 5}\r\nconnection: close\r\n\r\n${manifestBytes}`,
      );
    });
    await expect(client.getManifest('app', manifestDigest)).rejects.toThrow(/not the sha256:\w+ asked for/);
  });

  it('a Content-Length longer than the bytes: the cut answer is retried, then named', async () => {
    const { client, retries } = await hostile((req, res) => {
      res.writeHead(200, { 'content-length': String(manifestBytes.length + 100) });
      res.write(manifestBytes);
      setTimeout(() => res.socket?.destroy(), 10);
    });
    await expect(client.getManifest('app', manifestDigest)).rejects.toThrow(
      /failed: connection closed before the answer was complete \((ECONNRESET: aborted|ERR_STREAM_PREMATURE_CLOSE: the body ended early)\) \(gave up after 5 attempts\)$/,
    );
    expect(retries).toHaveLength(4);
  });
});
