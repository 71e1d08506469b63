import { describe, expect, it } from 'vitest';
import {
  BuilderUnavailableError,
  detectBuilder,
  ensureRemoteBuilder,
  parseBuildxInspect,
} from '../../src/engine/builder.js';
import { versionAtLeast } from '../../src/util/version.js';
import { InputError } from '../../src/util/errors.js';
import type { CommandRunner, ExecResult } from '../../src/util/exec.js';

/** A fake runner answering by "file args…"; anything unknown exits 127 like a missing command. */
function fakeRunner(answers: Record<string, Partial<ExecResult>>): CommandRunner & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    run: async (file, args) => {
      const key = [file, ...args].join(' ');
      calls.push(key);
      const answer = answers[key];
      return {
        exitCode: answer ? (answer.exitCode ?? 0) : 127,
        stdout: answer?.stdout ?? '',
        stderr: answer?.stderr ?? 'not found',
      };
    },
  };
}

const VERSION_FORMAT =
  'version --format {{.Client.Version}} {{.Server.Version}} {{.Server.Os}}/{{.Server.Arch}}';

describe('detectBuilder', () => {
  it('prefers buildx and reads its driver and platforms', async () => {
    const runner = fakeRunner({
      'docker buildx version': { stdout: 'github.com/docker/buildx v0.21.1 1234abcd\n' },
      'docker buildx inspect --bootstrap': {
        stdout:
          'Name:          ci\nDriver:        docker-container\nNodes:\nName: ci0\nPlatforms: linux/amd64*, linux/arm64\n',
      },
    });
    expect(await detectBuilder(runner, {}, {})).toEqual({
      kind: 'buildx',
      docker: 'docker',
      version: '0.21.1',
      name: 'ci',
      driver: 'docker-container',
      platforms: ['linux/amd64', 'linux/arm64'],
      canExportCache: true,
    });
  });

  it("buildx's docker driver cannot export cache", async () => {
    const runner = fakeRunner({
      'docker buildx version': { stdout: 'github.com/docker/buildx v0.12.0 x' },
      'docker buildx inspect --bootstrap mine': {
        stdout: 'Name: mine\nDriver: docker\nPlatforms: linux/amd64',
      },
    });
    const builder = await detectBuilder(runner, {}, { builder: 'mine' });
    expect(builder.kind === 'buildx' && builder.canExportCache).toBe(false);
  });

  it('a builder input that names no buildx instance is an input error, not a quiet fallback', async () => {
    const runner = fakeRunner({
      'docker buildx version': { stdout: 'github.com/docker/buildx v0.10.5 86bdced' },
      'docker buildx inspect --bootstrap typo': {
        exitCode: 1,
        stderr: 'ERROR: no builder "typo" found\n',
      },
      [`/usr/bin/docker ${VERSION_FORMAT}`]: { stdout: '20.10.24 20.10.24 linux/amd64' },
    });
    const error = await detectBuilder(runner, {}, { builder: 'typo' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'input "builder": no usable buildx builder "typo" (ERROR: no builder "typo" found); ' +
        'list them with `docker buildx ls`, or leave builder empty to use the current one',
    );
    expect(runner.calls).not.toContain(`/usr/bin/docker ${VERSION_FORMAT}`);
  });

  it('falls back to the classic builder through a client that still speaks BuildKit (< 23)', async () => {
    const runner = fakeRunner({
      [`docker ${VERSION_FORMAT}`]: { stdout: '28.2.2 20.10.24 linux/amd64' },
      [`/usr/bin/docker ${VERSION_FORMAT}`]: { stdout: '20.10.24+dfsg1 20.10.24+dfsg1 linux/amd64' },
    });
    expect(await detectBuilder(runner, {}, {})).toEqual({
      kind: 'classic',
      docker: '/usr/bin/docker',
      engineVersion: '20.10.24+dfsg1',
      platforms: ['linux/amd64'],
    });
    expect(runner.calls[0]).toBe('docker buildx version');
  });

  it('tries $IB_DOCKER first', async () => {
    const runner = fakeRunner({
      [`/opt/docker ${VERSION_FORMAT}`]: { stdout: '20.10.0 20.10.0 linux/arm64' },
    });
    const builder = await detectBuilder(runner, { IB_DOCKER: '/opt/docker' });
    expect(builder.docker).toBe('/opt/docker');
    expect(runner.calls[0]).toBe('/opt/docker buildx version');
  });

  it('no engine: an error that says how to get one and what was tried', async () => {
    const runner = fakeRunner({
      [`docker ${VERSION_FORMAT}`]: {
        exitCode: 1,
        stdout: '28.2.2  ',
        stderr: 'Cannot connect to the Docker daemon',
      },
    });
    const error = await detectBuilder(runner, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BuilderUnavailableError);
    expect((error as Error).message).toMatch(
      /Cannot connect to the Docker daemon.*setup-buildx-action.*DOCKER_HOST/s,
    );
  });
});

describe('builder parsing helpers', () => {
  it('compares versions numerically', () => {
    expect(versionAtLeast('0.21.1', '0.21.0')).toBe(true);
    expect(versionAtLeast('0.9.10', '0.10.0')).toBe(false);
    expect(versionAtLeast('23.0.0-rc1', '23.0.0')).toBe(true);
  });
  it("reads the node's BuildKit version (an engine version on the docker driver)", () => {
    const remote =
      'Name: testbed\nDriver: remote\n\nNodes:\nName: testbed0\nBuildkit:  v0.11.6\nPlatforms: linux/amd64\n';
    expect(parseBuildxInspect(remote).buildkitVersion).toBe('0.11.6');
    expect(
      parseBuildxInspect('Name: default\nDriver: docker\nBuildkit: 20.10.24+dfsg1\n').buildkitVersion,
    ).toBe('20.10.24');
  });
  it('reads an inspect without platforms', () => {
    expect(parseBuildxInspect('Name: x\nDriver: remote\n').platforms).toEqual([]);
  });
});

describe('ensureRemoteBuilder (buildkit-endpoint)', () => {
  const NAME = /^image-build-[0-9a-f]{12}$/;

  it('makes a remote builder over the endpoint once, with its driver options, and names it', async () => {
    const calls: string[][] = [];
    const runner: CommandRunner = {
      run: async (_file, args) => {
        calls.push([...args]);
        if (args[1] === 'version')
          return { exitCode: 0, stdout: 'github.com/docker/buildx v0.10.5 x', stderr: '' };
        if (args[1] === 'inspect') return { exitCode: 1, stdout: '', stderr: 'ERROR: no builder found' };
        return { exitCode: 0, stdout: '', stderr: '' };
      },
    };
    const name = await ensureRemoteBuilder(
      runner,
      {},
      {
        endpoint: 'tcp://buildkitd.internal:1234',
        driverOpts: ['cacert=/certs/ca.pem', 'servername=buildkitd'],
      },
    );
    expect(name).toMatch(NAME);
    expect(calls.at(-1)).toEqual([
      'buildx',
      'create',
      '--name',
      name,
      '--driver',
      'remote',
      '--driver-opt',
      'cacert=/certs/ca.pem',
      '--driver-opt',
      'servername=buildkitd',
      'tcp://buildkitd.internal:1234',
    ]);
    // Another endpoint or other options: another builder.
    const other = await ensureRemoteBuilder(runner, {}, { endpoint: 'tcp://buildkitd.internal:1234' });
    expect(other).not.toBe(name);
  });

  it('reuses the builder a run made before (nothing created)', async () => {
    const calls: string[] = [];
    const runner: CommandRunner = {
      run: async (_file, args) => {
        calls.push(args.join(' '));
        return { exitCode: 0, stdout: args[1] === 'version' ? 'v0.21.1' : '', stderr: '' };
      },
    };
    await ensureRemoteBuilder(runner, {}, { endpoint: 'unix:///run/buildkit/buildkitd.sock' });
    expect(calls.some((call) => call.startsWith('buildx create'))).toBe(false);
  });

  it('refuses an address or an option it cannot use, before running anything', async () => {
    const runner: CommandRunner = { run: async () => ({ exitCode: 0, stdout: '', stderr: '' }) };
    await expect(ensureRemoteBuilder(runner, {}, { endpoint: 'buildkitd:1234' })).rejects.toThrow(
      'input "buildkit-endpoint": "buildkitd:1234" is not a BuildKit address',
    );
    await expect(
      ensureRemoteBuilder(runner, {}, { endpoint: 'tcp://b:1', driverOpts: ['cacert /x'] }),
    ).rejects.toThrow('input "buildkit-driver-opts": "cacert /x" must be key=value');
  });
});
