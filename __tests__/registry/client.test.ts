import { describe, expect, it } from 'vitest';
import { createRegistryClient, nextPage } from '../../src/registry/client.js';
import { givenCredentials } from '../../src/registry/credentials.js';
import { MEDIA_TYPES, sha256Digest } from '../../src/registry/manifest.js';
import { RegistryAuthError } from '../../src/registry/transport/transport.js';
import type { Logger } from '../../src/util/log.js';
import { silentLogger } from '../../src/util/log.js';
import { fakeRegistry } from './fake-registry.js';

// Deliberately unusual spacing: a client that re-serialised the JSON would change the digest.
const bytes = new TextEncoder().encode(
  '{"schemaVersion":2,  "mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}',
);
const manifest = { bytes, mediaType: MEDIA_TYPES.ociManifest, digest: sha256Digest(bytes) };
const creds = givenCredentials({ 'reg.test': { username: 'bot', password: 's3cret-pw' } });

function client(
  registry: ReturnType<typeof fakeRegistry>,
  extra: { logger?: Logger; tagParameters?: 'auto' | 'never' } = {},
) {
  return createRegistryClient({
    registry: 'reg.test',
    credentials: creds,
    http: registry.client,
    retry: { sleep: async () => undefined },
    ...extra,
  });
}

describe('registry client over bearer auth', () => {
  it('gets a token with the credentials once per scope and keeps exact manifest bytes', async () => {
    const registry = fakeRegistry({ auth: 'bearer', user: 'bot', password: 's3cret-pw' });
    const secrets: string[] = [];
    const c = client(registry, { logger: { ...silentLogger, setSecret: (s) => void secrets.push(s) } });
    await c.putManifest('app', '1.0.0', manifest);
    const read = await c.getManifest('app', '1.0.0');
    expect(Buffer.from(read.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(read.digest).toBe(manifest.digest);
    expect(read.mediaType).toBe(MEDIA_TYPES.ociManifest);
    expect(await c.resolveTag('app', '1.0.0')).toBe(manifest.digest);
    expect(await c.resolveTag('app', 'missing')).toBeUndefined();
    expect(registry.log.filter((l) => l.startsWith('GET /token'))).toHaveLength(2); // push scope, then pull scope
    expect(secrets).toEqual(expect.arrayContaining(['s3cret-pw', 'tok-123']));
  });

  it('says clearly when credentials are missing or rejected', async () => {
    const registry = fakeRegistry({ auth: 'bearer', user: 'bot', password: 'other' });
    await expect(client(registry).listTags('app')).rejects.toThrow(/token service rejected the credentials/);
    const basic = fakeRegistry({ auth: 'basic', user: 'bot', password: 'pw' });
    const anonymous = createRegistryClient({ registry: 'reg.test', http: basic.client });
    await expect(anonymous.ping()).rejects.toThrow(RegistryAuthError);
    await expect(anonymous.ping()).rejects.toThrow(/requires credentials and none were found/);
    await expect(client(basic).ping()).rejects.toThrow(/rejected the credentials/);
  });
});

describe('putTags', () => {
  it('by default one PUT per tag: no ?tag= probe that a registry would ignore on every publish', async () => {
    const registry = fakeRegistry({ auth: 'none', tagParameters: true });
    await client(registry).putTags('app', manifest, ['a', 'b', 'c']);
    expect(registry.log.filter((l) => l.startsWith('PUT'))).toEqual([
      'PUT /v2/app/manifests/a',
      'PUT /v2/app/manifests/b',
      'PUT /v2/app/manifests/c',
    ]);
  });

  it('auto: uses one PUT with ?tag= when the registry confirms with OCI-Tag, and remembers it', async () => {
    const registry = fakeRegistry({ auth: 'none', tagParameters: true });
    const c = client(registry, { tagParameters: 'auto' });
    await c.putTags('app', manifest, ['a', 'b', 'c']);
    await c.putTags('app', manifest, ['d', 'e']);
    const puts = registry.log.filter((l) => l.startsWith('PUT'));
    expect(puts).toEqual([
      `PUT /v2/app/manifests/${manifest.digest}?tag=a&tag=b&tag=c`,
      `PUT /v2/app/manifests/${manifest.digest}?tag=d&tag=e`,
    ]);
    expect([...registry.tags.keys()].sort()).toEqual(['app:a', 'app:b', 'app:c', 'app:d', 'app:e']);
  });

  it('auto: falls back to one PUT per tag, probing only once and only when it can pay off', async () => {
    const registry = fakeRegistry({ auth: 'none', tagParameters: false });
    const c = client(registry, { tagParameters: 'auto' });
    await c.putTags('app', manifest, ['x', 'y']);
    await c.putTags('app', manifest, ['a', 'b', 'c']);
    await c.putTags('app', manifest, ['d', 'e', 'f']);
    const puts = registry.log.filter((l) => l.startsWith('PUT'));
    expect(puts).toEqual([
      'PUT /v2/app/manifests/x',
      'PUT /v2/app/manifests/y',
      `PUT /v2/app/manifests/${manifest.digest}?tag=a&tag=b&tag=c`,
      'PUT /v2/app/manifests/a',
      'PUT /v2/app/manifests/b',
      'PUT /v2/app/manifests/c',
      'PUT /v2/app/manifests/d',
      'PUT /v2/app/manifests/e',
      'PUT /v2/app/manifests/f',
    ]);
  });
});

describe('listTags', () => {
  it('follows Link pagination to the end', async () => {
    const registry = fakeRegistry({ auth: 'none', pageSize: 2 });
    const c = client(registry);
    const names = ['t1', 't2', 't3', 't4', 't5'];
    for (const t of names) await c.putManifest('app', t, manifest);
    expect(await c.listTags('app')).toEqual(names);
    expect(registry.log.filter((l) => l.includes('/tags/list'))).toHaveLength(3);
    expect(await c.listTags('nothing-here')).toEqual([]);
  });

  it('reads next links, relative or absolute', () => {
    expect(nextPage('</v2/a/tags/list?last=x&n=2>; rel="next"', 'http://r')).toBe(
      '/v2/a/tags/list?last=x&n=2',
    );
    expect(nextPage('<https://r/v2/a/tags/list?last=y>; rel=next', 'https://r')).toBe(
      '/v2/a/tags/list?last=y',
    );
    expect(nextPage(undefined, 'http://r')).toBeUndefined();
  });
});
