import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MANIFEST_ACCEPT } from '../../src/registry/manifest.js';
import { buildActionBundle, repositoryRoot, runAction } from '../helpers/action-run.js';
import { type RegistryInstance, startRegistry } from '../helpers/registry-instance.js';
import { type BuilderUnderTest, describeEachBuilder, registryManifest, testbed } from '../helpers/testbed.js';

const user = 'release-bot';
const password = `Pa55-${process.pid}-${Date.now()}`;
const basic = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/**
 * A runner's Docker config after setup-buildx-action and docker/login-action: the builder's plugin
 * and instances (a copy, so the login stays out of the test bed's own config) plus the login.
 */
function loggedInConfig(builder: BuilderUnderTest, registry: string): string {
  const config = mkdtempSync(join(tmpdir(), 'ib-registries-config-'));
  const own = builder.env.DOCKER_CONFIG;
  if (own && existsSync(join(own, 'cli-plugins'))) {
    symlinkSync(join(own, 'cli-plugins'), join(config, 'cli-plugins'));
    cpSync(join(own, 'buildx'), join(config, 'buildx'), { recursive: true });
  }
  execFileSync(builder.docker, ['login', '--username', user, '--password-stdin', registry], {
    env: { ...builder.env, DOCKER_CONFIG: config },
    input: password,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  return config;
}

describeEachBuilder('the action publishing to two registries, one behind a password', (builder) => {
  let privateRegistry: RegistryInstance;
  beforeAll(async () => {
    buildActionBundle();
    privateRegistry = await startRegistry({ htpasswd: { user, password } });
  });
  afterAll(async () => {
    await privateRegistry?.stop();
  });

  it('each registry gets its primary tag pushed and the others by manifest PUT; the password never shows', async () => {
    const repository = `registries/app-${builder.name}-${process.pid}`;
    const config = loggedInConfig(builder, privateRegistry.address);
    const before = privateRegistry.logSize();
    const run = runAction(
      'main',
      {
        images: `${testbed().registry}/${repository}\n${privateRegistry.address}/${repository}`,
        tags: 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}',
        context: join(repositoryRoot, 'examples/demo'),
        'build-args': `BASE_IMAGE=${testbed().baseImage}`,
        network: 'none',
        push: 'true',
        'github-token': '',
        'metadata-context': 'workflow',
      },
      { builder, env: { DOCKER_CONFIG: config, GITHUB_REF: 'refs/tags/v4.2.0' } },
    );
    expect(run.status, run.stdout).toBe(0);
    const digest = run.outputs.digest;
    for (const tag of ['4.2.0', '4', 'latest']) {
      expect((await registryManifest(repository, tag))?.digest).toBe(digest);
      const response = await fetch(`http://${privateRegistry.address}/v2/${repository}/manifests/${tag}`, {
        method: 'HEAD',
        headers: { Accept: MANIFEST_ACCEPT, Authorization: basic },
      });
      expect(response.headers.get('docker-content-digest')).toBe(digest);
    }
    // The private registry: the builder's push of 4.2.0 first, then one manifest PUT per other tag.
    const puts = privateRegistry
      .requests(before)
      .filter((r) => r.method === 'PUT' && r.path.includes('/manifests/'))
      .map((r) => r.path.split('/manifests/')[1])
      .filter((reference) => !reference.startsWith('sha256:'));
    expect(puts[0]).toBe('4.2.0');
    expect(puts.slice(1).sort()).toEqual(['4', 'latest']);
    expect(run.outputs.published.split('\n')).toHaveLength(6);

    // The runner hides a value registered with ::add-mask:: in every line it shows; nothing else may carry it.
    expect(run.stdout).toContain(`::add-mask::${password}`);
    const stdout = run.stdout.replaceAll(`::add-mask::${password}`, '');
    const shown = [stdout, run.summary, JSON.stringify(run.outputs)].join('\n');
    expect(shown).not.toContain(password);
    expect(shown).not.toContain(basic.slice('Basic '.length));
  });
});
