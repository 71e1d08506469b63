import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  collectEcrScanFindings,
  createEcrClient,
  ecrLogout,
  prepareEcr,
  readEcrInputs,
  type EcrInputName,
  type EcrTarget,
} from '../../src/ecr/index.js';
import { InputError } from '../../src/util/errors.js';
import { EMULATOR_CREDENTIALS, startEcrEmulator, type EcrEmulator } from '../helpers/ecr-emulator.js';
import { capturingLogger, recordingRunner } from '../helpers/ecr-recorders.js';

const ok = { exitCode: 0, stdout: 'Login Succeeded\n', stderr: '' };
const west = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
const east = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const inputs = (values: Partial<Record<EcrInputName, string>> = {}) =>
  readEcrInputs((name) => values[name] ?? '');

describe('prepareEcr', () => {
  // One endpoint per region, as AWS has: each refuses requests signed for another region.
  let emulator: EcrEmulator;
  let eastEmulator: EcrEmulator;
  const tempRoot = mkdtempSync(join(tmpdir(), 'ib-ecr-prepare-'));
  beforeAll(async () => {
    emulator = await startEcrEmulator({
      region: 'eu-west-1',
      scanPollsUntilComplete: 0,
      scanFindings: () => ({ MEDIUM: 4 }),
    });
    eastEmulator = await startEcrEmulator({ region: 'us-east-1' });
  });
  beforeEach(() => {
    for (const regional of [emulator, eastEmulator]) {
      regional.calls.length = 0;
      regional.repositories.clear();
    }
  });
  afterAll(async () => {
    await emulator.close();
    await eastEmulator.close();
  });
  const clientFor = (target: EcrTarget) =>
    createEcrClient({
      region: target.region,
      endpoint: (target.region === 'us-east-1' ? eastEmulator : emulator).endpoint,
      credentials: EMULATOR_CREDENTIALS,
    });

  it('ensures each ECR repository and logs in once per registry, ignoring other registries', async () => {
    const runner = recordingRunner(() => ok);
    const prepared = await prepareEcr({
      images: [
        `${west}/api:1.0.0`,
        `${west}/api:latest`,
        `${west}/worker:1.0.0`,
        'ghcr.io/o/api:1.0.0',
        'public.ecr.aws/al/api:1',
      ],
      inputs: inputs({ 'ecr-tag-mutability': 'IMMUTABLE' }),
      runner,
      logger: capturingLogger(),
      tempRoot,
      clientFor,
    });
    expect(
      prepared.targets.map((t) => [t.repository.name, t.repository.created, t.repository.tagMutability]),
    ).toEqual([
      ['api', true, 'IMMUTABLE'],
      ['worker', true, 'IMMUTABLE'],
    ]);
    expect(emulator.calls.map((call) => call.operation)).toEqual([
      'DescribeRepositories',
      'CreateRepository',
      'DescribeRepositories',
      'CreateRepository',
      'GetAuthorizationToken',
    ]);
    expect(emulator.calls.every((call) => call.region === 'eu-west-1')).toBe(true);
    expect(eastEmulator.calls).toEqual([]);
    expect(emulator.refusals).toEqual([]);
    expect(emulator.calls.at(-1)?.body).toEqual({ registryIds: ['123456789012'] });
    expect(runner.commands.map((command) => command.args.at(-1))).toEqual([west]);
    expect(prepared.login?.registries).toEqual([west]);
    await ecrLogout(prepared.login!, { runner, logger: capturingLogger() });
  });

  it('logs in to registries of two regions into one temporary Docker config', async () => {
    const runner = recordingRunner(() => ok);
    const prepared = await prepareEcr({
      images: [`${west}/api:1`, `${east}/api:1`],
      inputs: inputs(),
      runner,
      logger: capturingLogger(),
      tempRoot,
      clientFor,
    });
    expect(emulator.calls.map((call) => call.operation)).toContain('GetAuthorizationToken');
    expect(eastEmulator.calls.map((call) => call.operation)).toContain('GetAuthorizationToken');
    expect([...emulator.refusals, ...eastEmulator.refusals]).toEqual([]);
    expect(prepared.login?.registries).toEqual([west, east]);
    const configs = new Set(runner.commands.map((command) => command.options.env?.DOCKER_CONFIG));
    expect(configs).toEqual(new Set([prepared.login?.dockerConfig]));
    await ecrLogout(prepared.login!, { runner, logger: capturingLogger() });
    expect(existsSync(prepared.login!.dockerConfig)).toBe(false);
  });

  it('removes the temporary config when a later region fails to log in', async () => {
    const runner = recordingRunner((_file, args) =>
      args.at(-1) === east ? { exitCode: 1, stdout: '', stderr: 'denied' } : ok,
    );
    const attempt = prepareEcr({
      images: [`${west}/api:1`, `${east}/api:1`],
      inputs: inputs(),
      runner,
      logger: capturingLogger(),
      tempRoot,
      clientFor,
    });
    await expect(attempt).rejects.toThrow(`docker login to ${east} failed`);
    const dir = runner.commands[0].options.env?.DOCKER_CONFIG;
    expect(runner.commands.map((command) => command.args.at(-1))).toEqual([west, east]);
    expect(dir && existsSync(dir)).toBe(false);
  });

  it('stops on a region mismatch before any AWS call or command', async () => {
    const runner = recordingRunner(() => ok);
    const attempt = prepareEcr({
      images: [`${west}/api:1`],
      inputs: inputs({ 'aws-region': 'us-east-1' }),
      runner,
      logger: capturingLogger(),
      clientFor,
    });
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    expect(emulator.calls).toHaveLength(0);
    expect(runner.commands).toHaveLength(0);
  });

  it('does nothing without private ECR images', async () => {
    const prepared = await prepareEcr({
      images: ['ghcr.io/o/api:1', 'public.ecr.aws/al/api:1'],
      inputs: inputs(),
      runner: recordingRunner(() => ok),
      logger: capturingLogger(),
      clientFor,
    });
    expect(prepared).toEqual({ targets: [] });
    expect(emulator.calls).toHaveLength(0);
  });

  it('collects scan findings only for repositories that scan on push, and not at all with wait 0', async () => {
    const runner = recordingRunner(() => ok);
    const prepared = await prepareEcr({
      images: [`${west}/scanned:1`],
      inputs: inputs(),
      runner,
      logger: capturingLogger(),
      tempRoot,
      clientFor,
    });
    const digest = `sha256:${'9'.repeat(64)}`;
    emulator.images.record('scanned', digest);
    emulator.scans.set(`scanned@${digest}`, 0);
    const logger = capturingLogger();
    expect(
      await collectEcrScanFindings(prepared, digest, { inputs: { waitForScanSeconds: 0 }, logger }),
    ).toEqual([]);
    const [result] = await collectEcrScanFindings(prepared, digest, {
      inputs: { waitForScanSeconds: 5 },
      logger,
    });
    expect(result).toMatchObject({ repository: 'scanned', status: 'COMPLETE', total: 4 });
    expect(result.counts.MEDIUM).toBe(4);

    prepared.targets[0].repository.scanOnPush = false;
    expect(
      await collectEcrScanFindings(prepared, digest, { inputs: { waitForScanSeconds: 5 }, logger }),
    ).toEqual([]);
    await ecrLogout(prepared.login!, { runner, logger });
  });
});
