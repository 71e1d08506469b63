import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createRegistryClient } from '../../src/registry/client.js';
import { sha256Digest } from '../../src/registry/manifest.js';
import { type LoopbackServer, loopbackServer, sendGenerated } from './loopback-servers.js';

const MiB = 1024 * 1024;
const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A registry on loopback whose every answer is `answer`; `written` collects the body bytes each request made it send. */
async function registryAnswering(answer: (res: ServerResponse, path: string) => Promise<number>) {
  const written: number[] = [];
  const server = await loopbackServer((req, res) => {
    void answer(res, req.url ?? '/').then((n) => written.push(n));
  });
  servers.push(server);
  const client = createRegistryClient({
    registry: server.address,
    retry: { sleep: async () => undefined, attempts: 2 },
  });
  const settled = async () => {
    for (let i = 0; i < 100 && written.length < server.seen.length; i++)
      await new Promise((r) => setTimeout(r, 10));
    return written;
  };
  return { client, server, settled };
}

/** The highest RSS seen while `work` runs, above the RSS before it, sampled every 5 ms. */
async function peakGrowth(work: () => Promise<unknown>): Promise<number> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) - before;
}

const json = (res: ServerResponse, headers: Record<string, string> = {}) =>
  res.writeHead(200, { 'content-type': 'application/json', ...headers });

describe('bodies past their limit fail clearly, and are not read further', () => {
  it('a 512 MiB manifest (no Content-Length): fails at 4 MiB; memory and bytes sent stay small', async () => {
    const { client, server, settled } = await registryAnswering((res) =>
      sendGenerated(json(res, { 'docker-content-digest': 'sha256:0' }), 512 * MiB),
    );
    let error: unknown;
    const growth = await peakGrowth(async () => {
      error = await client.getManifest('app', 'huge').catch((e: unknown) => e);
    });
    expect((error as Error).message).toBe(
      `GET ${server.origin}/v2/app/manifests/huge failed: the answer (200) is larger than the 4 MiB allowed for it (more than 4194304 bytes received); stopped reading`,
    );
    const written = await settled();
    expect(written).toHaveLength(1); // not retried
    expect(written[0], 'bytes the server got to send').toBeLessThan(32 * MiB);
    expect(growth, 'RSS growth while reading').toBeLessThan(96 * MiB);
  });

  it('a manifest announced at 512 MiB fails on its Content-Length, before the body is read', async () => {
    const { client, settled } = await registryAnswering((res) =>
      sendGenerated(json(res, { 'content-length': String(512 * MiB) }), 512 * MiB),
    );
    await expect(client.getManifest('app', 'huge')).rejects.toThrow(
      /larger than the 4 MiB allowed for it \(Content-Length: 536870912\)/,
    );
    expect((await settled())[0]).toBeLessThan(32 * MiB);
  });

  it('a tag-list page over 4 MiB fails', async () => {
    const { client } = await registryAnswering((res) => {
      const tags = Array.from({ length: 400_000 }, (_, i) => `tag-${i}`);
      json(res).end(JSON.stringify({ name: 'app', tags }));
      return Promise.resolve(0);
    });
    await expect(client.listTags('app')).rejects.toThrow(
      /GET http:\/\/127\.0\.0\.1:\d+\/v2\/app\/tags\/list\?n=1000 failed: the answer \(200\) is larger than the 4 MiB allowed/,
    );
  });

  it('a token response over 1 MiB fails, naming the token URL', async () => {
    const { client, server } = await registryAnswering((res, path) => {
      if (path.startsWith('/token')) return sendGenerated(json(res), 64 * MiB);
      res.writeHead(401, { 'www-authenticate': `Bearer realm="${server.origin}/token",service="s"` }).end();
      return Promise.resolve(0);
    });
    await expect(client.listTags('app')).rejects.toThrow(
      `GET ${server.origin}/token?service=s&scope=repository%3Aapp%3Apull failed: the answer (200) is larger than the 1 MiB allowed`,
    );
  });

  it('a config blob over 8 MiB fails unless the caller allows more; allowed bytes are still checked', async () => {
    const blob = Buffer.alloc(9 * MiB, 0x61);
    const digest = sha256Digest(blob);
    const { client } = await registryAnswering((res) => {
      res.writeHead(200).end(blob);
      return Promise.resolve(blob.length);
    });
    await expect(client.getBlob('app', digest)).rejects.toThrow(/larger than the 8 MiB allowed for it/);
    expect((await client.getBlob('app', digest, { maxBytes: 16 * MiB })).length).toBe(blob.length);
  });

  it('an error answer with a huge body is read only for its first 64 KiB, and still reports the status', async () => {
    const { client, settled } = await registryAnswering((res) =>
      sendGenerated(res.writeHead(500, { 'content-type': 'text/html' }), 256 * MiB),
    );
    await expect(client.getManifest('app', 'x')).rejects.toThrow(
      /GET http:\/\/127\.0\.0\.1:\d+\/v2\/app\/manifests\/x answered 500$/,
    );
    const written = await settled();
    expect(written).toHaveLength(2); // a 500 is retried (attempts: 2)
    for (const bytes of written) expect(bytes).toBeLessThan(32 * MiB);
  });
});

describe('limits do not get in the way of real answers', () => {
  it('reads a 3 MiB manifest and a 900 KiB token response', async () => {
    const manifest = Buffer.from(`{"schemaVersion":2,"annotations":{"a":"${'x'.repeat(3 * MiB)}"}}`);
    const token = 'T'.repeat(8 * 1024);
    const { client, server } = await registryAnswering((res, path) => {
      if (path.startsWith('/token'))
        json(res).end(JSON.stringify({ token, padding: 'p'.repeat(900 * 1024) }));
      else if (res.req.headers.authorization !== `Bearer ${token}`)
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${server.origin}/token"` }).end();
      else json(res).end(manifest);
      return Promise.resolve(0);
    });
    const read = await client.getManifest('app', sha256Digest(manifest));
    expect(read.bytes.length).toBe(manifest.length);
  });
});
