import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createRegistryClient } from '../../src/registry/client.js';
import { type LoopbackServer, loopbackServer, sendGenerated } from './loopback-servers.js';

const MiB = 1024 * 1024;
const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** sha256 of `total` bytes of `a`, as sendGenerated writes them. */
function generatedDigest(total: number): string {
  const hash = createHash('sha256');
  const block = Buffer.alloc(64 * 1024, 0x61);
  for (let done = 0; done < total; done += block.length)
    hash.update(block.subarray(0, Math.min(block.length, total - done)));
  return `sha256:${hash.digest('hex')}`;
}

async function registry(answer: (res: ServerResponse, path: string) => Promise<number> | void) {
  const sent: number[] = [];
  const server = await loopbackServer((req, res) => {
    void Promise.resolve(answer(res, req.url ?? '/')).then((n) => n !== undefined && sent.push(n));
  });
  servers.push(server);
  const client = createRegistryClient({
    registry: server.address,
    retry: { sleep: async () => undefined, attempts: 2 },
    timeoutMs: 500,
  });
  return { client, server, sent };
}

/** Reads a stream to its end: the byte count and its sha256, or the error it failed with. */
async function drain(stream: Readable): Promise<{ bytes: number; digest: string } | Error> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length;
      hash.update(chunk as Buffer);
    }
  } catch (error) {
    return error as Error;
  }
  return { bytes, digest: `sha256:${hash.digest('hex')}` };
}

const octets = (res: ServerResponse, headers: Record<string, string> = {}) =>
  res.writeHead(200, { 'content-type': 'application/octet-stream', ...headers });

describe('openBlob: a layer streamed from the registry', () => {
  it('streams a blob far past the 8 MiB body limit of getBlob, with the digest checked at the end', async () => {
    const total = 40 * MiB;
    const digest = generatedDigest(total);
    const { client, server } = await registry((res) => sendGenerated(octets(res), total));
    await expect(client.getBlob('app', digest)).rejects.toThrow(/larger than the 8 MiB allowed/);
    const read = await drain(await client.openBlob('app', digest, { expectedBytes: total }));
    expect(read).toEqual({ bytes: total, digest });
    expect(server.seen.filter((line) => line.startsWith('GET /v2/app/blobs/'))).toHaveLength(2);
  });

  it('fails the stream at its end when the bytes do not match the digest', async () => {
    const total = 3 * MiB;
    const wrong = generatedDigest(total + 1);
    const { client, server } = await registry((res) => sendGenerated(octets(res), total));
    const read = await drain(await client.openBlob('app', wrong));
    expect(read).toBeInstanceOf(Error);
    expect((read as Error).message).toBe(
      `GET ${server.origin}/v2/app/blobs/${wrong} answered 200: the registry sent bytes that do not match ${wrong}`,
    );
  });

  it('stops reading a registry that sends more than the descriptor size', async () => {
    const { client, sent } = await registry((res) => sendGenerated(octets(res), 512 * MiB));
    const digest = generatedDigest(1000);
    const read = await drain(await client.openBlob('app', digest, { expectedBytes: 1000 }));
    expect((read as Error).message).toMatch(/the registry sent more than the 1000 bytes of sha256:/);
    // The connection is closed at once: the server got nowhere near the 512 MiB it meant to send.
    for (let i = 0; i < 100 && sent.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(sent[0]).toBeLessThan(64 * MiB);
  });

  it('refuses a declared length that is not the descriptor size before reading anything', async () => {
    const { client } = await registry((res) =>
      sendGenerated(octets(res, { 'content-length': '2048' }), 2048),
    );
    await expect(client.openBlob('app', generatedDigest(1000), { expectedBytes: 1000 })).rejects.toThrow(
      /declares 2048 bytes for sha256:[a-f0-9]{64}, whose descriptor says 1000/,
    );
  });

  it('fails a short body: fewer bytes than the descriptor size', async () => {
    const { client } = await registry((res) => sendGenerated(octets(res), 900));
    const read = await drain(await client.openBlob('app', generatedDigest(1000), { expectedBytes: 1000 }));
    expect((read as Error).message).toMatch(/the registry sent 900 of the 1000 bytes/);
  });

  it('names a missing blob', async () => {
    const { client } = await registry((res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'BLOB_UNKNOWN', message: 'blob unknown to registry' }] }));
    });
    const digest = generatedDigest(10);
    await expect(client.openBlob('app', digest)).rejects.toThrow(
      `(BLOB_UNKNOWN: blob unknown to registry): blob ${digest} does not exist in app`,
    );
  });

  it('times out a registry that stalls mid-body, but not one that is slow and steady', async () => {
    const digest = generatedDigest(4);
    const stalled = await registry((res) => {
      octets(res).write('aa');
    });
    const read = await drain(await stalled.client.openBlob('app', digest));
    expect((read as Error).message).toMatch(/no complete answer within 0\.5 s \(timeout\)/);

    // Four chunks 300 ms apart: 1.2 s in all, more than the timeout, but never 500 ms without data.
    const steady = await registry((res) => {
      octets(res);
      let written = 0;
      const timer = setInterval(() => {
        res.write('a');
        if (++written === 4) {
          clearInterval(timer);
          res.end();
        }
      }, 300);
    });
    expect(await drain(await steady.client.openBlob('app', digest))).toEqual({ bytes: 4, digest });
  });

  it('a reader that stops early closes the connection', async () => {
    const total = 256 * MiB;
    const { client, sent } = await registry((res) => sendGenerated(octets(res), total));
    const stream = await client.openBlob('app', generatedDigest(total));
    for await (const _chunk of stream) break;
    for (let i = 0; i < 200 && sent.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(sent[0]).toBeLessThan(64 * MiB);
  });

  it('refuses a digest it cannot check', async () => {
    const { client, server } = await registry(() => undefined);
    await expect(client.openBlob('app', 'md5:abc')).rejects.toThrow(/not a sha256 or sha512 digest/);
    expect(server.seen).toEqual([]);
  });
});
