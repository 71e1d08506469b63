import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildActionBundle,
  repositoryRoot as ROOT,
  runActionAsync,
  type ActionRun,
  type ActionRunOptions,
} from '../helpers/action-run.js';
import { copyGateway, type GatewayCopy } from '../helpers/build-fixture.js';
import {
  GITHUB_ACTIONS_BOT,
  startGitHubApiServer,
  type GitHubApiServer,
} from '../helpers/github-api-server.js';
import { builders, testbed, type BuilderUnderTest } from '../helpers/testbed.js';

// The report as users get it: the bundled action on the real engine and registry, the comments on the
// loopback GitHub API emulator, the CLI's report on what the action built.

const TOKEN = 'ghs_emulated0123456789';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const MANIFEST_ACCEPT = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
].join(', ');
const schema = JSON.parse(readFileSync(join(ROOT, 'docs/report.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

interface ReportDocument {
  images: {
    image: string;
    source: string;
    digest?: string;
    sizes: { compressedBytes?: number; uncompressedBytes?: number; layerCount: number };
    layers: { instruction: string; delta?: { change: string } }[];
    baseline?: { label: string };
  }[];
}

/** The bundled main action, as the runner runs it for this builder. */
const runMain = (
  builder: BuilderUnderTest,
  run: Required<Omit<ActionRunOptions, 'builder'>> & { inputs: Record<string, string> },
) => runActionAsync('main', run.inputs, { builder, env: run.env, event: run.event });

/** The JSON report an action run wrote (schema-checked): the file its `report` output names. */
function jsonReport(run: ActionRun): ReportDocument['images'][number] {
  const path = run.outputs.report;
  expect(path.startsWith(run.runnerTemp)).toBe(true);
  const document = JSON.parse(readFileSync(path, 'utf8')) as ReportDocument;
  expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  return document.images[0];
}

/** config + Σ layers of the manifest a tag or digest points to, as the registry serves it. */
async function registryPullBytes(repository: string, reference: string): Promise<number> {
  const response = await fetch(`http://${testbed().registry}/v2/${repository}/manifests/${reference}`, {
    headers: { Accept: MANIFEST_ACCEPT },
  });
  expect(response.status).toBe(200);
  const manifest = (await response.json()) as { config: { size: number }; layers: { size: number }[] };
  return manifest.layers.reduce((sum, layer) => sum + layer.size, manifest.config.size);
}

async function registryHas(repository: string, tag: string): Promise<boolean> {
  const response = await fetch(`http://${testbed().registry}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { Accept: MANIFEST_ACCEPT },
  });
  return response.status === 200;
}

const docker = (builder: BuilderUnderTest, ...args: string[]) =>
  spawnSync(testbed().docker, args, { env: { ...builder.env, DOCKER_CONFIG: undefined }, encoding: 'utf8' });

/** The summary's row for a layer whose instruction contains `text`. */
const layerRow = (summary: string, text: string) =>
  summary.split('\n').find((line) => /^\| \d+ \|/.test(line) && line.includes(text)) ?? '';

let api: GitHubApiServer;
beforeAll(async () => {
  buildActionBundle();
  api = await startGitHubApiServer(
    [
      {
        owner: 'acme',
        name: 'app',
        defaultBranch: 'main',
        pulls: [7, 8],
        commits: { [SHA]: '2026-11-01T10:00:00Z' },
      },
    ],
    TOKEN,
  );
});
afterAll(() => api?.close());

function pullRequestEvent(number: number, headRepository = 'acme/app') {
  return {
    number,
    pull_request: {
      number,
      head: { ref: 'feature', sha: SHA, repo: { full_name: headRepository } },
      base: { ref: 'main', repo: { full_name: 'acme/app' } },
    },
    repository: { name: 'app', full_name: 'acme/app', default_branch: 'main' },
  };
}

const [remote] = builders(['buildx-remote']);

describe.skipIf(!remote.available)('a pull request on a buildx container builder, without push', () => {
  const repository = `report-e2e/gateway-pr-${process.pid}`;
  let gateway: GatewayCopy;
  const inputs = () => ({
    images: `${testbed().registry}/${repository}`,
    context: gateway.dir,
    'build-args': `BASE_IMAGE=${testbed().baseImage}`,
    network: 'none',
    cache: 'none',
    'metadata-context': 'workflow',
  });
  const pullRequest = (number: number, headRepository?: string) =>
    runMain(remote, {
      inputs: { ...inputs(), push: 'false', 'github-token': TOKEN },
      env: {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: `refs/pull/${number}/merge`,
        GITHUB_BASE_REF: 'main',
        GITHUB_HEAD_REF: 'feature',
        GITHUB_API_URL: api.url,
      },
      event: pullRequestEvent(number, headRepository),
    });

  beforeAll(async () => {
    gateway = copyGateway();
    // The base branch's image: what the pull request is compared with.
    const main = await runMain(remote, {
      inputs: { ...inputs(), push: 'true', 'github-token': '' },
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' },
      event: { repository: { name: 'app', default_branch: 'main' } },
    });
    expect(main.status, main.stdout).toBe(0);
    expect(await registryHas(repository, 'main')).toBe(true);
  });

  it('reports every size from the OCI layout the build exported, compared with main, in a sticky comment', async () => {
    api.addComments(
      'acme',
      'app',
      7,
      Array.from({ length: 120 }, (_, i) => ({ body: `review ${i}`, authorAssociation: 'CONTRIBUTOR' })),
    );
    gateway.changeDependencies('pr7');
    const first = await pullRequest(7);
    expect(first.status, first.stdout).toBe(0);
    // The image is in neither the engine nor the registry; the report read the layout, then removed it.
    expect(docker(remote, 'image', 'inspect', `${testbed().registry}/${repository}:pr-7`).status).not.toBe(0);
    expect(await registryHas(repository, 'pr-7')).toBe(false);
    expect(readdirSync(first.runnerTemp).filter((name) => name.startsWith('image-build-oci-'))).toEqual([]);

    const report = jsonReport(first);
    expect(report.source).toBe('oci-layout');
    expect(first.outputs.size).toBe(String(report.sizes.compressedBytes));
    expect(Number(first.outputs.size)).toBeGreaterThan(1_000_000);
    expect(Number(first.outputs['size-uncompressed'])).toBeGreaterThan(Number(first.outputs.size));
    expect(first.outputs.efficiency).toMatch(/^(0\.\d{4}|1\.0000)$/);
    expect(first.outputs['report-markdown'].trimEnd()).toBe(first.summary.trimEnd());
    expect(report.baseline?.label).toBe(`${repository.split('/').pop()}:main`);
    expect(first.summary).toMatch(
      /\| Compressed size \(pull\) \| [\d.]+ (KiB|MiB) \(\+[\d.]+ (B|KiB) vs gateway-pr-\d+:main\) \|/,
    );
    expect(first.summary).toMatch(/\| Uncompressed size \(on disk\) \| [\d.]+ MiB/);
    expect(first.summary).toContain('| Read from | OCI layout exported by the build |');
    expect(first.summary).toMatch(/\| Build time \| [\d.]+ s, \d+\/\d+ steps cached/);
    // The dependency step changed: its layer is the one that moved.
    expect(layerRow(first.summary, 'COPY --from=builder /opt/deps /opt/deps')).toMatch(/\| \+\d+\sB \|/);
    // The base image's layer is the same blob as main's: matched by diff_id, shown unchanged. (A layer
    // built in both runs, such as WORKDIR's, can differ by its directory's mtime when the builds fall
    // in different seconds, so it is not asserted here.)
    const baseRow = first.summary.split('\n').find((line) => /^\| 1 \|/.test(line)) ?? '';
    expect(baseRow).toMatch(/\| = \|.*\| base \|$/);

    const ours = () =>
      api.comments('acme', 'app', 7).filter((c) => c.user.login === GITHUB_ACTIONS_BOT.login);
    expect(ours()).toHaveLength(1);
    const [comment] = ours();
    const firstBody = comment.body; // the emulator updates its comment objects in place
    expect(comment.body.split('\n')[0]).toBe(
      `<!-- image-build:report:${testbed().registry}/${repository} -->`,
    );
    expect(comment.body).toContain('vs gateway-pr-');

    // The next push to the pull request: the same comment, updated in place, found past page 1.
    gateway.changeDependencies('pr7-again');
    const requestsBefore = api.requests.length;
    const second = await pullRequest(7);
    expect(second.status, second.stdout).toBe(0);
    expect(ours()).toHaveLength(1);
    expect(ours()[0].id).toBe(comment.id);
    expect(ours()[0].body).not.toBe(firstBody);
    expect(ours()[0].body).toContain('extra-pr7-again');
    const calls = api.requests
      .slice(requestsBefore)
      .map((r) => `${r.method} ${r.path.replace(/\d{6,}/, 'N')}`);
    expect(calls.filter((call) => call.startsWith('PATCH'))).toEqual([
      'PATCH /repos/acme/app/issues/comments/N',
    ]);
    expect(calls.filter((call) => call.startsWith('POST'))).toEqual([]);
    expect(calls.filter((call) => call.includes('/comments') && call.startsWith('GET')).length).toBe(2);
  });

  it('a pull request from a fork: the comment is skipped with a notice, the summary is written, the run passes', async () => {
    api.setReadOnly(true); // what GitHub does with a fork's GITHUB_TOKEN
    try {
      const run = await pullRequest(8, 'someone/app');
      expect(run.status, run.stdout).toBe(0);
      expect(run.stdout).toMatch(
        /::notice::Skipped the pull request comment on #8: the token may not write to it/,
      );
      expect(run.summary).toContain('| Compressed size (pull) |');
      expect(api.comments('acme', 'app', 8)).toEqual([]);
    } finally {
      api.setReadOnly(false);
    }
  });
});

describe.each(builders(['buildx-remote', 'classic']))('releases on $name, pushed', (builder) => {
  const repository = `report-e2e/gateway-${builder.name}-${process.pid}`;
  let gateway: GatewayCopy;
  const release = (version: string, extraInputs: Record<string, string> = {}) =>
    runMain(builder, {
      inputs: {
        ...extraInputs,
        images: `${testbed().registry}/${repository}`,
        tags: 'type=semver,pattern={{version}}',
        context: gateway.dir,
        'build-args': `BASE_IMAGE=${testbed().baseImage}`,
        network: 'none',
        cache: 'inline',
        push: 'true',
        'github-token': '',
        'metadata-context': 'workflow',
      },
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: `refs/tags/v${version}` },
      event: { repository: { name: 'app', default_branch: 'main' } },
    });
  beforeAll(() => {
    gateway = copyGateway();
  });

  it.skipIf(!builder.available)(
    'reports sizes that agree with the registry (and, in the engine, with docker)',
    async () => {
      const run = await release('1.0.0');
      expect(run.status, run.stdout).toBe(0);
      const report = jsonReport(run);
      expect(report.source).toBe('registry');
      expect(report.digest).toBe(run.outputs.digest);
      expect(Number(run.outputs.size)).toBe(await registryPullBytes(repository, run.outputs.digest));
      expect(run.summary).toContain('| Read from | registry (manifest and config; nothing pulled) |');
      if (builder.name === 'classic') {
        const inspected = docker(
          builder,
          'image',
          'inspect',
          '--format',
          '{{.Size}}',
          `${testbed().registry}/${repository}:1.0.0`,
        );
        expect(run.outputs['size-uncompressed']).toBe(inspected.stdout.trim());
      }
      // No baseline yet: the first release has no previous version, and says nothing of one.
      expect(report.baseline).toBeUndefined();
    },
  );

  it.skipIf(!builder.available)('the next release names the layer a Dockerfile change inserted', async () => {
    // A layer inserted in the middle: every layer after it is rebuilt, none of them is "new".
    const dockerfile = join(gateway.dir, 'Dockerfile');
    const inserted = 'RUN dd if=/dev/zero of=/app/assets.bin bs=1024 count=300 2>/dev/null';
    const text = readFileSync(dockerfile, 'utf8');
    writeFileSync(
      dockerfile,
      text.replace('COPY config/ /app/config/\n', `COPY config/ /app/config/\n${inserted}\n`),
    );
    const run = await release('1.1.0');
    expect(run.status, run.stdout).toBe(0);
    const report = jsonReport(run);
    expect(report.baseline?.label).toBe(`gateway-${builder.name}-${process.pid}:1.0.0`);
    const changes = report.layers.map((layer) => [layer.instruction, layer.delta?.change]);
    const at = changes.findIndex(([instruction]) => instruction === inserted);
    expect(at, JSON.stringify(changes)).toBeGreaterThan(0);
    expect(changes[at][1]).toBe('added');
    expect(
      changes.slice(0, at).every(([, change]) => change === 'unchanged'),
      JSON.stringify(changes),
    ).toBe(true);
    expect(layerRow(run.summary, 'of=/app/assets.bin')).toMatch(/\| new\s\+[\d.]+\s(B|KiB) \|/);
    expect(run.summary).toMatch(
      /\| Uncompressed size \(on disk\) \| [\d.]+ MiB \(\+300 KiB vs gateway-[\w-]+:1\.0\.0\) \|/,
    );
  });
});

describe.each(builders(['classic']))('a failing check on $name', (builder) => {
  it('fails the step after the image is published and reported, and says so', async () => {
    const repository = `report-e2e/budget-${process.pid}`;
    const gateway = copyGateway();
    const run = await runMain(builder, {
      inputs: {
        images: `${testbed().registry}/${repository}`,
        tags: 'type=semver,pattern={{version}}',
        context: gateway.dir,
        'build-args': `BASE_IMAGE=${testbed().baseImage}`,
        network: 'none',
        cache: 'none',
        push: 'true',
        'github-token': '',
        'size-budget': 'compressed=500KiB',
      },
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v2.0.0' },
      event: { repository: { name: 'app', default_branch: 'main' } },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        `::error::a check of ${testbed().registry.replace(/\./g, '\\.')}/${repository} failed \\(the image was published and reported first\\): Size budget: compressed [\\d.]+ MiB > 500 KiB`,
      ),
    );
    // Everything happened before: the tag, the outputs, the summary.
    expect(await registryHas(repository, '2.0.0')).toBe(true);
    expect(run.outputs.size).toMatch(/^\d+$/);
    expect(run.summary).toMatch(/\| ❌ \| Size budget \|/);
  });
});

describe('the CLI report on what the action built', () => {
  const [classic] = builders(['classic']);
  const repository = `report-e2e/gateway-classic-${process.pid}`;
  const cli = (args: string[], env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, [join(ROOT, 'dist/cli/index.js'), 'report', ...args, '--json'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      encoding: 'utf8',
    });

  it('a registry reference and a docker save tarball, without a daemon: the same sizes as the registry and docker', async () => {
    const reference = `${testbed().registry}/${repository}:1.1.0`;
    // The classic releases above published 1.0.0 and 1.1.0.
    expect(await registryHas(repository, '1.1.0')).toBe(true);
    // No daemon: DOCKER_HOST points nowhere.
    const noDaemon = { DOCKER_HOST: 'unix:///nonexistent/docker.sock' };
    const fromRegistry = cli([reference], noDaemon);
    expect(fromRegistry.status, fromRegistry.stderr).toBe(0);
    const registryReport = (JSON.parse(fromRegistry.stdout) as ReportDocument).images[0];
    expect(registryReport.source).toBe('registry');
    expect(registryReport.sizes.compressedBytes).toBe(await registryPullBytes(repository, '1.1.0'));

    const tarball = join(ROOT, '.testbed', `report-e2e-${process.pid}.tar`);
    const saved = docker(classic, 'save', '-o', tarball, reference);
    expect(saved.status, saved.stderr).toBe(0);
    try {
      const fromTarball = cli([tarball, '--baseline', `${testbed().registry}/${repository}:1.0.0`], noDaemon);
      expect(fromTarball.status, fromTarball.stderr).toBe(0);
      const tarReport = (JSON.parse(fromTarball.stdout) as ReportDocument).images[0];
      expect(tarReport.source).toBe('docker-save');
      const size = docker(classic, 'image', 'inspect', '--format', '{{.Size}}', reference).stdout.trim();
      expect(String(tarReport.sizes.uncompressedBytes)).toBe(size);
      expect(tarReport.sizes.uncompressedBytes).toBe(registryReport.sizes.uncompressedBytes);
      expect(tarReport.baseline?.label).toBe(`gateway-classic-${process.pid}:1.0.0`);
      expect(tarReport.layers.filter((layer) => layer.delta?.change === 'added')).toHaveLength(1);
    } finally {
      rmSync(tarball, { force: true });
    }
  });

  it('streams a layer whose whiteouts the engine wrote with hard-link names (rm -rf of several files)', () => {
    const reference = `${testbed().registry}/report-e2e/whiteouts-${process.pid}:1`;
    const context = mkdtempSync(join(tmpdir(), 'ib-whiteouts-'));
    writeFileSync(
      join(context, 'Dockerfile'),
      [
        `FROM ${testbed().baseImage}`,
        'RUN mkdir /d && touch /d/a1 /d/a10 /d/a11 /d/keep',
        'RUN rm -rf /d/a1*',
        '',
      ].join('\n'),
    );
    for (const args of [
      ['build', '-q', '--network', 'none', '-t', reference, context],
      ['push', reference],
    ]) {
      const result = docker(classic, ...args);
      expect(result.status, result.stderr).toBe(0);
    }
    const noDaemon = { DOCKER_HOST: 'unix:///nonexistent/docker.sock' };
    const streamed = cli([reference], noDaemon);
    expect(streamed.status, streamed.stderr).toBe(0);
    // The same image read from a docker save tarball, whose plain layers are walked in place.
    const tarball = join(context, 'image.tar');
    expect(docker(classic, 'save', '-o', tarball, reference).status).toBe(0);
    const walked = cli([tarball], noDaemon);
    expect(walked.status, walked.stderr).toBe(0);
    type Contents = { images: { contents: { final: { files: number; bytes: number } } }[] };
    const final = (text: string) => (JSON.parse(text) as Contents).images[0].contents.final;
    expect(final(streamed.stdout)).toEqual(final(walked.stdout));
    rmSync(context, { recursive: true, force: true });
  });
});
