import { describe, expect, it } from 'vitest';
import {
  dockerPush,
  isTransientPushFailure,
  parsePushDigest,
  PushFailedError,
  retryTransient,
} from '../../src/engine/push.js';
import type { CommandRunner, ExecResult } from '../../src/util/exec.js';

const DIGEST = `sha256:${'c'.repeat(64)}`;

/** Answers each `docker push` with the next scripted result. */
function scripted(results: Partial<ExecResult>[]) {
  const calls: string[][] = [];
  const runner: CommandRunner = {
    async run(file, args) {
      calls.push([file, ...args]);
      const next = results[Math.min(calls.length - 1, results.length - 1)];
      return { exitCode: next.exitCode ?? 0, stdout: next.stdout ?? '', stderr: next.stderr ?? '' };
    },
  };
  return { runner, calls };
}

const waits: number[] = [];
const retry = { sleep: async (ms: number) => void waits.push(ms), random: () => 0.5 };

describe('isTransientPushFailure', () => {
  it.each([
    'received unexpected HTTP status: 503 Service Unavailable',
    'toomanyrequests: Rate exceeded',
    'Put "http://127.0.0.1:5000/v2/app/blobs/uploads/x": EOF',
    'read tcp 127.0.0.1:1->127.0.0.1:2: read: connection reset by peer',
    'blob upload unknown: blob upload unknown to registry',
    'failed commit on ref "layer-sha256:abc": unexpected status: 500 Internal Server Error',
    'net/http: TLS handshake timeout',
  ])('retries: %s', (text) => expect(isTransientPushFailure(text)).toBe(true));

  it.each([
    'denied: requested access to the resource is denied',
    'unauthorized: authentication required',
    'no basic auth credentials',
    'An image does not exist locally with the tag: r/app',
    'invalid reference format: repository name must be lowercase',
    'manifest invalid: manifest invalid',
    // A refusal wins even when the message also says something that looks transient.
    'unexpected status: 403 Forbidden (EOF)',
  ])('does not retry: %s', (text) => expect(isTransientPushFailure(text)).toBe(false));
});

describe('dockerPush', () => {
  it('pushes again after transient failures, with growing waits, and returns the digest', async () => {
    waits.length = 0;
    const { runner, calls } = scripted([
      { exitCode: 1, stderr: 'received unexpected HTTP status: 503 Service Unavailable' },
      { exitCode: 1, stderr: 'Put "http://r/v2/app/blobs/uploads/1": EOF' },
      { stdout: `1.0.0: digest: ${DIGEST} size: 1570\n` },
    ]);
    const reasons: string[] = [];
    const result = await dockerPush({ runner, docker: '/usr/bin/docker' }, 'r.test/app:1.0.0', {
      ...retry,
      onRetry: (reason) => void reasons.push(reason),
    });
    expect(result).toEqual({ digest: DIGEST });
    expect(calls).toHaveLength(3);
    expect(calls[0]).toEqual(['/usr/bin/docker', 'push', 'r.test/app:1.0.0']);
    expect(waits).toEqual([1000, 2000]);
    expect(reasons).toEqual([
      'received unexpected HTTP status: 503 Service Unavailable',
      'Put "http://r/v2/app/blobs/uploads/1": EOF',
    ]);
  });

  it('stops after the attempts it was given, and the error keeps the client output', async () => {
    const { runner, calls } = scripted([{ exitCode: 1, stderr: 'x\n503 Service Unavailable\n' }]);
    const error = await dockerPush({ runner }, 'r.test/app:1', { ...retry, attempts: 3 }).catch(
      (e: unknown) => e,
    );
    expect(calls).toHaveLength(3);
    expect(error).toBeInstanceOf(PushFailedError);
    expect((error as PushFailedError).transient).toBe(true);
    expect((error as Error).message).toBe(
      'docker push r.test/app:1 failed (exit 1): 503 Service Unavailable',
    );
    expect((error as PushFailedError).output).toBe('x\n503 Service Unavailable');
  });

  it('never retries a refusal', async () => {
    const { runner, calls } = scripted([
      { exitCode: 1, stderr: 'denied: requested access to the resource is denied' },
    ]);
    await expect(dockerPush({ runner }, 'r.test/app:1', retry)).rejects.toThrow(/failed \(exit 1\): denied/);
    expect(calls).toHaveLength(1);
  });

  it('reads the digest of the tag it pushed', async () => {
    const other = `sha256:${'d'.repeat(64)}`;
    const output = `latest: digest: ${other} size: 1\n1.0: digest: ${DIGEST} size: 2\n`;
    expect(parsePushDigest(output, '1.0')).toBe(DIGEST);
    expect(parsePushDigest(output)).toBe(DIGEST);
    const { runner } = scripted([{ stdout: 'done\n' }]);
    await expect(dockerPush({ runner }, 'r.test/app:1', retry)).rejects.toThrow(/printed no digest/);
  });
});

describe('retryTransient', () => {
  it('returns the first success or the first permanent failure untouched', async () => {
    let n = 0;
    const result = await retryTransient(
      async () => ({ exitCode: ++n < 2 ? 1 : 0, output: '502 Bad Gateway' }),
      retry,
    );
    expect(result.exitCode).toBe(0);
    expect(n).toBe(2);
  });
});
