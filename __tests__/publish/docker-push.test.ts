import { describe, expect, it } from 'vitest';
import { dockerPushPrimary } from '../../src/publish/docker-push.js';
import type { CommandRunner } from '../../src/util/exec.js';

const DIGEST = `sha256:${'b'.repeat(64)}`;

function recorder(pushOutput: { exitCode: number; stdout: string; stderr?: string }) {
  const calls: string[][] = [];
  const runner: CommandRunner = {
    async run(file, args) {
      calls.push([file, ...args]);
      if (args[0] === 'push')
        return { exitCode: pushOutput.exitCode, stdout: pushOutput.stdout, stderr: pushOutput.stderr ?? '' };
      return { exitCode: 0, stdout: '', stderr: '' };
    },
  };
  return { runner, calls };
}

describe('dockerPushPrimary', () => {
  it('tags the built image as the reference, pushes it and reads the digest docker printed', async () => {
    const { runner, calls } = recorder({
      exitCode: 0,
      stdout: `abc: Pushed\n1.0.0: digest: ${DIGEST} size: 1570\n`,
    });
    const push = dockerPushPrimary({ runner, docker: '/usr/bin/docker', sourceImage: 'local/app' });
    expect(await push('127.0.0.1:5000/publish/app:1.0.0')).toEqual({ digest: DIGEST });
    expect(calls).toEqual([
      ['/usr/bin/docker', 'tag', 'local/app', '127.0.0.1:5000/publish/app:1.0.0'],
      ['/usr/bin/docker', 'push', '127.0.0.1:5000/publish/app:1.0.0'],
    ]);
  });

  it('pushes an image already tagged as the reference without re-tagging, and reports failures', async () => {
    const ok = recorder({ exitCode: 0, stdout: `1: digest: ${DIGEST} size: 1\n` });
    await dockerPushPrimary({ runner: ok.runner })('r.test/app:1');
    expect(ok.calls).toEqual([['docker', 'push', 'r.test/app:1']]);
    const failing = recorder({
      exitCode: 1,
      stdout: '',
      stderr: 'denied: requested access to the resource is denied',
    });
    await expect(dockerPushPrimary({ runner: failing.runner })('r.test/app:1')).rejects.toThrow(
      'docker push r.test/app:1 failed (exit 1): denied: requested access to the resource is denied',
    );
    const silent = recorder({ exitCode: 0, stdout: 'done\n' });
    await expect(dockerPushPrimary({ runner: silent.runner })('r.test/app:1')).rejects.toThrow(
      /printed no digest/,
    );
  });
});
