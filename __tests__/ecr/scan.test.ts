import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcrClient, waitForScanFindings } from '../../src/ecr/index.js';
import { EMULATOR_CREDENTIALS, startEcrEmulator, type EcrEmulator } from '../helpers/ecr-emulator.js';
import { capturingLogger } from '../helpers/ecr-recorders.js';

const DIGEST = `sha256:${'cd'.repeat(32)}`;

/** A clock that only moves when the code under test sleeps. */
function fakeClock() {
  let time = 1_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => time,
    sleep: async (ms: number) => {
      slept.push(ms);
      time += ms;
    },
  };
}

describe('waitForScanFindings', () => {
  let emulator: EcrEmulator;
  beforeAll(async () => {
    emulator = await startEcrEmulator({
      scanPollsUntilComplete: 3,
      scanFindings: (repository): Record<string, number> =>
        repository === 'scanned' ? { HIGH: 2, LOW: 5, CRITICAL: 1 } : {},
    });
    emulator.repositories.set('scanned', {
      name: 'scanned',
      createdAt: 0,
      imageTagMutability: 'MUTABLE',
      scanOnPush: true,
      encryptionConfiguration: { encryptionType: 'AES256' },
      tags: [],
    });
  });
  afterAll(() => emulator.close());
  const client = () =>
    createEcrClient({
      region: 'us-east-1',
      endpoint: emulator.endpoint,
      credentials: EMULATOR_CREDENTIALS,
    });

  it('waits through "not started" and IN_PROGRESS, then returns the counts by severity', async () => {
    const clock = fakeClock();
    emulator.images.record('scanned', DIGEST);
    const logger = capturingLogger();
    const first = waitForScanFindings({
      client: client(),
      logger,
      repository: 'scanned',
      digest: DIGEST,
      timeoutSeconds: 60,
      pollSeconds: 5,
      ...clock,
      sleep: async (ms) => {
        await clock.sleep(ms);
        // The scan record appears after the first poll, as it does a moment after a real push.
        if (!emulator.scans.has(`scanned@${DIGEST}`)) emulator.scans.set(`scanned@${DIGEST}`, 0);
      },
    });
    const result = await first;
    expect(result).toMatchObject({
      repository: 'scanned',
      digest: DIGEST,
      status: 'COMPLETE',
      counts: { CRITICAL: 1, HIGH: 2, MEDIUM: 0, LOW: 5, INFORMATIONAL: 0, UNDEFINED: 0 },
      total: 8,
    });
    expect(result.completedAt).toBeDefined();
    expect(clock.slept).toEqual([5000, 5000, 5000, 5000]);
    expect(logger.lines.some((line) => line.startsWith('warning'))).toBe(false);
  });

  it('gives up at the bound with TIMED_OUT and a warning, not an error', async () => {
    const clock = fakeClock();
    // Pushed, but its scan never starts.
    emulator.images.record('scanned', `sha256:${'ef'.repeat(32)}`);
    const logger = capturingLogger();
    const result = await waitForScanFindings({
      client: client(),
      logger,
      repository: 'scanned',
      digest: `sha256:${'ef'.repeat(32)}`,
      timeoutSeconds: 12,
      pollSeconds: 5,
      ...clock,
    });
    expect(result.status).toBe('TIMED_OUT');
    expect(result.total).toBe(0);
    expect(clock.slept).toEqual([5000, 5000, 2000]);
    expect(logger.lines.filter((line) => line.startsWith('warning'))).toHaveLength(1);
  });
});
