import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, registryLogSize, registryRequests, testbed } from '../helpers/testbed.js';
import { gitIn } from '../helpers/git-checkout.js';

/** The bundled CLI, as users run it: `npm run -s build` makes it (dist/ is committed by the lead only). */
const CLI = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));
const unique = `${process.pid}-${Date.now()}`;
const MANIFESTS = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

/** A git checkout holding the Dockerfile (outside GitHub the CLI reads the commit from the checkout). */
function checkout(dockerfile: string | { copyOf: string }): { dir: string; sha: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ib-cli-e2e-'));
  if (typeof dockerfile === 'string') writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  else cpSync(dockerfile.copyOf, dir, { recursive: true });
  const git = gitIn(dir);
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'image');
  return { dir, sha: git('rev-parse', 'HEAD') };
}

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv): CliRun {
  const result = spawnSync('node', [CLI, ...args], { cwd, env, encoding: 'utf8', timeout: 240_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI's environment for a builder: no GitHub, a home of its own (its per-user cache lives there). */
function cliEnv(env: NodeJS.ProcessEnv, home: string): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...env, HOME: home, NO_COLOR: '1', TMPDIR: join(home, 'tmp') };
  for (const name of Object.keys(clean))
    if (name.startsWith('GITHUB_') || name.startsWith('ACTIONS_')) delete clean[name];
  delete clean.RUNNER_TEMP;
  delete clean.XDG_CACHE_HOME;
  mkdirSync(join(home, 'tmp'), { recursive: true });
  return clean;
}

async function registryTags(repository: string): Promise<string[]> {
  const response = await fetch(`http://${testbed().registry}/v2/${repository}/tags/list`);
  const body = (await response.json()) as { tags?: string[] | null };
  return (body.tags ?? []).filter((tag) => !tag.startsWith('buildcache')).sort();
}

async function registryDigest(repository: string, tag: string): Promise<string | null> {
  const response = await fetch(`http://${testbed().registry}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { Accept: MANIFESTS },
  });
  return response.headers.get('docker-content-digest');
}

/** A local build of `image` with the `local` cache preset (its post step saves the cache). */
function localCacheBuild(image: string): string[] {
  const base = `BASE_IMAGE=${testbed().baseImage}`;
  return [
    'build',
    '--images',
    image,
    '--tag',
    'v1',
    '--cache',
    'local',
    '--build-args',
    base,
    '--network',
    'none',
  ];
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run -s build" first`);
});

describe.each(builders(['buildx-remote', 'classic']))('the bundled CLI ($name)', (builder) => {
  const bed = testbed();
  const repository = `e2e-cli/rag-worker-${builder.name}-${unique}`;
  const dockerfile = ['ARG BASE_IMAGE', 'FROM ${BASE_IMAGE}', `RUN echo "${unique}" > /release`, ''].join(
    '\n',
  );
  // The RAG team's command line, with the image name template per environment.
  const teamArgs = (context: string) => [
    'build',
    '--images',
    `e2e-cli/rag-worker-${builder.name}-${unique}-{env}`,
    '--env',
    'staging',
    '--version',
    '1.0.0-rc.1',
    '--registry',
    bed.registry,
    '--push',
    '--context',
    context,
    '--build-args',
    `BASE_IMAGE=${bed.baseImage}`,
    '--network',
    'none',
  ];

  it.skipIf(!builder.available)(
    'build --env staging --version 1.0.0-rc.1 --registry … --push: the policy tags in the registry, --json outputs',
    async () => {
      const { dir, sha } = checkout(dockerfile);
      const home = mkdtempSync(join(tmpdir(), 'ib-cli-home-'));
      const run = runCli([...teamArgs(dir), '--json'], dir, cliEnv(builder.env, home));
      expect(run.status, run.stderr).toBe(0);

      // stdout is the outputs, and nothing else.
      const outputs = JSON.parse(run.stdout) as Record<string, string>;
      expect(outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      const staging = `${repository}-staging`;
      const tags = await registryTags(staging);
      expect(tags).toHaveLength(4);
      expect(tags).toEqual(
        expect.arrayContaining([
          'staging',
          'v1.0.0-rc.1',
          `git-${sha.slice(0, 7)}`,
          expect.stringMatching(/^staging-\d{8}-\d{6}$/),
        ]),
      );
      for (const tag of tags) expect(await registryDigest(staging, tag)).toBe(outputs.digest);
      expect(outputs.published.split('\n').sort()).toEqual(
        tags.map((tag) => `${bed.registry}/${staging}:${tag}`).sort(),
      );
      // The guard won over the script: latest stayed where it was, and the user was told.
      expect(tags).not.toContain('latest');
      expect(run.stderr).toContain('notice: latest stays where it is: 1.0.0-rc.1 is a pre-release');
      const document = JSON.parse(readFileSync(outputs.report, 'utf8')) as { images: { image: string }[] };
      expect(document.images[0].image).toBe(`${bed.registry}/${staging}`);
      expect(outputs['report-markdown']).toContain(staging);
      // The post step ran in the same process: no work directory is left behind.
      expect(readdirSync(join(home, 'tmp'))).toEqual([]);

      // The release: the same image promoted to prod 1.0.0, nothing rebuilt.
      const promoted = runCli(
        [
          'promote',
          '--images',
          `e2e-cli/rag-worker-${builder.name}-${unique}-{env}`,
          '--env',
          'prod',
          '--version',
          '1.0.0',
          '--promote-from',
          `${staging}:v1.0.0-rc.1`,
          '--json',
        ],
        dir,
        { ...cliEnv(builder.env, home), IMAGE_BUILD_REGISTRY: bed.registry },
      );
      expect(promoted.status, promoted.stderr).toBe(0);
      expect(promoted.stderr).not.toContain('▸ build');
      const prod = `${repository}-prod`;
      const prodTags = await registryTags(prod);
      expect(prodTags).toEqual(
        expect.arrayContaining(['prod', 'v1.0.0', '1.0.0', `git-${sha.slice(0, 7)}`, 'latest']),
      );
      expect(prodTags).toHaveLength(6);
      for (const tag of prodTags) expect(await registryDigest(prod, tag)).toBe(outputs.digest);
    },
  );

  it.skipIf(!builder.available)(
    'in a terminal: phases, build steps and the report; --latest always moves latest as the script did',
    async () => {
      const { dir } = checkout(dockerfile);
      const home = mkdtempSync(join(tmpdir(), 'ib-cli-home-'));
      const summary = join(home, 'report.md');
      const run = runCli(
        [...teamArgs(dir), '--latest', 'always', '--summary', summary],
        dir,
        cliEnv(builder.env, home),
      );
      expect(run.status, run.stderr).toBe(0);
      const phases = [...run.stderr.matchAll(/▸ (tags written|tags|checks|build|push|report)/g)].map(
        (m) => m[1],
      );
      expect(phases[0]).toBe('tags');
      expect(phases).toContain('checks');
      expect(phases).toContain('build');
      expect(phases).toContain('tags written');
      expect(phases.at(-1)).toBe('report');
      if (builder.name === 'classic') expect(phases).toContain('push');
      expect(run.stderr).toMatch(/✓ \[\d\/\d\] RUN echo .* (cached|\d+\.\d+s)/);
      // NO_COLOR is set: no escape sequence at all.
      expect(run.stderr).not.toContain('\u001b');
      expect(run.stdout).toMatch(/^digest sha256:[0-9a-f]{64}\npublished\n/);
      expect(run.stdout).toContain(`${bed.registry}/${repository}-staging:latest`);
      const staging = `${repository}-staging`;
      expect(await registryTags(staging)).toContain('latest');
      expect(await registryDigest(staging, 'latest')).toBe(await registryDigest(staging, 'v1.0.0-rc.1'));
      expect(existsSync(summary)).toBe(true);
    },
  );

  it.skipIf(!builder.available)('a bad flag exits 2 in one line, with nothing built or pushed', async () => {
    const { dir } = checkout(dockerfile);
    const home = mkdtempSync(join(tmpdir(), 'ib-cli-home-'));
    const before = registryLogSize();
    const run = runCli([...teamArgs(dir), '--tagz', 'type=sha'], dir, cliEnv(builder.env, home));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'error: build: unknown flag --tagz (did you mean --tag?); see image-build build --help\n',
    );
    // Only this file's repositories: the registry may serve other runs meanwhile (a benchmark, say).
    expect(registryRequests(before).filter((request) => request.path.startsWith('/v2/e2e-cli/'))).toEqual([]);
    expect(await registryTags(`${repository}-never`)).toEqual([]);
  });
});

describe.each(builders(['classic']))('Ctrl-C on the bundled CLI ($name)', (builder) => {
  it.skipIf(!builder.available)(
    'stops the build, runs the post step, removes its temporary files and exits 130',
    async () => {
      const { dir } = checkout(
        ['ARG BASE_IMAGE', 'FROM ${BASE_IMAGE}', `RUN sleep 60 && echo ${unique}`, ''].join('\n'),
      );
      const home = mkdtempSync(join(tmpdir(), 'ib-cli-home-'));
      const child = spawn('node', [CLI, ...localCacheBuild(`e2e-cli/interrupted-${unique}`)], {
        cwd: dir,
        env: cliEnv(builder.env, home),
      });
      let stderr = '';
      const started = new Promise<void>((resolve) =>
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('Building with')) resolve();
        }),
      );
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      await started;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const interruptedAt = Date.now();
      child.kill('SIGINT');
      const code = await exited;
      expect(code, stderr).toBe(130);
      // Stopped, not waited out: the step sleeps for a minute.
      expect(Date.now() - interruptedAt).toBeLessThan(30_000);
      expect(stderr).toContain('SIGINT: stopping, then cleaning up');
      // The post step ran: the local cache's save was attempted (nothing was built to save).
      expect(stderr).toMatch(/local cache: /);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(join(home, 'tmp'))).toEqual([]);
    },
  );
});

describe.each(builders(['buildx-remote']))('the local cache of the CLI, kept per user ($name)', (builder) => {
  it.skipIf(!builder.available)('is saved in ~/.cache/image-build and hits on the next run', async () => {
    const { dir } = checkout(
      [
        'ARG BASE_IMAGE',
        'FROM ${BASE_IMAGE}',
        `RUN echo "${unique}" > /a && sleep 1`,
        'RUN echo b > /b',
        '',
      ].join('\n'),
    );
    const home = mkdtempSync(join(tmpdir(), 'ib-cli-home-'));
    const args = localCacheBuild(`e2e-cli/local-cache-${unique}`);
    const first = runCli(args, dir, cliEnv(builder.env, home));
    expect(first.status, first.stderr).toBe(0);
    const root = join(home, '.cache', 'image-build');
    const [cacheDir] = readdirSync(root);
    expect(existsSync(join(root, cacheDir, 'index.json'))).toBe(true);
    expect(readdirSync(root)).toEqual([cacheDir]);
    // A fresh builder state is not needed: the second run imports the directory and hits every step.
    const second = runCli(args, dir, cliEnv(builder.env, home));
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain(`local cache: restored on disk (${join(root, cacheDir)})`);
    const steps = second.stderr.split('\n').filter((line) => /✓ \[\d\/\d\] RUN/.test(line));
    expect(steps).toHaveLength(2);
    for (const step of steps) expect(step).toMatch(/cached$/);
  });
});

describe.each(builders(['buildx-remote']))('plan and graph on the example images file ($name)', (builder) => {
  it.skipIf(!builder.available)(
    'plans, builds parents first, then reuses every unchanged image; one report for the graph',
    async () => {
      const bed = testbed();
      const { dir } = checkout({ copyOf: fileURLToPath(new URL('../../examples/graph/', import.meta.url)) });
      const home = mkdtempSync(join(tmpdir(), 'ib-cli-home-'));
      const env = { ...cliEnv(builder.env, home), RUNTIME_FROM: bed.baseImage };
      const registry = `${bed.registry}/e2e-cli-graph/${unique}`;
      const shared = ['--registry', registry, '--push', '--network', 'none'];
      type Plan = { levels: string[][]; images: { name: string; published: boolean | null }[] };
      const plan = (): Plan => {
        const run = runCli(['plan', ...shared, '--json'], dir, env);
        expect(run.status, run.stderr).toBe(0);
        return JSON.parse(run.stdout) as Plan;
      };

      const before = plan();
      expect(before.levels).toEqual([['base-runtime'], ['base-ml', 'gateway'], ['embedder', 'ranker']]);
      expect(before.images.find((image) => image.name === 'base-runtime')?.published).toBe(false);

      const report = join(home, 'graph.md');
      const first = runCli(['graph', ...shared, '--summary', report], dir, env);
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/5 built in [\d.]+ s/);
      expect(first.stderr).toMatch(/\[base-ml\] ✓ \[\d\/\d\] /);
      expect(readFileSync(report, 'utf8')).toContain('| `embedder` | 2 | built |');

      const second = runCli(['graph', ...shared, '--json'], dir, env);
      expect(second.status, second.stderr).toBe(0);
      const rows = (JSON.parse(second.stdout) as { rows: { name: string; status: string }[] }).rows;
      expect(rows.map((row) => row.status)).toEqual(['reused', 'reused', 'reused', 'reused', 'reused']);
      expect(second.stderr).not.toMatch(/✓ \[/);
      expect(plan().images.every((image) => image.published === true || image.published === null)).toBe(true);
    },
  );
});
