import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BuildFiles } from '../../src/build/index.js';
import { parseImagesFile } from '../../src/graph/index.js';
import { readGraphImage } from '../../src/pipeline/graph-images.js';
import { readImageBuildInputs } from '../../src/pipeline/inputs.js';
import {
  decideReleaseReuse,
  findCommitImage,
  releaseHoldReason,
  releasePromote,
  type ReusedImage,
} from '../../src/pipeline/release.js';
import type { TagWriter } from '../../src/registry/tag-writer.js';
import { computeMetadata } from '../../src/tags/compute.js';
import type { RunContext } from '../../src/tags/types.js';
import { processRunner } from '../../src/util/exec.js';
import { silentLogger } from '../../src/util/log.js';
import { helloWorld, runContext } from '../tags/fixtures.js';

const SHA = 'abc1234def5678abc1234def5678abc1234def56';
const IMAGES = 'ghcr.io/acme/app';
const TAGS =
  'type=ref,event=branch\ntype=sha\ntype=semver,pattern={{version}}\ntype=semver,pattern={{major}}';

function setup(values: Record<string, string>, context: Partial<RunContext>) {
  const all: Record<string, string> = {
    images: IMAGES,
    tags: TAGS,
    push: 'true',
    context: '/ctx',
    ...values,
  };
  const inputs = readImageBuildInputs((name) => all[name] ?? '');
  const run = runContext({ sha: SHA, ...context });
  const metadata = computeMetadata(inputs.metadata, run, helloWorld, {
    now: new Date('2024-06-01T00:00:00Z'),
    logger: silentLogger,
  });
  return { inputs, run, metadata };
}

/** A disk holding one Dockerfile. */
const disk = (path: string, text: string): BuildFiles => ({
  isDirectory: () => true,
  isFile: (p) => p === path,
  readText: (p) => {
    if (p !== path) throw new Error(`no ${p}`);
    return text;
  },
});

const tagPush = { ref: 'refs/tags/v1.2.3' };

describe('a release run decides on reuse from its tags and Dockerfile', () => {
  it('looks for sha-<commit> on a version tag when the Dockerfile bakes no version in', () => {
    const { inputs, run, metadata } = setup({}, tagPush);
    const files = disk('/ctx/Dockerfile', 'FROM busybox\nARG GIT_COMMIT\nCOPY . /app\n');
    expect(decideReleaseReuse(inputs, metadata, run, { files })).toEqual({ look: true, tag: 'sha-abc1234' });
  });

  it('builds when the Dockerfile declares ARG VERSION (the file input is followed), unless reuse-commit is true', () => {
    const { inputs, run, metadata } = setup({ file: 'docker/app.Dockerfile' }, tagPush);
    const files = disk('/work/docker/app.Dockerfile', 'ARG VERSION\nFROM busybox\n');
    const decision = decideReleaseReuse(inputs, metadata, run, { files, cwd: '/work' });
    expect(decision).toEqual({
      look: false,
      reason: expect.stringContaining('declares ARG VERSION') as string,
    });
    const forced = setup({ file: 'docker/app.Dockerfile', 'reuse-commit': 'true' }, tagPush);
    expect(decideReleaseReuse(forced.inputs, forced.metadata, forced.run, { files, cwd: '/work' })).toEqual({
      look: true,
      tag: 'sha-abc1234',
    });
  });

  it('builds on a branch push, and without reading the Dockerfile', () => {
    const { inputs, run, metadata } = setup({}, { ref: 'refs/heads/main' });
    const files: BuildFiles = {
      isDirectory: () => true,
      isFile: () => {
        throw new Error('read');
      },
      readText: () => {
        throw new Error('read');
      },
    };
    expect(decideReleaseReuse(inputs, metadata, run, { files })).toEqual({
      look: false,
      reason: 'this run is not a release',
    });
  });
});

/** A tag writer over a map of repository → tag → digest, counting its requests. */
function writers(registries: Record<string, Record<string, string>>) {
  const requests: string[] = [];
  const factory = (registry: string): TagWriter => ({
    resolveTag: async (repository, tag) => {
      requests.push(`HEAD ${registry}/${repository}:${tag}`);
      return registries[`${registry}/${repository}`]?.[tag];
    },
    listTags: async () => [],
    getManifest: async () => {
      throw new Error('not here');
    },
    putTags: async () => undefined,
  });
  return { factory, requests };
}

describe('finding the commit image: one request per repository', () => {
  it('found when every repository has the tag on the same manifest; promoted by digest', async () => {
    const { factory, requests } = writers({
      'ghcr.io/acme/app': { 'sha-abc1234': 'sha256:aaa' },
      '1234.dkr.ecr.eu-west-1.amazonaws.com/app': { 'sha-abc1234': 'sha256:aaa' },
    });
    const result = await findCommitImage(
      ['ghcr.io/acme/app', '1234.dkr.ecr.eu-west-1.amazonaws.com/app'],
      'sha-abc1234',
      factory,
    );
    expect(result).toEqual({
      found: {
        source: 'ghcr.io/acme/app@sha256:aaa',
        reference: 'ghcr.io/acme/app:sha-abc1234',
        tag: 'sha-abc1234',
        digest: 'sha256:aaa',
      },
    });
    expect(requests).toEqual([
      'HEAD ghcr.io/acme/app:sha-abc1234',
      'HEAD 1234.dkr.ecr.eu-west-1.amazonaws.com/app:sha-abc1234',
    ]);
  });

  it('missing in one repository, or another manifest there: the reason (the run builds)', async () => {
    const missing = await findCommitImage(
      ['ghcr.io/acme/app', 'quay.io/acme/app'],
      'sha-abc1234',
      writers({ 'ghcr.io/acme/app': { 'sha-abc1234': 'sha256:aaa' } }).factory,
    );
    expect(missing).toEqual({ reason: 'quay.io/acme/app:sha-abc1234 does not exist' });
    const differs = await findCommitImage(
      ['ghcr.io/acme/app', 'quay.io/acme/app'],
      'sha-abc1234',
      writers({
        'ghcr.io/acme/app': { 'sha-abc1234': 'sha256:aaa' },
        'quay.io/acme/app': { 'sha-abc1234': 'sha256:bbb' },
      }).factory,
    );
    expect(differs).toEqual({ reason: 'quay.io/acme/app:sha-abc1234 is sha256:bbb, not sha256:aaa' });
  });
});

const reused: ReusedImage = {
  source: 'ghcr.io/acme/app@sha256:aaa',
  reference: 'ghcr.io/acme/app:sha-abc1234',
  tag: 'sha-abc1234',
  digest: 'sha256:aaa',
};

describe('what a reused release publishes', () => {
  it('every release tag but the commit one, on a manifest with the release annotations', () => {
    const { inputs, run, metadata } = setup({}, { ...tagPush, commitDate: new Date('2024-04-30T08:00:00Z') });
    const promote = releasePromote(reused, inputs, metadata, run, {});
    expect(promote.source).toBe('ghcr.io/acme/app@sha256:aaa');
    expect(promote.tags).toEqual(['1.2.3', '1', 'latest']);
    expect(promote.annotations).toMatchObject({
      'org.opencontainers.image.version': '1.2.3',
      'org.opencontainers.image.revision': SHA,
      'org.opencontainers.image.source': 'https://github.com/octocat/Hello-World',
      // Not now (2024-06-01): the commit date, the same on every re-run.
      'org.opencontainers.image.created': '2024-04-30T08:00:00.000Z',
    });
  });

  it('created: SOURCE_DATE_EPOCH, else the release publication date, else the commit date', () => {
    const event = {
      eventName: 'release',
      ref: 'refs/tags/v1.2.3',
      payload: { release: { tag_name: 'v1.2.3', published_at: '2024-05-01T10:00:00Z' } },
    };
    const { inputs, run, metadata } = setup({}, event);
    const created = (env: NodeJS.ProcessEnv) =>
      releasePromote(reused, inputs, metadata, run, env).annotations?.['org.opencontainers.image.created'];
    expect(created({})).toBe('2024-05-01T10:00:00.000Z');
    expect(created({ SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14T22:13:20.000Z');
  });

  it('without release annotations: the commit manifest under every tag, the commit one included', () => {
    const { inputs, run, metadata } = setup(
      { 'release-annotations': 'false', 'primary-tag': '1.2.3' },
      tagPush,
    );
    expect(releasePromote(reused, inputs, metadata, run, {})).toEqual({
      source: 'ghcr.io/acme/app@sha256:aaa',
      tags: ['1.2.3', '1', 'sha-abc1234', 'latest'],
      primaryTag: '1.2.3',
    });
  });

  it('a primary-tag naming the commit tag is dropped (that tag stays where it is)', () => {
    const { inputs, run, metadata } = setup({ 'primary-tag': 'sha-abc1234' }, tagPush);
    expect(releasePromote(reused, inputs, metadata, run, {}).primaryTag).toBeUndefined();
  });
});

describe('a GitHub release flagged pre-release or draft', () => {
  const event = (release: Record<string, unknown>) =>
    runContext({
      eventName: 'release',
      ref: 'refs/tags/v2.0.0',
      payload: { release: { tag_name: 'v2.0.0', ...release } },
    });
  it('gives the guard its reason; any other run none', () => {
    expect(releaseHoldReason(event({ prerelease: true }))).toBe(
      'the GitHub release v2.0.0 is marked as a pre-release',
    );
    expect(releaseHoldReason(event({ draft: true }))).toBe('the GitHub release v2.0.0 is a draft');
    expect(releaseHoldReason(event({}))).toBeUndefined();
    expect(releaseHoldReason(runContext({ ref: 'refs/tags/v2.0.0' }))).toBeUndefined();
  });
});

describe('in a graph', () => {
  it("each image's run never reuses by commit: the graph's inputs hash decides (a parent may have been rebuilt)", async () => {
    const examples = fileURLToPath(new URL('../../examples/graph/', import.meta.url));
    const file = parseImagesFile(
      readFileSync(join(examples, 'image-build.yml'), 'utf8'),
      join(examples, 'image-build.yml'),
      examples,
    );
    const values: Record<string, string> = { push: 'true', 'reuse-commit': 'true', 'github-token': '' };
    const image = await readGraphImage(
      file.images[0],
      {
        file,
        read: (name) => values[name] ?? '',
        registry: 'registry.test/platform',
        level: 0,
        now: new Date(),
      },
      {
        env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.2.3', GITHUB_SHA: SHA },
        runner: processRunner,
      },
    );
    expect(image.inputs.publish.reuseCommit).toBe('never');
  });
});
