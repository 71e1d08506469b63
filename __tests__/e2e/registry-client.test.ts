import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryClient, type RegistryClient } from '../../src/registry/client.js';
import { dockerConfigCredentials, givenCredentials } from '../../src/registry/credentials.js';
import { processRunner } from '../../src/util/exec.js';
import { MEDIA_TYPES, sha256Digest } from '../../src/registry/manifest.js';
import { RegistryAuthError } from '../../src/registry/transport/transport.js';
import {
  ociManifest,
  startRegistry,
  type RegistryInstance,
  uploadBlob,
} from '../helpers/registry-instance.js';
import { registryLogSize, registryRequests, testbed } from '../helpers/testbed.js';

const bytesOf = (text: string) => new TextEncoder().encode(text);
const unique = `${process.pid}-${Date.now()}`;

describe('registry client against the real registry', () => {
  const bed = () => testbed();
  const repository = `publish/client-${unique}`;
  let client: RegistryClient;
  let manifest: { bytes: Uint8Array; mediaType: string; digest: string };
  let config: { digest: string; size: number };

  beforeAll(async () => {
    client = createRegistryClient({ registry: bed().registry });
    config = await uploadBlob(
      bed().registry,
      repository,
      bytesOf(
        `{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"n":"${unique}"}`,
      ),
    );
    const layer = await uploadBlob(bed().registry, repository, bytesOf(`layer ${unique}`));
    const bytes = ociManifest(config, layer);
    manifest = { bytes, mediaType: MEDIA_TYPES.ociManifest, digest: sha256Digest(bytes) };
  });

  it('puts and gets an OCI manifest by tag and digest with the exact bytes and media type', async () => {
    const put = await client.putManifest(repository, 'one', manifest);
    expect(put.digest).toBe(manifest.digest);
    expect(put.ociTags).toBeUndefined(); // distribution 2.8 does not implement ?tag=
    const byTag = await client.getManifest(repository, 'one');
    expect(Buffer.from(byTag.bytes).equals(Buffer.from(manifest.bytes))).toBe(true);
    expect(byTag.mediaType).toBe(MEDIA_TYPES.ociManifest);
    expect((await client.getManifest(repository, manifest.digest)).digest).toBe(manifest.digest);
    expect(await client.headManifest(repository, 'one')).toEqual({
      digest: manifest.digest,
      mediaType: MEDIA_TYPES.ociManifest,
      size: manifest.bytes.length,
    });
    expect(await client.headManifest(repository, 'absent')).toBeUndefined();
  });

  it('puts an OCI index that references the manifest and reads it back unchanged', async () => {
    await client.putManifest(repository, 'one', manifest);
    const index = bytesOf(
      `{"schemaVersion":2,"mediaType":"${MEDIA_TYPES.ociIndex}","manifests":[{"mediaType":"${MEDIA_TYPES.ociManifest}","digest":"${manifest.digest}","size":${manifest.bytes.length},"platform":{"architecture":"amd64","os":"linux"}}]}`,
    );
    const indexManifest = { bytes: index, mediaType: MEDIA_TYPES.ociIndex, digest: sha256Digest(index) };
    await client.putTags(repository, indexManifest, ['multi']);
    const read = await client.getManifest(repository, 'multi');
    expect(read.mediaType).toBe(MEDIA_TYPES.ociIndex);
    expect(read.digest).toBe(indexManifest.digest);
    expect(await client.resolveTag(repository, 'multi')).toBe(indexManifest.digest);
  });

  it('reads a Docker v2 manifest pushed by docker itself', async () => {
    const base = bed().baseImage.slice(bed().registry.length + 1);
    const [repo, tag] = base.split(':');
    const read = await client.getManifest(repo, tag);
    expect(read.mediaType).toBe(MEDIA_TYPES.dockerManifest);
    expect(read.digest).toBe(await client.resolveTag(repo, tag));
  });

  it('writes several tags with one PUT each and no blob or HEAD requests', async () => {
    const before = registryLogSize();
    await client.putTags(repository, manifest, ['t1', 't2', 't3', 't4']);
    const requests = registryRequests(before, repository);
    expect(requests.some((r) => r.path.includes('/blobs/') || r.method === 'HEAD')).toBe(false);
    expect(requests.filter((r) => r.method === 'PUT' && /manifests\/t\d$/.test(r.path))).toHaveLength(4);
    for (const t of ['t1', 't2', 't3', 't4'])
      expect(await client.resolveTag(repository, t)).toBe(manifest.digest);
  });

  it('lists every tag (distribution 2.8 ignores n= and sends one page; paging is unit-tested)', async () => {
    const paged = createRegistryClient({ registry: bed().registry, tagPageSize: 2 });
    await paged.putTags(repository, manifest, ['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(await paged.listTags(repository)).toEqual(
      expect.arrayContaining(['p1', 'p2', 'p3', 'p4', 'p5', 'one']),
    );
    expect(await paged.listTags(`publish/never-pushed-${unique}`)).toEqual([]);
  });

  it('checks blobs and mounts them across repositories', async () => {
    const other = `publish/client-mount-${unique}`;
    expect(await client.blobExists(repository, config.digest)).toBe(true);
    expect(sha256Digest(await client.getBlob(repository, config.digest))).toBe(config.digest);
    await expect(client.getBlob(repository, sha256Digest(bytesOf(`absent ${unique}`)))).rejects.toThrow(
      /does not exist/,
    );
    expect(await client.blobExists(other, config.digest)).toBe(false);
    expect(await client.mountBlob(other, config.digest, repository)).toBe(true);
    expect(await client.blobExists(other, config.digest)).toBe(true);
    const missing = sha256Digest(bytesOf(`never uploaded ${unique}`));
    expect(await client.mountBlob(other, missing, repository)).toBe(false);
  });
});

/** sha256 of everything a stream gives, or the error it fails with. */
async function streamDigest(stream: Readable): Promise<string | Error> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of stream) hash.update(chunk as Buffer);
  } catch (error) {
    return error as Error;
  }
  return `sha256:${hash.digest('hex')}`;
}

describe('registry client: layer blobs streamed from the real registry', () => {
  const bed = () => testbed();
  const repository = `publish/stream-${unique}`;

  it('streams a 24 MiB blob (past the 8 MiB body limit) with its digest checked', async () => {
    const content = randomBytes(24 * 1024 * 1024);
    const blob = await uploadBlob(bed().registry, repository, content);
    const client = createRegistryClient({ registry: bed().registry });
    const before = registryLogSize();
    await expect(client.getBlob(repository, blob.digest)).rejects.toThrow(/larger than the 8 MiB/);
    expect(
      await streamDigest(await client.openBlob(repository, blob.digest, { expectedBytes: blob.size })),
    ).toBe(blob.digest);
    // One GET each: the refused read and the stream. The registry logs a request when its connection
    // ends, so the refused GET's line can arrive after the stream's; poll rather than read once.
    const get = { method: 'GET', path: `/v2/${repository}/blobs/${blob.digest}`, status: 200 };
    await expect.poll(() => registryRequests(before, repository), { timeout: 5000 }).toEqual([get, get]);
    // The registry declares the real length: a descriptor that disagrees is refused before any byte.
    await expect(client.openBlob(repository, blob.digest, { expectedBytes: blob.size - 1 })).rejects.toThrow(
      new RegExp(`declares ${blob.size} bytes for ${blob.digest}, whose descriptor says ${blob.size - 1}`),
    );
    await expect(client.openBlob(repository, `sha256:${'0'.repeat(64)}`)).rejects.toThrow(/does not exist/);
  });

  it("streams the base image's gzip layer as docker pushed it: gunzipped, it is the config's diff_id", async () => {
    const [repo, tag] = bed()
      .baseImage.slice(bed().registry.length + 1)
      .split(':');
    const client = createRegistryClient({ registry: bed().registry });
    const manifest = JSON.parse(Buffer.from((await client.getManifest(repo, tag)).bytes).toString()) as {
      config: { digest: string };
      layers: { digest: string; size: number }[];
    };
    const config = JSON.parse(Buffer.from(await client.getBlob(repo, manifest.config.digest)).toString()) as {
      rootfs: { diff_ids: string[] };
    };
    const [layer] = manifest.layers;
    const stream = await client.openBlob(repo, layer.digest, { expectedBytes: layer.size });
    expect(await streamDigest(stream.pipe(createGunzip()))).toBe(config.rootfs.diff_ids[0]);
  });
});

describe('registry client auth against private registries', () => {
  let basic: RegistryInstance;
  let token: RegistryInstance;
  const user = { user: 'publisher', password: `pw-${unique}` };

  beforeAll(async () => {
    basic = await startRegistry({ htpasswd: user });
    token = await startRegistry({ token: user });
  });
  afterAll(async () => {
    await basic?.stop();
    await token?.stop();
  });

  it('finds credentials through a real docker-credential helper named in the Docker config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ib-publish-helper-'));
    // The helper protocol: `get` with the server URL on stdin, JSON with Username and Secret on stdout.
    writeFileSync(
      join(dir, 'docker-credential-ibtest'),
      [
        '#!/bin/sh',
        'read server',
        `[ "$1" = get ] && [ "$server" = "${basic.address}" ] || { echo "credentials not found in native keychain"; exit 1; }`,
        `printf '{"ServerURL":"%s","Username":"${user.user}","Secret":"%s"}' "$server" "$(cat ${join(dir, 'secret')})"`,
        '',
      ].join('\n'),
    );
    chmodSync(join(dir, 'docker-credential-ibtest'), 0o755);
    writeFileSync(join(dir, 'secret'), user.password);
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ credHelpers: { [basic.address]: 'ibtest' } }));
    const credentials = dockerConfigCredentials({
      runner: processRunner,
      configDir: dir,
      env: { ...process.env, PATH: `${dir}:${process.env.PATH}` },
    });
    const viaHelper = createRegistryClient({ registry: basic.address, credentials });
    expect(await viaHelper.listTags('publish/helper')).toEqual([]);
    expect(await credentials.get('127.0.0.1:1')).toBeUndefined();
  });

  for (const kind of ['basic', 'token'] as const) {
    it(`${kind}: writes and reads with credentials, and says so when they are missing or wrong`, async () => {
      const address = kind === 'basic' ? basic.address : token.address;
      const good = createRegistryClient({
        registry: address,
        credentials: givenCredentials({ [address]: { username: user.user, password: user.password } }),
      });
      await good.ping('publish/auth', true);
      const config = bytesOf(`{"n":"${kind}-${unique}"}`);
      const manifestBytes = bytesOf(
        `{"schemaVersion":2,"mediaType":"${MEDIA_TYPES.ociManifest}","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"${sha256Digest(config)}","size":${config.length}},"layers":[]}`,
      );
      // The config blob is not uploaded: the registry refusing the manifest proves the authorised PUT got through.
      const manifest = {
        bytes: manifestBytes,
        mediaType: MEDIA_TYPES.ociManifest,
        digest: sha256Digest(manifestBytes),
      };
      await expect(good.putManifest('publish/auth', 'v1', manifest)).rejects.toThrow(
        /MANIFEST_BLOB_UNKNOWN|BLOB_UNKNOWN/,
      );
      expect(await good.listTags('publish/auth')).toEqual([]);

      const anonymous = createRegistryClient({ registry: address });
      await expect(anonymous.listTags('publish/auth')).rejects.toThrow(RegistryAuthError);
      await expect(anonymous.listTags('publish/auth')).rejects.toThrow(
        /requires credentials and none were found/,
      );
      const wrong = createRegistryClient({
        registry: address,
        credentials: givenCredentials({ [address]: { username: user.user, password: 'not-it' } }),
      });
      await expect(wrong.listTags('publish/auth')).rejects.toThrow(/rejected the credentials/);
    });
  }
});
