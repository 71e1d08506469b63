import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readImageBuildInputs } from '../../src/pipeline/inputs.js';
import { runImageBuild } from '../../src/pipeline/image-build.js';
import { processRunner } from '../../src/util/exec.js';
import { silentLogger } from '../../src/util/log.js';
import { builders, registryManifest, testbed } from '../helpers/testbed.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const [remote] = builders(['buildx-remote']);

/**
 * `buildkit-endpoint`: a Docker config with the buildx plugin and no builder at all (a runner without
 * setup-buildx-action), and the address of a BuildKit daemon. The run makes the remote builder, builds
 * and pushes on it, and a second run reuses that builder.
 */
describe.skipIf(!remote.available)('building on a BuildKit daemon given by its address', () => {
  it('makes a remote builder once, builds and pushes on it, and reuses it on the next run', async () => {
    const bed = testbed();
    const address = process.env.IB_BUILDKITD_ADDR;
    expect(address).toMatch(/^unix:\/\//);
    const config = mkdtempSync(join(tmpdir(), 'ib-remote-config-'));
    mkdirSync(join(config, 'cli-plugins'));
    symlinkSync(
      join(process.env.IB_BUILDX_CONFIG ?? '', 'cli-plugins', 'docker-buildx'),
      join(config, 'cli-plugins', 'docker-buildx'),
    );
    const env: NodeJS.ProcessEnv = { ...remote.env, DOCKER_CONFIG: config };
    delete env.BUILDX_BUILDER;
    const buildx = (...args: string[]) =>
      execFileSync(remote.docker, ['buildx', ...args], { env, encoding: 'utf8' });
    const before = buildx('ls');

    const context = mkdtempSync(join(tmpdir(), 'ib-remote-ctx-'));
    writeFileSync(
      join(context, 'Dockerfile'),
      `ARG BASE_IMAGE\nFROM \${BASE_IMAGE}\nRUN echo remote > /where\n`,
    );
    const repository = `remote-builder/app-${process.pid}-${Date.now()}`;
    const run = (version: string) => {
      const values: Record<string, string> = {
        images: `${bed.registry}/${repository}`,
        tags: `type=raw,value=${version}`,
        context,
        'build-args': `BASE_IMAGE=${bed.baseImage}`,
        network: 'none',
        push: 'true',
        'metadata-context': 'git',
        'buildkit-endpoint': address ?? '',
      };
      return runImageBuild(
        readImageBuildInputs((name) => values[name] ?? ''),
        {
          env,
          runner: processRunner,
          logger: silentLogger,
          cwd: root,
        },
      );
    };

    const first = await run('1.0.0');
    expect(first.build?.builder).toMatchObject({ kind: 'buildx', driver: 'remote' });
    const name = first.build?.builder.kind === 'buildx' ? first.build.builder.name : '';
    expect(name).toMatch(/^image-build-[0-9a-f]{12}$/);
    expect(before).not.toContain(name);
    expect(buildx('ls')).toContain(name);
    expect(first.build?.plan.commands[0].args).toEqual(expect.arrayContaining(['--builder', name]));
    expect(first.build?.plan.pushedByBuilder).toEqual([`${bed.registry}/${repository}:1.0.0`]);
    expect((await registryManifest(repository, '1.0.0'))?.digest).toBe(first.publish?.digest);

    const second = await run('1.0.1');
    expect(second.build?.builder.kind === 'buildx' && second.build.builder.name).toBe(name);
    // One builder of that name (`buildx ls` also lists its node, `<name>0`).
    expect(
      buildx('ls')
        .split('\n')
        .filter((line) => line.startsWith(`${name} `)),
    ).toHaveLength(1);
  });

  it('refuses builder and buildkit-endpoint together, before anything runs', async () => {
    const values: Record<string, string> = {
      context: '.',
      builder: 'mine',
      'buildkit-endpoint': 'tcp://127.0.0.1:1234',
      'metadata-context': 'git',
    };
    const commands: string[] = [];
    await expect(
      runImageBuild(
        readImageBuildInputs((name) => values[name] ?? ''),
        {
          env: remote.env,
          runner: {
            run: async (file, args) => (
              commands.push(`${file} ${args.join(' ')}`),
              processRunner.run(file, args)
            ),
          },
          logger: silentLogger,
          cwd: root,
        },
      ),
    ).rejects.toThrow(
      'input "buildkit-endpoint": builder "mine" and buildkit-endpoint both name the builder to use',
    );
    expect(commands.filter((command) => command.includes('buildx'))).toEqual([]);
  });
});
