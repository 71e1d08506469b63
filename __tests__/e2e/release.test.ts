import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readImageBuildInputs } from '../../src/pipeline/inputs.js';
import { runImageBuild, type ImageBuildResult } from '../../src/pipeline/image-build.js';
import { promote } from '../../src/publish/publish.js';
import type { ManifestBytes } from '../../src/registry/tag-writer.js';
import { registryWriters } from '../../src/publish/targets.js';
import { createRegistryClient, manifestBlobs, MEDIA_TYPES, sha256Digest } from '../../src/registry/index.js';
import { processRunner } from '../../src/util/exec.js';
import { silentLogger } from '../../src/util/log.js';
import { recordingRunner } from '../helpers/ecr-recorders.js';
import { uploadBlob } from '../helpers/registry-instance.js';
import { builders, registryLogSize, registryRequests, testbed } from '../helpers/testbed.js';

const unique = `${process.pid}-${Date.now()}`;
const TAGS = [
  'type=ref,event=branch',
  'type=sha',
  'type=semver,pattern={{version}}',
  'type=semver,pattern={{major}}.{{minor}}',
  'type=semver,pattern={{major}}',
].join('\n');
const REPOSITORY_INFO = {
  name: 'app',
  html_url: 'https://github.com/acme/app',
  default_branch: 'main',
  description: 'release e2e',
  license: { spdx_id: 'MIT' },
};
const COMMITS = {
  first: 'abc1234' + '0'.repeat(33),
  second: 'def5678' + '0'.repeat(33),
  hotfix: '9a8b7c6' + '0'.repeat(33),
};
const COMMIT_DATE = '2024-04-30T08:00:00Z';

function run(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(command, args, { env, timeout: 120_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${command} ${args[0]}: ${stderr}`)) : resolve(stdout),
    ),
  );
}

/** The builder processes of a run: anything that builds (`docker build`, `docker buildx build`). */
const builds = (runner: ReturnType<typeof recordingRunner>) =>
  runner.commands.filter((command) => command.args.includes('build')).map((c) => c.args.join(' '));

for (const builder of builders(['buildx-remote', 'classic'])) {
  describe.skipIf(!builder.available)(`releases on ${builder.name}`, () => {
    const bed = testbed();
    const repository = `release/${builder.name}-${unique}`;
    const image = `${bed.registry}/${repository}`;
    const client = createRegistryClient({ registry: bed.registry });
    const context = mkdtempSync(join(tmpdir(), 'ib-release-ctx-'));
    writeFileSync(
      join(context, 'Dockerfile'),
      [
        'ARG BASE_IMAGE',
        'FROM ${BASE_IMAGE}',
        'ARG GIT_COMMIT',
        `RUN echo "${unique} $GIT_COMMIT" > /commit`,
        '',
      ].join('\n'),
    );

    /** One run of the action's pipeline, as GitHub would start it for `event`. */
    const publish = async (event: {
      name: string;
      ref: string;
      sha: string;
      payload?: Record<string, unknown>;
      inputs?: Record<string, string>;
    }) => {
      const dir = mkdtempSync(join(tmpdir(), 'ib-release-event-'));
      const eventPath = join(dir, 'event.json');
      writeFileSync(
        eventPath,
        JSON.stringify({
          repository: REPOSITORY_INFO,
          head_commit: { id: event.sha, timestamp: COMMIT_DATE },
          ...event.payload,
        }),
      );
      const values: Record<string, string> = {
        images: image,
        tags: TAGS,
        context,
        'build-args': `BASE_IMAGE=${bed.baseImage}`,
        network: 'none',
        push: 'true',
        'github-token': '',
        ...event.inputs,
      };
      const runner = recordingRunner(processRunner);
      const logBefore = registryLogSize();
      const result = await runImageBuild(
        readImageBuildInputs((name) => values[name] ?? ''),
        {
          env: {
            ...builder.env,
            GITHUB_EVENT_NAME: event.name,
            GITHUB_EVENT_PATH: eventPath,
            GITHUB_REF: event.ref,
            GITHUB_SHA: event.sha,
            GITHUB_REPOSITORY: 'acme/app',
            RUNNER_TEMP: dir,
          },
          runner,
          logger: silentLogger,
        },
      );
      return { result, runner, requests: registryRequests(logBefore, repository) };
    };
    const digestOf = async (tag: string) => (await client.headManifest(repository, tag))?.digest;
    const statuses = (result: ImageBuildResult) =>
      Object.fromEntries((result.publish?.registries[0].tags ?? []).map((t) => [t.tag, t.status]));
    const mainBuild = (sha: string) => publish({ name: 'push', ref: 'refs/heads/main', sha });
    const releaseEvent = (tag: string, sha: string) =>
      publish({
        name: 'release',
        ref: `refs/tags/${tag}`,
        sha,
        payload: {
          action: 'published',
          release: { tag_name: tag, prerelease: false, draft: false, published_at: '2024-05-01T10:00:00Z' },
        },
      });

    let main: Awaited<ReturnType<typeof publish>>;
    let release: Awaited<ReturnType<typeof publish>>;

    beforeAll(async () => {
      main = await mainBuild(COMMITS.first);
      release = await publish({ name: 'push', ref: 'refs/tags/v1.2.3', sha: COMMITS.first });
    });

    it('the branch build publishes main and sha-abc1234', async () => {
      expect(builds(main.runner)).toHaveLength(1);
      expect(main.result.metadata.tagNames).toEqual(['main', 'sha-abc1234']);
      expect(await digestOf('main')).toBe(main.result.publish?.digest);
      expect(await digestOf('sha-abc1234')).toBe(main.result.publish?.digest);
    });

    it('a v1.2.3 tag push of that commit builds nothing and uploads no blob', async () => {
      expect(release.result.reused).toMatchObject({
        reference: `${image}:sha-abc1234`,
        digest: main.result.publish?.digest,
      });
      expect(builds(release.runner)).toEqual([]);
      expect(release.result.build).toBeUndefined();
      const blobRequests = release.requests.filter((r) => r.path.includes('/blobs/'));
      expect(blobRequests).toEqual([]);
      // One HEAD finds the commit's image; then its manifest, the tag list and one PUT per tag.
      const puts = release.requests
        .filter((r) => r.method === 'PUT')
        .map((r) => r.path.split('/manifests/')[1]);
      expect([...puts].sort()).toEqual(['1', '1.2', '1.2.3', 'latest']);
      expect(
        release.requests.filter((r) => r.method === 'HEAD').map((r) => r.path.split('/manifests/')[1]),
      ).toEqual(['sha-abc1234']);
    });

    it('1.2.3, 1.2, 1 and latest name the release manifest; main and sha-abc1234 stay on the build', async () => {
      const promoted = release.result.publish?.digest as string;
      expect(promoted).not.toBe(main.result.publish?.digest);
      expect(statuses(release.result)).toEqual({
        '1.2.3': 'written',
        '1.2': 'written',
        '1': 'written',
        latest: 'written',
      });
      for (const tag of ['1.2.3', '1.2', '1', 'latest']) expect(await digestOf(tag)).toBe(promoted);
      for (const tag of ['main', 'sha-abc1234'])
        expect(await digestOf(tag)).toBe(main.result.publish?.digest);
    });

    it('the release manifest: OCI, the same config and layers, the release annotations', async () => {
      const built = await client.getManifest(repository, 'sha-abc1234');
      const promoted = await client.getManifest(repository, '1.2.3');
      expect(promoted.mediaType).toBe(MEDIA_TYPES.ociManifest);
      expect(manifestBlobs(promoted.bytes).map((b) => [b.digest, b.size])).toEqual(
        manifestBlobs(built.bytes).map((b) => [b.digest, b.size]),
      );
      const body = JSON.parse(Buffer.from(promoted.bytes).toString('utf8')) as {
        annotations: Record<string, string>;
      };
      expect(body.annotations).toMatchObject({
        'org.opencontainers.image.version': '1.2.3',
        'org.opencontainers.image.revision': COMMITS.first,
        'org.opencontainers.image.source': 'https://github.com/acme/app',
        'org.opencontainers.image.created': new Date(COMMIT_DATE).toISOString(),
      });
    });

    it('skopeo reads the release manifest: the same bytes, the build layers and labels', async () => {
      const raw = await run('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${image}:1.2.3`]);
      const promoted = await client.getManifest(repository, '1.2.3');
      expect(raw).toBe(Buffer.from(promoted.bytes).toString('utf8'));
      const inspect = (tag: string) =>
        run('skopeo', ['inspect', '--tls-verify=false', `docker://${image}:${tag}`]).then(
          (text) => JSON.parse(text) as { Digest: string; Layers: string[]; Labels: Record<string, string> },
        );
      const [release123, build] = [await inspect('1.2.3'), await inspect('sha-abc1234')];
      expect(release123.Digest).toBe(promoted.digest);
      expect(release123.Layers).toEqual(build.Layers);
      // Labels live in the config, which is the build's: its revision is the same commit.
      expect(release123.Labels).toEqual(build.Labels);
      expect(release123.Labels['org.opencontainers.image.revision']).toBe(COMMITS.first);
    });

    // Only the classic builder's client pulls into this engine: defined for it alone, not skipped elsewhere.
    if (builder.name === 'classic')
      it('docker 20.10 pulls the release manifest as the same image', async () => {
        const env = { ...builder.env };
        await run(bed.docker, ['pull', '-q', `${image}:1.2.3`], env);
        const id = (
          await run(bed.docker, ['image', 'inspect', '--format', '{{.Id}}', `${image}:1.2.3`], env)
        ).trim();
        const built = await client.getManifest(repository, 'sha-abc1234');
        expect(id).toBe(manifestBlobs(built.bytes)[0].digest);
      });

    it('a re-run of the release writes the same manifest and moves nothing', async () => {
      const again = await publish({ name: 'push', ref: 'refs/tags/v1.2.3', sha: COMMITS.first });
      expect(again.result.publish?.digest).toBe(release.result.publish?.digest);
      expect(builds(again.runner)).toEqual([]);
      expect(statuses(again.result)['1.2.3']).toBe('unchanged');
    });

    it('v2.0.0 of a later commit takes latest; a 1.2.4 hotfix (built: no image for its commit) does not', async () => {
      const second = await mainBuild(COMMITS.second);
      const two = await releaseEvent('v2.0.0', COMMITS.second);
      expect(builds(two.runner)).toEqual([]);
      expect(two.result.reused?.digest).toBe(second.result.publish?.digest);
      expect(await digestOf('latest')).toBe(two.result.publish?.digest);

      const hotfix = await releaseEvent('v1.2.4', COMMITS.hotfix);
      expect(hotfix.result.reused).toBeUndefined();
      expect(builds(hotfix.runner)).toHaveLength(1);
      expect(statuses(hotfix.result)).toMatchObject({
        '1.2.4': 'pushed',
        '1.2': 'written',
        '1': 'written',
        latest: 'held-back',
      });
      const fix = hotfix.result.publish?.digest;
      for (const tag of ['1.2.4', '1.2', '1', 'sha-9a8b7c6']) expect(await digestOf(tag)).toBe(fix);
      expect(await digestOf('latest')).toBe(two.result.publish?.digest);
      expect(await digestOf('2')).toBe(two.result.publish?.digest);
    });
  });
}

describe('a multi-platform release (a Docker manifest list) annotated in distribution 2.8', () => {
  it('becomes an OCI index over the same platform manifests, which the registry takes and skopeo reads', async () => {
    const bed = testbed();
    const repository = `release/index-${unique}`;
    const client = createRegistryClient({ registry: bed.registry });
    const children: ManifestBytes[] = [];
    for (const architecture of ['amd64', 'arm64']) {
      const config = await uploadBlob(
        bed.registry,
        repository,
        new TextEncoder().encode(
          JSON.stringify({ architecture, os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }),
        ),
      );
      const layer = await uploadBlob(
        bed.registry,
        repository,
        new TextEncoder().encode(`${architecture} ${unique}`),
      );
      const bytes = new TextEncoder().encode(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: MEDIA_TYPES.dockerManifest,
          config: { mediaType: 'application/vnd.docker.container.image.v1+json', ...config },
          layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', ...layer }],
        }),
      );
      const child = { bytes, mediaType: MEDIA_TYPES.dockerManifest, digest: sha256Digest(bytes) };
      await client.putManifest(repository, child.digest, child);
      children.push(child);
    }
    const listBytes = new TextEncoder().encode(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.dockerManifestList,
        manifests: children.map((child, index) => ({
          mediaType: child.mediaType,
          size: child.bytes.length,
          digest: child.digest,
          platform: { architecture: ['amd64', 'arm64'][index], os: 'linux' },
        })),
      }),
    );
    const list = {
      bytes: listBytes,
      mediaType: MEDIA_TYPES.dockerManifestList,
      digest: sha256Digest(listBytes),
    };
    await client.putTags(repository, list, ['sha-abc1234']);

    const logBefore = registryLogSize();
    const result = await promote({
      images: [`${bed.registry}/${repository}`],
      tags: ['1.2.3', 'latest'],
      source: `${bed.registry}/${repository}@${list.digest}`,
      annotations: { 'org.opencontainers.image.version': '1.2.3' },
      writers: registryWriters({ runner: processRunner }),
    });
    expect(registryRequests(logBefore, repository).filter((r) => r.path.includes('/blobs/'))).toEqual([]);
    const index = await client.getManifest(repository, '1.2.3');
    expect(index.digest).toBe(result.digest);
    expect(index.mediaType).toBe(MEDIA_TYPES.ociIndex);
    const raw = JSON.parse(
      await run('skopeo', [
        'inspect',
        '--raw',
        '--tls-verify=false',
        `docker://${bed.registry}/${repository}:latest`,
      ]),
    ) as { mediaType: string; manifests: { digest: string }[]; annotations: Record<string, string> };
    expect(raw.mediaType).toBe(MEDIA_TYPES.ociIndex);
    expect(raw.manifests.map((m) => m.digest)).toEqual(children.map((c) => c.digest));
    expect(raw.annotations).toEqual({ 'org.opencontainers.image.version': '1.2.3' });
    // skopeo resolves the platform through the new index to the arm64 image (Digest: the index's).
    const arm = JSON.parse(
      await run('skopeo', [
        'inspect',
        '--tls-verify=false',
        '--override-arch',
        'arm64',
        `docker://${bed.registry}/${repository}:1.2.3`,
      ]),
    ) as { Digest: string; Architecture: string };
    expect(arm).toMatchObject({ Digest: index.digest, Architecture: 'arm64' });
  });
});
