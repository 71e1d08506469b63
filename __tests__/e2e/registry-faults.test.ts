import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryClient, type RegistryClient } from '../../src/registry/client.js';
import { givenCredentials } from '../../src/registry/credentials.js';
import { manifestBlobs, MEDIA_TYPES, sha256Digest } from '../../src/registry/manifest.js';
import { RegistryError } from '../../src/registry/transport/errors.js';
import { RegistryAuthError } from '../../src/registry/transport/transport.js';
import {
  ALL_FAULTS,
  type FaultProxy,
  type FaultProxyOptions,
  startFaultProxy,
} from '../helpers/fault-proxy.js';
import {
  ociManifest,
  type RegistryInstance,
  startRegistry,
  uploadBlob,
} from '../helpers/registry-instance.js';
import { testbed } from '../helpers/testbed.js';
import { type LoopbackServer, loopbackServer } from '../registry/loopback-servers.js';

const unique = `${process.pid}-${Date.now()}`;
const source = `faults/source-${unique}`;
let image: { bytes: Uint8Array; mediaType: string; digest: string };
let config: Uint8Array;

/** The real registry of the test bed, without any proxy: the ground truth. */
const direct = () => createRegistryClient({ registry: testbed().registry });

let proxy: FaultProxy | undefined;
afterEach(async () => {
  await proxy?.stop();
  proxy = undefined;
});

async function throughFaults(options: Omit<FaultProxyOptions, 'target'>, retry = {}, timeoutMs = 5000) {
  proxy = await startFaultProxy({ target: testbed().registry, ...options });
  const retries: { reason: string; delay: number }[] = [];
  const client = createRegistryClient({
    registry: testbed().registry,
    baseUrl: `http://${proxy.address}`,
    timeoutMs,
    retry: {
      baseDelayMs: 5,
      maxDelayMs: 2000,
      attempts: 6,
      onRetry: (reason, delay) => void retries.push({ reason, delay }),
      ...retry,
    },
  });
  return { client, retries, proxy };
}

/**
 * Copies the source image into `repository` with our client only: mount each blob (the copy fails if
 * the registry will not mount it), then point the tags at the manifest, then read everything back.
 */
async function copyImage(client: RegistryClient, repository: string, tags: string[]): Promise<void> {
  for (const blob of manifestBlobs(image.bytes)) {
    if (await client.blobExists(repository, blob.digest)) continue;
    if (!(await client.mountBlob(repository, blob.digest, source)))
      throw new Error(`the registry did not mount ${blob.digest}`);
  }
  await client.putTags(repository, image, tags);
  for (const tag of tags) {
    const read = await client.getManifest(repository, tag);
    expect(Buffer.from(read.bytes).equals(Buffer.from(image.bytes))).toBe(true);
    expect(read.digest).toBe(image.digest);
  }
  expect(await client.resolveTag(repository, tags[0])).toBe(image.digest);
  const configDigest = manifestBlobs(image.bytes)[0].digest;
  expect(Buffer.from(await client.getBlob(repository, configDigest)).equals(Buffer.from(config))).toBe(true);
  expect(await client.listTags(repository)).toEqual(expect.arrayContaining(tags));
}

/**
 * Every tag in the repository, read straight from the registry, points at the source image and every
 * blob of it exists: whatever failed, no tag names an incomplete image.
 */
async function assertEveryTagComplete(repository: string): Promise<string[]> {
  const registry = direct();
  const tags = await registry.listTags(repository);
  for (const tag of tags) {
    const manifest = await registry.getManifest(repository, tag);
    expect(manifest.digest, tag).toBe(image.digest);
    for (const blob of manifestBlobs(manifest.bytes))
      expect(await registry.blobExists(repository, blob.digest), `${tag} -> ${blob.digest}`).toBe(true);
  }
  return tags;
}

/** A failure the user can act on: method, URL and status or cause; never a bare "fetch failed". */
function expectClearError(error: unknown) {
  expect(error).toBeInstanceOf(RegistryError);
  const message = (error as Error).message;
  expect(message).toMatch(
    /^(GET|HEAD|PUT|POST|DELETE) http:\/\/127\.0\.0\.1:\d+\/v2\/\S+ (answered \d{3}|failed: \S.*)/,
  );
  expect(message).not.toMatch(/^fetch failed|: fetch failed/);
}

beforeAll(async () => {
  const bed = testbed();
  config = new TextEncoder().encode(
    `{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"n":"${unique}"}`,
  );
  // Layers of random bytes, large enough that a body cut or reset lands in the middle of one.
  const layers = [randomBytes(96 * 1024), randomBytes(160 * 1024)];
  const configBlob = await uploadBlob(bed.registry, source, config);
  const layerBlobs = [];
  for (const layer of layers) layerBlobs.push(await uploadBlob(bed.registry, source, layer));
  const bytes = ociManifest(configBlob, ...layerBlobs);
  image = { bytes, mediaType: MEDIA_TYPES.ociManifest, digest: sha256Digest(bytes) };
  await direct().putManifest(source, 'v1', image);
});

/** Every fault but `corrupt`: changed bytes in a tag list cannot be noticed by any client (TLS's job). */
const EVERY_FAULT = ALL_FAULTS.filter((fault) => fault !== 'corrupt');

describe('the registry client through a faulty proxy in front of the real registry', () => {
  it('copies succeed with the right bytes or fail clearly, and no tag ever names an incomplete image', async () => {
    const outcomes: string[] = [];
    const injected: Record<string, number> = {};
    for (let seed = 1; seed <= 12; seed++) {
      const { client } = await throughFaults({ faultRate: 0.25, faults: EVERY_FAULT, seed, retryAfter: '0' });
      const repository = `faults/copy-${seed}-${unique}`;
      try {
        await copyImage(client, repository, ['1.0.0', '1.0', '1', 'latest']);
        outcomes.push('ok');
      } catch (error) {
        expectClearError(error);
        outcomes.push((error as Error).message);
      }
      for (const [fault, count] of Object.entries(proxy?.stats.faults ?? {}))
        injected[fault] = (injected[fault] ?? 0) + count;
      const tags = await assertEveryTagComplete(repository);
      if (outcomes.at(-1) === 'ok') expect(tags.sort()).toEqual(['1', '1.0', '1.0.0', 'latest']);
      await proxy?.stop();
      proxy = undefined;
    }
    // Every kind of fault happened, and none made a copy fail: the retries carried them all. The only
    // failures are writes that a redirect would have sent to another origin (refused, by design).
    for (const fault of EVERY_FAULT) expect(injected[fault], fault).toBeGreaterThan(0);
    const failures = outcomes.filter((o) => o !== 'ok');
    for (const failure of failures)
      expect(failure).toMatch(
        /^(PUT|POST) \S+ failed: redirected to \S+, another origin: a (PUT|POST) is only/,
      );
    expect(outcomes.length - failures.length, failures.join('\n')).toBeGreaterThanOrEqual(6);
  });

  it('waits as long as a 429 Retry-After asks, then reads the right manifest', async () => {
    const { client, retries } = await throughFaults(
      { faultRate: 1, faults: ['429'], retryAfter: '1', maxFaults: 2, match: /^GET .*\/manifests\// },
      { maxDelayMs: 5000 },
    );
    const read = await client.getManifest(source, 'v1');
    expect(read.digest).toBe(image.digest);
    expect(retries.map((r) => [r.reason, r.delay])).toEqual([
      ['status 429', 1000],
      ['status 429', 1000],
    ]);
  });

  it('resets, cut bodies and dropped answers are retried until the right bytes arrive', async () => {
    for (const fault of ['reset-body', 'truncate', 'drop-after', '503'] as const) {
      const { client, retries } = await throughFaults({
        faultRate: 1,
        faults: [fault],
        maxFaults: 3,
        match: /^GET .*\/(manifests|blobs)\//,
      });
      expect((await client.getManifest(source, image.digest)).digest, fault).toBe(image.digest);
      const configDigest = manifestBlobs(image.bytes)[0].digest;
      expect(sha256Digest(await client.getBlob(source, configDigest)), fault).toBe(configDigest);
      expect(retries, fault).toHaveLength(3);
      await proxy?.stop();
      proxy = undefined;
    }
  });

  it('a body cut short on every try fails naming the URL, the cause and the attempts', async () => {
    const { client } = await throughFaults(
      { faultRate: 1, faults: ['truncate'], match: /^GET .*\/manifests\// },
      { attempts: 3 },
    );
    await expect(client.getManifest(source, 'v1')).rejects.toThrow(
      new RegExp(
        `^GET http://${proxy?.address}/v2/${source}/manifests/v1 failed: connection closed before the answer was complete \\((ECONNRESET: aborted|ERR_STREAM_PREMATURE_CLOSE: the body ended early)\\) \\(gave up after 3 attempts\\)$`,
      ),
    );
  });

  it('a slow body completes within the timeout, and a slower one is a named timeout', async () => {
    const slow = await throughFaults({
      faultRate: 1,
      faults: ['slow-body'],
      slowBody: { chunkBytes: 64, intervalMs: 10 },
      match: /^GET .*\/manifests\//,
    });
    expect((await slow.client.getManifest(source, 'v1')).digest).toBe(image.digest);
    await proxy?.stop();
    const slower = await throughFaults(
      {
        faultRate: 1,
        faults: ['slow-body'],
        slowBody: { chunkBytes: 16, intervalMs: 50 },
        match: /manifests/,
      },
      { attempts: 2 },
      300,
    );
    await expect(slower.client.getManifest(source, 'v1')).rejects.toThrow(
      /manifests\/v1 failed: no complete answer within 0\.3 s \(timeout\) \(gave up after 2 attempts\)$/,
    );
  });

  it('bytes changed on the way are an error, never a manifest or a config', async () => {
    const { client, retries } = await throughFaults({
      faultRate: 1,
      faults: ['corrupt'],
      match: /^GET .*\/(manifests|blobs)\//,
    });
    await expect(client.getManifest(source, 'v1')).rejects.toThrow(
      new RegExp(`but names them ${image.digest} \\(Docker-Content-Digest\\)$`),
    );
    await expect(client.getManifest(source, image.digest)).rejects.toThrow(
      `not the ${image.digest} asked for`,
    );
    const configDigest = manifestBlobs(image.bytes)[0].digest;
    await expect(client.getBlob(source, configDigest)).rejects.toThrow(
      `the registry sent bytes that do not match ${configDigest}`,
    );
    expect(retries).toEqual([]);
  });

  it('a redirect loop ends after 10 hops with a clear error', async () => {
    const { client } = await throughFaults({ faultRate: 1, faults: ['redirect'] });
    await expect(client.getManifest(source, 'v1')).rejects.toThrow(
      `GET http://${proxy?.address}/v2/${source}/manifests/v1 failed: more than 10 redirects`,
    );
    expect(proxy?.stats.requests).toBe(11);
  });

  it('reads follow a redirect to another origin; writes are not sent there', async () => {
    const { client } = await throughFaults({ faultRate: 1, faults: ['redirect-away'] });
    expect((await client.getManifest(source, 'v1')).digest).toBe(image.digest);
    const repository = `faults/away-${unique}`;
    await expect(client.putManifest(repository, 'v1', image)).rejects.toThrow(
      `PUT http://${proxy?.address}/v2/${repository}/manifests/v1 failed: redirected to http://${testbed().registry}/v2/${repository}/manifests/v1, another origin`,
    );
    expect(await direct().listTags(repository)).toEqual([]);
  });

  it('a manifest whose blobs never arrived is refused, and no tag is left behind', async () => {
    const { client } = await throughFaults({
      faultRate: 0.3,
      faults: ['503', 'drop', 'drop-after'],
      seed: 3,
    });
    const repository = `faults/missing-${unique}`;
    const missing = { digest: sha256Digest(randomBytes(32)), size: 32 };
    const bytes = ociManifest(manifestBlobs(image.bytes)[0], missing);
    const incomplete = { bytes, mediaType: MEDIA_TYPES.ociManifest, digest: sha256Digest(bytes) };
    await client.mountBlob(repository, manifestBlobs(image.bytes)[0].digest, source);
    const error = await client.putTags(repository, incomplete, ['1.0.0']).catch((e: unknown) => e);
    expectClearError(error);
    expect((error as RegistryError).hasCode('MANIFEST_BLOB_UNKNOWN')).toBe(true);
    expect(await direct().listTags(repository)).toEqual([]);
  });
});

describe('a redirect to another origin that asks for credentials, in front of a real token registry', () => {
  const user = { user: 'publisher', password: `pw-${unique}` };
  let registry: RegistryInstance;
  let foreign: LoopbackServer;
  beforeAll(async () => {
    registry = await startRegistry({ token: user });
    foreign = await loopbackServer((req, res, origin) => {
      if (req.url?.startsWith('/token')) res.writeHead(200).end('{"token":"foreign"}');
      else
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${origin}/token",service="foreign"` }).end();
    });
  });
  afterAll(async () => {
    await registry?.stop();
    await foreign?.close();
  });

  it('works through the proxy, and refuses once the proxy sends the client to the foreign host', async () => {
    proxy = await startFaultProxy({
      target: registry.address,
      faults: ['redirect-away'],
      redirectTo: foreign.address,
      match: /tags\/list/,
    });
    const client = createRegistryClient({
      registry: registry.address,
      baseUrl: `http://${proxy.address}`,
      credentials: givenCredentials({ [registry.address]: { username: user.user, password: user.password } }),
      retry: { sleep: async () => undefined },
    });
    await client.ping('faults/auth', true);
    expect(await client.listTags('faults/auth')).toEqual([]);
    proxy.setFaultRate(1);
    const error = await client.listTags('faults/auth').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryAuthError);
    expect((error as Error).message).toContain(
      `was redirected to ${foreign.origin}/v2/faults/auth/tags/list`,
    );
    expect(foreign.seen).toEqual(['GET /v2/faults/auth/tags/list?n=1000 none']);
  });
});
