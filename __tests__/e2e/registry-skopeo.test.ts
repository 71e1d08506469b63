import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryClient } from '../../src/registry/client.js';
import { givenCredentials } from '../../src/registry/credentials.js';
import { manifestConfigDigest, MEDIA_TYPES, sha256Digest } from '../../src/registry/manifest.js';
import {
  ociManifest,
  type RegistryInstance,
  startRegistry,
  uploadBlob,
} from '../helpers/registry-instance.js';
import { testbed } from '../helpers/testbed.js';

/**
 * skopeo (containers/image) is a registry client we did not write ours against: what one writes, the
 * other must read byte for byte, and the token server of our test registries must satisfy it too.
 */
const unique = `${process.pid}-${Date.now()}`;
const work = mkdtempSync(join(tmpdir(), 'ib-skopeo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Runs skopeo without blocking: the token server of a private test registry lives in this process and
 * must keep answering. Resolves with stdout; rejects with skopeo's stderr.
 */
function skopeo(args: string[]): Promise<Buffer> {
  // Registries here are plain HTTP on loopback; --tls-verify=false lets skopeo fall back to HTTP.
  return new Promise((resolve, reject) =>
    execFile('skopeo', args, { timeout: 60_000, encoding: 'buffer' }, (error, stdout, stderr) =>
      error ? reject(new Error(`skopeo ${args[0]}: ${stderr.toString()}`)) : resolve(stdout),
    ),
  );
}
const inspectRaw = (reference: string, extra: string[] = []) =>
  skopeo(['inspect', '--raw', '--tls-verify=false', ...extra, `docker://${reference}`]);

/** `skopeo copy` between two plain-HTTP loopback registries (no signature policy involved). */
const skopeoCopy = (from: string, to: string, extra: string[] = []) =>
  skopeo([
    'copy',
    '--quiet',
    '--insecure-policy',
    '--src-tls-verify=false',
    '--dest-tls-verify=false',
    ...extra,
    `docker://${from}`,
    `docker://${to}`,
  ]);

describe('what our client writes, skopeo reads identically', () => {
  const repository = `skopeo/ours-${unique}`;
  let manifest: { bytes: Uint8Array; mediaType: string; digest: string };

  beforeAll(async () => {
    const bed = testbed();
    const config = await uploadBlob(
      bed.registry,
      repository,
      new TextEncoder().encode(
        `{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}`,
      ),
    );
    const layer = await uploadBlob(bed.registry, repository, new TextEncoder().encode(`layer ${unique}`));
    const bytes = ociManifest(config, layer);
    manifest = { bytes, mediaType: MEDIA_TYPES.ociManifest, digest: sha256Digest(bytes) };
  });

  it('a manifest PUT by tag: same bytes, same digest, same tag list', async () => {
    const client = createRegistryClient({ registry: testbed().registry });
    await client.putTags(repository, manifest, ['1.0.0', '1.0', 'latest']);
    for (const tag of ['1.0.0', '1.0', 'latest']) {
      const read = await inspectRaw(`${testbed().registry}/${repository}:${tag}`);
      expect(read.equals(Buffer.from(manifest.bytes)), tag).toBe(true);
    }
    const inspected = JSON.parse(
      (
        await skopeo(['inspect', '--tls-verify=false', `docker://${testbed().registry}/${repository}:1.0`])
      ).toString(),
    ) as { Digest: string };
    expect(inspected.Digest).toBe(manifest.digest);
    const listed = JSON.parse(
      (
        await skopeo(['list-tags', '--tls-verify=false', `docker://${testbed().registry}/${repository}`])
      ).toString(),
    ) as { Tags: string[] };
    expect(listed.Tags.sort()).toEqual((await client.listTags(repository)).sort());
  });

  it('an OCI index PUT by tag reads back as the same bytes', async () => {
    const client = createRegistryClient({ registry: testbed().registry });
    await client.putTags(repository, manifest, ['single']);
    const index = new TextEncoder().encode(
      `{"schemaVersion":2,"mediaType":"${MEDIA_TYPES.ociIndex}","manifests":[{"mediaType":"${MEDIA_TYPES.ociManifest}","digest":"${manifest.digest}","size":${manifest.bytes.length},"platform":{"architecture":"amd64","os":"linux"}}]}`,
    );
    await client.putTags(
      repository,
      { bytes: index, mediaType: MEDIA_TYPES.ociIndex, digest: sha256Digest(index) },
      ['multi'],
    );
    const read = await inspectRaw(`${testbed().registry}/${repository}:multi`);
    expect(read.equals(Buffer.from(index))).toBe(true);
  });
});

describe('what skopeo writes, our client reads identically', () => {
  it('an image copied and converted to OCI by skopeo: same manifest bytes, digest and config', async () => {
    const bed = testbed();
    const target = `${bed.registry}/skopeo/theirs-${unique}:copied`;
    const digestFile = join(work, 'digest');
    await skopeoCopy(bed.baseImage, target, ['--format', 'oci', '--digestfile', digestFile]);
    const client = createRegistryClient({ registry: bed.registry });
    const ours = await client.getManifest(`skopeo/theirs-${unique}`, 'copied');
    expect(ours.mediaType).toBe(MEDIA_TYPES.ociManifest);
    expect(Buffer.from(ours.bytes).equals(await inspectRaw(target))).toBe(true);
    expect(ours.digest).toBe(readFileSync(digestFile, 'utf8').trim());
    const config = await client.getBlob(
      `skopeo/theirs-${unique}`,
      manifestConfigDigest(ours.bytes) as string,
    );
    expect(Buffer.from(config).equals(await inspectRaw(target, ['--config']))).toBe(true);
  });
});

describe('our token server (the test registries use it) satisfies skopeo', () => {
  const user = { user: 'publisher', password: `pw-${unique}` };
  let registry: RegistryInstance;
  beforeAll(async () => {
    registry = await startRegistry({ token: user });
  });
  afterAll(async () => {
    await registry?.stop();
  });

  it('skopeo with the credentials reads what our client wrote with them; without them it is refused', async () => {
    const bed = testbed();
    const repository = `skopeo/token-${unique}`;
    const client = createRegistryClient({
      registry: registry.address,
      credentials: givenCredentials({ [registry.address]: { username: user.user, password: user.password } }),
    });
    // Blobs come from the test bed's registry by a copy without auth on that side.
    await skopeoCopy(bed.baseImage, `${registry.address}/${repository}:base`, [
      '--dest-authfile',
      authFile(registry.address, user),
    ]);
    const base = await client.getManifest(repository, 'base');
    await client.putTags(repository, base, ['ours']);
    const read = await inspectRaw(`${registry.address}/${repository}:ours`, [
      '--authfile',
      authFile(registry.address, user),
    ]);
    expect(read.equals(Buffer.from(base.bytes))).toBe(true);
    await expect(
      inspectRaw(`${registry.address}/${repository}:ours`, [
        '--authfile',
        authFile(registry.address, { user: user.user, password: 'wrong' }),
      ]),
    ).rejects.toThrow(/unauthorized|authentication required|401/i);
  });
});

/** A containers-auth.json file (credentials stay out of skopeo's argv). */
function authFile(address: string, user: { user: string; password: string }): string {
  const path = join(work, `auth-${user.password}.json`);
  const auth = Buffer.from(`${user.user}:${user.password}`).toString('base64');
  writeFileSync(path, JSON.stringify({ auths: { [address]: { auth } } }), { mode: 0o600 });
  return path;
}
