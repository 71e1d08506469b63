import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/registry/transport/http.js';
import { isTransientNetworkError, withRetry } from '../../src/registry/transport/retry.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A loopback server that answers only from the Nth request on; earlier ones hang. */
async function slowServer(answerFrom: number): Promise<{ url: string; seen: () => number }> {
  let seen = 0;
  server = createServer((req, res) => {
    seen++;
    if (seen >= answerFrom) res.writeHead(200, { 'docker-content-digest': 'sha256:x' }).end('ok');
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/`, seen: () => seen };
}

describe('http client', () => {
  it('gives up on a request after its timeout, and the retry layer tries again', async () => {
    const { url, seen } = await slowServer(2);
    const client = createHttpClient({ timeoutMs: 150 });
    const error = await client.send({ method: 'GET', url }).catch((e: unknown) => e);
    expect(isTransientNetworkError(error)).toBe(true);
    const retried = await withRetry(createHttpClient({ timeoutMs: 150 }), {
      sleep: async () => undefined,
    }).send({
      method: 'GET',
      url,
    });
    expect(retried.status).toBe(200);
    expect(Buffer.from(retried.body).toString()).toBe('ok');
    expect(retried.headers['docker-content-digest']).toBe('sha256:x');
    expect(seen()).toBe(2);
  });
});
