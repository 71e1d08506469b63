import { describe, expect, it } from 'vitest';
import { runSmokeTest, type SmokeTestOptions } from '../../src/report/index.js';
import type { CommandRunner, ExecResult } from '../../src/util/exec.js';

/** A scripted engine: `inspect` answers come from a list, one per poll; every call is recorded. */
function engine(states: object[], handlers: { run?: ExecResult; exec?: number[]; logs?: string } = {}) {
  const calls: string[][] = [];
  let polls = 0;
  let probes = 0;
  const runner: CommandRunner = {
    async run(_file, args) {
      calls.push([...args]);
      const ok = (stdout = ''): ExecResult => ({ exitCode: 0, stdout, stderr: '' });
      switch (args[0]) {
        case 'run':
          return handlers.run ?? ok('c0ffee\n');
        case 'inspect':
          return ok(JSON.stringify(states[Math.min(polls++, states.length - 1)]));
        case 'exec':
          return {
            exitCode: handlers.exec?.[Math.min(probes++, (handlers.exec?.length ?? 1) - 1)] ?? 1,
            stdout: '',
            stderr: '',
          };
        case 'logs':
          return ok(handlers.logs ?? '');
        default:
          return ok();
      }
    },
  };
  let clock = 0;
  const options: Omit<SmokeTestOptions, 'image'> = {
    runner,
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
  };
  return { calls, options };
}

const running = (health?: string) => ({
  Running: true,
  ExitCode: 0,
  ...(health && { Health: { Status: health } }),
});

describe('runSmokeTest', () => {
  it('waits for the HEALTHCHECK to turn healthy, without network, then removes the container', async () => {
    const { calls, options } = engine([running('starting'), running('starting'), running('healthy')]);
    const result = await runSmokeTest({ ...options, image: 'app:1', healthcheck: true });
    expect(result).toMatchObject({ passed: true, detail: 'healthy after 2.0 s' });
    const run = calls[0];
    expect(run.slice(0, 3)).toEqual(['run', '-d', '--name']);
    expect(run).toContain('--network=none');
    expect(run).toContain('--health-interval=1s');
    expect(run.at(-1)).toBe('app:1');
    expect(calls.at(-1)).toEqual(['rm', '-f', '-v', run[3]]);
  });

  it('fails when the container exits, keeping its logs', async () => {
    const { calls, options } = engine([running(), { Running: false, ExitCode: 3 }], {
      logs: 'Error: no DATABASE_URL\n',
    });
    const result = await runSmokeTest({
      ...options,
      image: 'app:1',
      command: ['wget', '-q', 'localhost:8080/health'],
    });
    expect(result).toMatchObject({
      passed: false,
      detail: 'exited with code 3 after 1.0 s',
      log: 'Error: no DATABASE_URL\n',
    });
    expect(calls.map((c) => c[0])).toEqual(['run', 'inspect', 'exec', 'inspect', 'logs', 'rm']);
  });

  it('passes when the probe command exits 0, run inside the container', async () => {
    const { calls, options } = engine([running()], { exec: [1, 1, 0] });
    const result = await runSmokeTest({
      ...options,
      image: 'app:1',
      command: ['wget', '-q', 'localhost:8080/health'],
      network: 'host',
    });
    expect(result).toMatchObject({ passed: true, detail: 'probe exited 0 after 2.0 s' });
    expect(calls[0]).toContain('--network=host');
    expect(
      calls
        .filter((c) => c[0] === 'exec')
        .at(-1)
        ?.slice(2),
    ).toEqual(['wget', '-q', 'localhost:8080/health']);
  });

  it('times out with the last state it saw', async () => {
    const { options } = engine([running('starting')]);
    const result = await runSmokeTest({ ...options, image: 'app:1', healthcheck: true, timeoutSeconds: 5 });
    expect(result).toMatchObject({ passed: false, detail: 'not ready within 5 s (health starting)' });
  });

  it('without HEALTHCHECK or probe, staying up for the grace period passes', async () => {
    const { options } = engine([running()]);
    expect(await runSmokeTest({ ...options, image: 'app:1' })).toMatchObject({
      passed: true,
      detail: 'still running after 3 s (no HEALTHCHECK or probe command)',
    });
  });

  it('an image that does not start fails with the engine message, and is still cleaned up', async () => {
    const { calls, options } = engine([], {
      run: { exitCode: 125, stdout: '', stderr: 'Unable to find image app:404\n' },
    });
    const result = await runSmokeTest({ ...options, image: 'app:404' });
    expect(result).toMatchObject({ passed: false, detail: 'could not start: Unable to find image app:404' });
    expect(calls.at(-1)?.[0]).toBe('rm');
  });
});
