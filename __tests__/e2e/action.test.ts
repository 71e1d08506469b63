import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ActionRun, buildActionBundle, repositoryRoot, runAction } from '../helpers/action-run.js';
import {
  type BuilderName,
  type BuilderUnderTest,
  describeEachBuilder,
  registryLogSize,
  registryManifest,
  type RegistryRequest,
  registryRequests,
  testbed,
} from '../helpers/testbed.js';

// The bundle GitHub runs, not the sources: this is what users get.
const demo = join(repositoryRoot, 'examples/demo');

const CACHE_CONFIG = 'application/vnd.buildkit.cacheconfig.v0';

/**
 * The default cache (`auto`) each builder gets when pushing, as the registry shows it afterwards, and
 * when it is written relative to the tags.
 */
const DEFAULT_CACHE: Record<
  BuilderName,
  { buildcache: 'registry-cache' | 'the image' | 'inline image'; stageImages: boolean; written: string }
> = {
  // A mode=max registry cache (an index holding BuildKit's cache config), exported during the build.
  'buildx-remote': { buildcache: 'registry-cache', stageImages: false, written: 'during the build' },
  // The engine's builders (the docker driver, the classic builder): inline cache, so the image carries
  // it and the cache ref is one more tag on it, plus one inline-cache image per other stage, pushed
  // after the tags.
  'buildx-docker': { buildcache: 'the image', stageImages: true, written: 'after the tags' },
  classic: { buildcache: 'the image', stageImages: true, written: 'after the tags' },
};

async function resolveTag(repository: string, tag: string): Promise<string | undefined> {
  return (await registryManifest(repository, tag))?.digest;
}

/** Inputs and a context of the demo, with a file the release marker changes. */
function demoRelease(builder: BuilderUnderTest | undefined) {
  let context = '';
  beforeAll(() => {
    buildActionBundle();
    context = mkdtempSync(join(tmpdir(), 'ib-action-ctx-'));
    cpSync(demo, context, { recursive: true });
  });
  const inputs = (repository: string) => ({
    images: `${testbed().registry}/${repository}`,
    tags: [
      'type=semver,pattern={{version}}',
      'type=semver,pattern={{major}}.{{minor}}',
      'type=semver,pattern={{major}}',
      'type=sha',
    ].join('\n'),
    context,
    'build-args': `BASE_IMAGE=${testbed().baseImage}`,
    network: 'none',
    push: 'true',
    'github-token': '',
    'metadata-context': 'workflow',
  });
  const release = (
    repository: string,
    version: string,
    marker: string,
    env: Record<string, string> = {},
    extraInputs: Record<string, string> = {},
  ) => {
    writeFileSync(join(context, 'app/server.sh'), `#!/bin/sh\necho "${marker}"\n`);
    return runAction(
      'main',
      { ...inputs(repository), ...extraInputs },
      { builder, env: { GITHUB_REF: `refs/tags/v${version}`, ...env } },
    );
  };
  return { inputs, release };
}

describeEachBuilder('the action bundle against the real builder and registry', (builder) => {
  const unique = `${builder.name}-${process.pid}`;
  const { inputs, release } = demoRelease(builder);
  const expected = DEFAULT_CACHE[builder.name];

  it('builds, pushes one tag, adds the others by manifest PUT, writes the default cache, and reports sizes', async () => {
    const repository = `action/app-${unique}`;
    const before = registryLogSize();
    const run = release(repository, '1.2.3', 'first');
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toContain(
      builder.name === 'classic' ? 'Building with the engine builder' : 'Building with buildx',
    );

    const digest = run.outputs.digest;
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(run.outputs['tag-names'].split('\n')).toEqual(['1.2.3', '1.2', '1', 'sha-0123456', 'latest']);
    for (const tag of run.outputs['tag-names'].split('\n'))
      expect(await resolveTag(repository, tag)).toBe(digest);

    // The builder's push of 1.2.3 comes first; then every other tag is one manifest PUT, with no blob
    // traffic between the first and the last of them.
    const requests = registryRequests(before, repository);
    const manifestPut = (reference: string) =>
      requests.findIndex((r) => r.method === 'PUT' && r.path.endsWith(`/manifests/${reference}`));
    const primary = manifestPut('1.2.3');
    const others = ['1.2', '1', 'sha-0123456', 'latest'].map(manifestPut);
    expect(primary).toBeGreaterThanOrEqual(0);
    expect(Math.min(...others)).toBeGreaterThan(primary);
    const tagWrites = requests.slice(Math.min(...others), Math.max(...others) + 1);
    expect(tagWrites.filter((r) => r.path.includes('/blobs/'))).toEqual([]);
    const puts = tagWrites.filter((r) => r.method === 'PUT').map((r) => r.path.split('/manifests/')[1]);
    expect([...puts].sort()).toEqual(['1', '1.2', 'latest', 'sha-0123456']);

    // The default cache for the next run, as this builder writes it.
    const cache = await registryManifest(repository, 'buildcache');
    const cacheManifests = (cache?.body.manifests ?? []) as { mediaType: string }[];
    const kind = cacheManifests.some((entry) => entry.mediaType === CACHE_CONFIG)
      ? 'registry-cache'
      : cache?.digest === digest
        ? 'the image'
        : cache && !cache.mediaType.includes('index')
          ? 'inline image'
          : 'none';
    expect(kind).toBe(expected.buildcache);
    expect(Boolean(await registryManifest(repository, 'buildcache-builder'))).toBe(expected.stageImages);
    const cacheWrite = manifestPut('buildcache');
    expect(cacheWrite).toBeGreaterThanOrEqual(0);
    expect(cacheWrite > Math.max(...others) ? 'after the tags' : 'during the build').toBe(expected.written);
    if (expected.written === 'during the build') expect(cacheWrite).toBeLessThan(Math.min(...others));
    // An image that carries its cache gets the cache ref as one more manifest PUT after the tags.
    if (expected.buildcache === 'the image') {
      const between = requests.slice(Math.max(...others) + 1, cacheWrite + 1);
      expect(between.filter((r) => r.path.includes('/blobs/'))).toEqual([]);
      expect(between.filter((r) => r.method === 'PUT')).toHaveLength(1);
    }

    // metadata's annotations reach the manifest on the remote builder even on buildx 0.10 (no
    // --annotation: they go through the image exporter's attributes, in an OCI manifest); the engine's
    // exporter behind the docker driver and the classic builder cannot write them (the labels carry them).
    const manifest = await registryManifest(repository, '1.2.3');
    const annotations = (manifest?.body.annotations ?? {}) as Record<string, string>;
    if (builder.name === 'buildx-remote') {
      expect(manifest?.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
      expect(annotations['org.opencontainers.image.version']).toBe('1.2.3');
      expect(annotations['org.opencontainers.image.source']).toBe('https://github.com/acme/app');
    } else {
      expect(annotations).toEqual({});
    }
    expect(run.outputs.labels).toContain('org.opencontainers.image.version=1.2.3');
    expect(run.outputs.labels).toContain('org.opencontainers.image.source=https://github.com/acme/app');
    expect(run.summary).toMatch(/\| Compressed size \(pull\) \| [\d.]+ (B|KiB|MiB) /);
    // The demo's runtime stage sets USER nobody.
    expect(run.summary).toMatch(/\| ✅ \| Runs as non-root \| USER nobody \|/);
    expect(run.summary).toContain(`\`${digest}\``);
    const steps = JSON.parse(run.outputs.steps) as { instruction: string }[];
    expect(steps.some((step) => step.instruction.startsWith('COPY app/'))).toBe(true);
    expect(Number(run.outputs['cache-hit-ratio'])).toBeGreaterThanOrEqual(0);
  });

  it('does not let a hotfix on an old major take latest, and says so', async () => {
    const repository = `action/guard-${unique}`;
    expect(release(repository, '2.0.0', 'two').status).toBe(0);
    const latest = await resolveTag(repository, 'latest');
    const hotfix = release(repository, '1.4.3', 'hotfix');
    expect(hotfix.status, hotfix.stdout).toBe(0);
    expect(await resolveTag(repository, 'latest')).toBe(latest);
    expect(await resolveTag(repository, '1')).toBe(hotfix.outputs.digest);
    expect(hotfix.outputs['held-back'].split('\n')).toEqual([`${testbed().registry}/${repository}:latest`]);
    expect(hotfix.summary).toContain('held-back');
  });

  describe('re-running a release with SOURCE_DATE_EPOCH', () => {
    const repository = `action/rerun-${unique}`;
    const pinned = { SOURCE_DATE_EPOCH: '1700000000' };
    let first: ActionRun;
    let again: ActionRun;
    let requests: RegistryRequest[];
    beforeAll(() => {
      // The default cache included: inline cache records stay out of the published image.
      first = release(repository, '3.0.0', 'same', pinned);
      const before = registryLogSize();
      again = release(repository, '3.0.0', 'same', pinned);
      requests = registryRequests(before, repository);
    });

    it('rebuilds the same image', () => {
      expect(first.status, first.stdout).toBe(0);
      expect(first.outputs.labels).toContain('org.opencontainers.image.created=2023-11-14T22:13:20.000Z');
      expect(again.status, again.stdout).toBe(0);
      expect(again.outputs.imageid).toBe(first.outputs.imageid);
      expect(again.outputs.digest).toBe(first.outputs.digest);
    });

    it('writes no release tag, moves no tag and uploads no layer', async () => {
      const manifestWrites = requests
        .filter((r) => r.method === 'PUT' && r.path.includes('/manifests/'))
        .map((r) => r.path.split('/manifests/')[1]);
      const uploads = requests.filter((r) => r.method === 'PUT' && r.path.includes('/blobs/uploads/'));
      // The engine's builders (classic, buildx's docker driver) build first and know before pushing
      // that 3.0.0 already holds this image, so they check every tag and write none. The remote
      // builder pushes inside the build (its pusher skips the manifest the registry holds), so the
      // moving tags get the same bytes again (one PUT each, as a HEAD would cost).
      expect(manifestWrites.filter((reference) => !reference.startsWith('buildcache')).sort()).toEqual(
        builder.name === 'buildx-remote' ? ['3', '3.0', 'latest'] : [],
      );
      for (const tag of ['3.0.0', '3.0', '3', 'latest'])
        expect(await resolveTag(repository, tag)).toBe(first.outputs.digest);
      // What is left is the cache: inline-cache images whose configs hold records that change on
      // every build (classic: one per stage; the docker driver: one), each one config upload and one
      // manifest PUT, or the registry cache.
      expect(uploads.length).toBeLessThanOrEqual(manifestWrites.length);
      // The engine's builders say so; the remote builder cannot tell (it says pushed, though no PUT
      // reached 3.0.0).
      expect(again.summary).toMatch(
        builder.name === 'buildx-remote'
          ? /[^ ]*:3\\?\.0\\?\.0 \((pushed|unchanged)\)/
          : /[^ ]*:3\\?\.0\\?\.0 \(unchanged\)/,
      );
    });
  });

  it('rejects input this builder cannot honour before building or pushing anything', () => {
    const repository = `action/bad-builder-${unique}`;
    const before = registryLogSize();
    const bad: Record<BuilderName, [Record<string, string>, RegExp]> = {
      'buildx-remote': [
        { builder: 'no-such-builder' },
        /input "builder".*no usable buildx builder "no-such-builder"/,
      ],
      'buildx-docker': [
        { cache: 'registry' },
        /input "cache".*"registry" needs a builder that can export a cache/,
      ],
      classic: [{ outputs: 'type=registry' }, /input "outputs".*the classic builder cannot export/],
    };
    const [extra, message] = bad[builder.name];
    const run = runAction(
      'main',
      { ...inputs(repository), ...extra },
      {
        builder,
        env: { GITHUB_REF: 'refs/tags/v1.0.0' },
      },
    );
    expect(run.status).not.toBe(0);
    expect(run.stdout).toMatch(message);
    expect(registryRequests(before, repository)).toEqual([]);
  });
});

describe('the action bundle: steps that need no builder', () => {
  const { inputs } = demoRelease(undefined);

  it('rejects bad tags before building or pushing anything', () => {
    const repository = `action/bad-${process.pid}`;
    const before = registryLogSize();
    const run = runAction(
      'main',
      { ...inputs(repository), tags: 'type=semver,pattern={{version}}\ntype=bogus' },
      { env: { GITHUB_REF: 'refs/tags/v1.0.0' } },
    );
    expect(run.status).not.toBe(0);
    expect(run.stdout).toMatch(/input "tags", line 2/);
    expect(registryRequests(before, repository)).toEqual([]);
  });

  it('post step logs out of the registries main logged in to and deletes the temporary Docker config', () => {
    const config = mkdtempSync(join(tmpdir(), 'ib-ecr-docker-'));
    const registry = testbed().registry;
    const auth = Buffer.from('AWS:not-a-real-password').toString('base64');
    writeFileSync(join(config, 'config.json'), JSON.stringify({ auths: { [registry]: { auth } } }));
    const state = JSON.stringify({ ecrLogin: { dockerConfig: config, registries: [registry] } });
    const run = runAction('post', {}, { env: { STATE_post: state } });
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toContain(`Removed the ECR Docker config ${config}`);
    expect(existsSync(config)).toBe(false);
  });
});
