import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryClient } from '../../src/registry/client.js';
import { createHttpClient } from '../../src/registry/transport/http.js';
import { describeNetworkFailure, NetworkError } from '../../src/registry/transport/network.js';
import { withRetry } from '../../src/registry/transport/retry.js';
import { freePort, selfSignedCertificate } from '../helpers/registry-instance.js';
import { type LoopbackServer, loopbackServer } from './loopback-servers.js';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A client that records its retries instead of waiting for them. */
function recordingClient(registry: string, baseUrl?: string) {
  const retries: string[] = [];
  const client = createRegistryClient({
    registry,
    baseUrl,
    retry: {
      sleep: async () => undefined,
      random: () => 0.5,
      onRetry: (reason, delay) => void retries.push(`${reason} / ${delay}`),
    },
  });
  return { client, retries };
}

describe('permanent network failures: named, and not retried', () => {
  it('connection refused names method, URL and ECONNREFUSED, after one attempt', async () => {
    const port = await freePort();
    const { client, retries } = recordingClient(`127.0.0.1:${port}`);
    const error = await client.ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toBe(
      `GET http://127.0.0.1:${port}/v2/ failed: connection refused (ECONNREFUSED) at 127.0.0.1:${port}: nothing listens there`,
    );
    expect(retries).toEqual([]);
    expect(client.requestCount()).toBe(1);
  });

  it('port 6000 (X11), which fetch refused to use, is a port like any other', async () => {
    const { client, retries } = recordingClient('127.0.0.1:6000');
    await expect(client.ping()).rejects.toThrow(
      'GET http://127.0.0.1:6000/v2/ failed: connection refused (ECONNREFUSED) at 127.0.0.1:6000: nothing listens there',
    );
    expect(retries).toEqual([]);
  });

  describe('TLS', () => {
    let dir: string;
    let tls: HttpsServer;
    let port: number;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ib-registry-tls-'));
      const { keyPath, certPath } = selfSignedCertificate(dir, 'localhost');
      tls = createHttpsServer({ key: readFileSync(keyPath), cert: readFileSync(certPath) }, (req, res) =>
        res.end('{}'),
      );
      await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
      port = (tls.address() as AddressInfo).port;
    });
    afterAll(async () => {
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    });

    it('an untrusted certificate names the TLS cause, after one attempt', async () => {
      const { client, retries } = recordingClient('reg.test', `https://127.0.0.1:${port}`);
      await expect(client.ping()).rejects.toThrow(
        `GET https://127.0.0.1:${port}/v2/ failed: TLS failed (DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate)`,
      );
      expect(retries).toEqual([]);
    });

    it('HTTPS to a plain-HTTP server says the server may speak plain HTTP', async () => {
      const plain = await loopbackServer((req, res) => res.end('{}'));
      servers.push(plain);
      const { client, retries } = recordingClient('reg.test', `https://${plain.address}`);
      await expect(client.ping()).rejects.toThrow(
        /failed: TLS failed \(EPROTO: wrong version number\); the server may speak plain HTTP, not HTTPS$/,
      );
      expect(retries).toEqual([]);
    });
  });

  it("a host that is not found (undici's error shape) is permanent and named", () => {
    const lookup = Object.assign(new Error('getaddrinfo ENOTFOUND registry.invalid'), {
      code: 'ENOTFOUND',
      syscall: 'getaddrinfo',
      hostname: 'registry.invalid',
    });
    const error = new TypeError('fetch failed', { cause: lookup });
    expect(describeNetworkFailure(error)).toEqual({
      detail: 'host not found (ENOTFOUND registry.invalid)',
      code: 'ENOTFOUND',
      transient: false,
    });
    const attempts: string[] = [];
    const failing = withRetry(
      {
        send: async (request) => {
          attempts.push(request.url);
          throw error;
        },
      },
      { sleep: async () => undefined },
    );
    return expect(failing.send({ method: 'GET', url: 'https://registry.invalid/v2/' }))
      .rejects.toBe(error)
      .then(() => expect(attempts).toHaveLength(1));
  });
});

describe('transient failures: retried, then named with the number of attempts', () => {
  it('a reset in the middle of a body is retried and the next full answer is used', async () => {
    let calls = 0;
    const server = await loopbackServer((req, res) => {
      calls++;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '30' });
      if (calls === 1) {
        res.write('{"tags":');
        setTimeout(() => res.socket?.resetAndDestroy(), 20);
        return;
      }
      res.end('{"tags":["a","b","c","d","e"]}');
    });
    servers.push(server);
    const { client, retries } = recordingClient(server.address);
    expect(await client.listTags('app')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/v2\/app\/tags\/list\?n=1000 failed: connection/,
    );
  });

  it('a server that always drops the connection: the last error names URL, cause and attempts', async () => {
    const server = await loopbackServer((req) => req.socket.destroy());
    servers.push(server);
    const { client, retries } = recordingClient(server.address);
    await expect(client.ping()).rejects.toThrow(
      `GET ${server.origin}/v2/ failed: connection closed before the answer was complete (ECONNRESET: socket hang up) (gave up after 5 attempts)`,
    );
    expect(retries).toHaveLength(4);
    expect(server.seen).toHaveLength(5);
  });

  it('429 and 503 wait for Retry-After (seconds or a date), other 5xx back off', async () => {
    const script = [
      [429, { 'retry-after': '2' }],
      [503, { 'retry-after': new Date(Date.now() + 3000).toUTCString() }],
      [502, {}],
      [200, {}],
    ] as const;
    let call = 0;
    const server = await loopbackServer((req, res) => {
      const [status, headers] = script[call++];
      res.writeHead(status, headers).end('{}');
    });
    servers.push(server);
    const { client, retries } = recordingClient(server.address);
    await client.ping();
    expect(retries.map((r) => r.split(' / ')[0])).toEqual(['status 429', 'status 503', 'status 502']);
    const delays = retries.map((r) => Number(r.split(' / ')[1]));
    expect(delays[0]).toBe(2000);
    expect(delays[1]).toBeGreaterThan(1000); // an HTTP date has second precision
    expect(delays[1]).toBeLessThanOrEqual(3000);
    expect(delays[2]).toBe(800); // third backoff: 200 ms doubled twice, no jitter here
  });

  it('a timeout names how long was waited', async () => {
    const server = await loopbackServer(() => undefined);
    servers.push(server);
    const error = await createHttpClient({ timeoutMs: 100 })
      .send({ method: 'GET', url: `${server.origin}/v2/` })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `GET ${server.origin}/v2/ failed: no complete answer within 0.1 s (timeout)`,
    );
    expect((error as NetworkError).transient).toBe(true);
  });
});
