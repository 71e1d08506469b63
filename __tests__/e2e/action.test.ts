import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { registryLogSize, registryRequests, testbed } from '../helpers/testbed.js';

// The bundle GitHub runs, not the sources: this is what users get.
const root = fileURLToPath(new URL('../..', import.meta.url));
const demo = join(root, 'examples/demo');
const MANIFEST_ACCEPT = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
].join(', ');

interface ActionRun {
  status: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  state: string;
}

/** Parses the runner's file commands (`name<<delimiter` blocks) written by the action. */
function readFileCommands(path: string): Record<string, string> {
  const text = readFileSync(path, 'utf8');
  const values: Record<string, string> = {};
  const pattern = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) values[match[1]] = match[3];
  return values;
}

function runAction(
  entry: 'main' | 'post',
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
): ActionRun {
  const dir = mkdtempSync(join(tmpdir(), 'ib-action-'));
  const files = {
    output: join(dir, 'output'),
    summary: join(dir, 'summary'),
    state: join(dir, 'state'),
    env: join(dir, 'env'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const event = join(dir, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      repository: {
        name: 'app',
        html_url: 'https://github.com/acme/app',
        default_branch: 'main',
        description: 'demo',
        license: { spdx_id: 'MIT' },
      },
    }),
  );
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DOCKER_HOST: process.env.DOCKER_HOST,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    RUNNER_TEMP: dir,
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = spawnSync(process.execPath, [join(root, `dist/action/${entry}.js`)], {
    env,
    encoding: 'utf8',
    cwd: root,
  });
  return {
    status: result.status ?? 1,
    stdout: result.stdout + result.stderr,
    outputs: readFileCommands(files.output),
    summary: readFileSync(files.summary, 'utf8'),
    state: readFileSync(files.state, 'utf8'),
  };
}

async function resolveTag(repository: string, tag: string): Promise<string | undefined> {
  const response = await fetch(`http://${testbed().registry}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { Accept: MANIFEST_ACCEPT },
  });
  return response.status === 200 ? (response.headers.get('docker-content-digest') ?? undefined) : undefined;
}

describe('the action bundle against the real engine and registry', () => {
  let context: string;
  beforeAll(() => {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'pipe' });
    context = mkdtempSync(join(tmpdir(), 'ib-action-ctx-'));
    cpSync(demo, context, { recursive: true });
  });

  const baseInputs = (repository: string, version: string) => ({
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
    cache: 'inline',
    push: 'true',
    'github-token': '',
    'metadata-context': 'workflow',
    _version: version,
  });

  function release(
    repository: string,
    version: string,
    marker: string,
    env: Record<string, string> = {},
    extraInputs: Record<string, string> = {},
  ) {
    writeFileSync(join(context, 'app/server.sh'), `#!/bin/sh\necho "${marker}"\n`);
    const { _version, ...inputs } = baseInputs(repository, version);
    return runAction('main', { ...inputs, ...extraInputs }, { GITHUB_REF: `refs/tags/v${_version}`, ...env });
  }

  it('builds, pushes one tag, adds the others by manifest PUT, and reports sizes in the job summary', async () => {
    const repository = `action/app-${process.pid}`;
    const before = registryLogSize();
    const run = release(repository, '1.2.3', 'first');
    expect(run.status, run.stdout).toBe(0);

    const digest = run.outputs.digest;
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(run.outputs['tag-names'].split('\n')).toEqual(['1.2.3', '1.2', '1', 'sha-0123456', 'latest']);
    for (const tag of run.outputs['tag-names'].split('\n'))
      expect(await resolveTag(repository, tag)).toBe(digest);

    // After the builder's push of 1.2.3, every other tag cost one manifest PUT and no blob traffic.
    const requests = registryRequests(before, repository);
    const firstPut = requests.findIndex((r) => r.method === 'PUT' && r.path.endsWith('/manifests/1.2.3'));
    expect(firstPut).toBeGreaterThanOrEqual(0);
    // Then the tags: manifest PUTs only, no blob traffic, until the cache images are pushed.
    const manifestPuts = (from: number) =>
      requests.slice(from).filter((r) => r.method === 'PUT' && r.path.includes('/manifests/'));
    const tagWrites = requests.slice(
      firstPut + 1,
      requests.findIndex((r, i) => i > firstPut && r.path.includes('/blobs/') && r.method !== 'GET'),
    );
    expect(tagWrites.filter((r) => r.path.includes('/blobs/'))).toEqual([]);
    const puts = tagWrites.filter((r) => r.method === 'PUT').map((r) => r.path.split('/manifests/')[1]);
    // One PUT per tag; the image carries its inline cache, so the cache ref is one more PUT of it.
    expect(puts).toEqual(['sha-0123456', '1.2', '1', 'latest', 'buildcache']);
    // The other stages' cache images for the next run are pushed after the tags.
    const cachePuts = manifestPuts(firstPut + 1).map((r) => r.path.split('/manifests/')[1]);
    expect(cachePuts.filter((reference) => reference.startsWith('buildcache-'))).toHaveLength(1);

    expect(run.outputs.labels).toContain('org.opencontainers.image.version=1.2.3');
    expect(run.outputs.labels).toContain('org.opencontainers.image.source=https://github.com/acme/app');
    expect(run.summary).toContain('Pull size (compressed: config + layers)');
    expect(run.summary).toContain('| Runs as root | no |');
    expect(run.summary).toContain(`\`${digest}\``);
  });

  it('does not let a hotfix on an old major take latest, and says so', async () => {
    const repository = `action/guard-${process.pid}`;
    expect(release(repository, '2.0.0', 'two').status).toBe(0);
    const latest = await resolveTag(repository, 'latest');
    const hotfix = release(repository, '1.4.3', 'hotfix');
    expect(hotfix.status, hotfix.stdout).toBe(0);
    expect(await resolveTag(repository, 'latest')).toBe(latest);
    expect(await resolveTag(repository, '1')).toBe(hotfix.outputs.digest);
    expect(hotfix.outputs['held-back'].split('\n')).toEqual([`${testbed().registry}/${repository}:latest`]);
    expect(hotfix.summary).toContain('held-back');
  });

  it('re-running a release with SOURCE_DATE_EPOCH rebuilds the same image and pushes nothing', async () => {
    const repository = `action/rerun-${process.pid}`;
    const pinned = { SOURCE_DATE_EPOCH: '1700000000' };
    // The default cache (inline, on the classic builder) included: its records stay out of the image.
    const first = release(repository, '3.0.0', 'same', pinned);
    expect(first.status, first.stdout).toBe(0);
    expect(first.outputs.labels).toContain('org.opencontainers.image.created=2023-11-14T22:13:20.000Z');

    const before = registryLogSize();
    const again = release(repository, '3.0.0', 'same', pinned);
    expect(again.status, again.stdout).toBe(0);
    expect(again.outputs.imageid).toBe(first.outputs.imageid);
    expect(again.outputs.digest).toBe(first.outputs.digest);
    // No tag was written and no layer uploaded: what an IMMUTABLE repository needs from a re-run. What
    // is left is the cache images (one per stage): their configs hold inline cache records, which
    // change on every build, so each is one config upload and one manifest PUT.
    const requests = registryRequests(before, repository);
    const manifestWrites = requests
      .filter((r) => r.method === 'PUT' && r.path.includes('/manifests/'))
      .map((r) => r.path.split('/manifests/')[1]);
    expect(manifestWrites.length).toBeGreaterThan(0);
    expect(manifestWrites.every((reference) => reference.startsWith('buildcache'))).toBe(true);
    const uploads = requests.filter((r) => r.method === 'PUT' && r.path.includes('/blobs/uploads/'));
    expect(uploads.length).toBeLessThanOrEqual(manifestWrites.length);
    expect(again.summary).toMatch(/`[^`]*:3\.0\.0` \| unchanged/);
  });

  it('rejects bad input before building or pushing anything', () => {
    const repository = `action/bad-${process.pid}`;
    const before = registryLogSize();
    const { _version, ...inputs } = baseInputs(repository, '1.0.0');
    const run = runAction(
      'main',
      { ...inputs, tags: 'type=semver,pattern={{version}}\ntype=bogus' },
      { GITHUB_REF: `refs/tags/v${_version}` },
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
    const run = runAction('post', {}, { STATE_post: state });
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toContain(`Removed the ECR Docker config ${config}`);
    expect(existsSync(config)).toBe(false);
  });
});
