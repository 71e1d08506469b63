import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEcrClient,
  ensureEcrRepository,
  readEcrInputs,
  untaggedExpiryPolicy,
  type EcrInputName,
  type EcrInputs,
} from '../../src/ecr/index.js';
import { InputError } from '../../src/util/errors.js';
import { EMULATOR_CREDENTIALS, startEcrEmulator, type EcrEmulator } from '../helpers/ecr-emulator.js';
import { capturingLogger } from '../helpers/ecr-recorders.js';

const settings = (values: Partial<Record<EcrInputName, string>>): EcrInputs =>
  readEcrInputs((name) => values[name] ?? '');

describe('ensureEcrRepository', () => {
  let emulator: EcrEmulator;
  beforeAll(async () => {
    emulator = await startEcrEmulator();
  });
  afterAll(() => emulator.close());
  const client = () =>
    createEcrClient({
      region: 'us-east-1',
      endpoint: emulator.endpoint,
      credentials: EMULATOR_CREDENTIALS,
    });

  it('creates a missing repository with the settings from the inputs', async () => {
    const info = await ensureEcrRepository({
      client: client(),
      logger: capturingLogger(),
      repository: 'team/api',
      settings: settings({
        'ecr-tag-mutability': 'IMMUTABLE',
        'ecr-encryption': 'KMS',
        'ecr-kms-key': 'alias/images',
        'ecr-repository-tags': 'Project=api\nEnvironment=prod',
        'ecr-lifecycle-expire-untagged-days': '7',
      }),
    });
    expect(info).toMatchObject({
      name: 'team/api',
      uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api',
      created: true,
      tagMutability: 'IMMUTABLE',
      scanOnPush: true,
      lifecyclePolicy: 'applied',
    });
    const stored = emulator.repositories.get('team/api');
    expect(stored).toMatchObject({
      imageTagMutability: 'IMMUTABLE',
      scanOnPush: true,
      encryptionConfiguration: { encryptionType: 'KMS', kmsKey: 'alias/images' },
      tags: [
        { Key: 'Project', Value: 'api' },
        { Key: 'Environment', Value: 'prod' },
      ],
    });
    expect(stored?.lifecyclePolicyText).toBe(untaggedExpiryPolicy(7));
    expect(emulator.calls.map((call) => call.operation)).toEqual([
      'DescribeRepositories',
      'CreateRepository',
      'PutLifecyclePolicy',
    ]);
  });

  it('leaves an existing repository and its lifecycle policy as they are, with notices', async () => {
    emulator.calls.length = 0;
    const logger = capturingLogger();
    const info = await ensureEcrRepository({
      client: client(),
      logger,
      repository: 'team/api',
      settings: settings({ 'ecr-scan-on-push': 'false', 'ecr-lifecycle-expire-untagged-days': '30' }),
    });
    expect(info).toMatchObject({
      created: false,
      tagMutability: 'IMMUTABLE',
      scanOnPush: true,
      lifecyclePolicy: 'kept',
    });
    expect(emulator.repositories.get('team/api')?.lifecyclePolicyText).toBe(untaggedExpiryPolicy(7));
    expect(logger.lines.filter((line) => line.startsWith('notice:'))).toHaveLength(3);
    expect(emulator.calls.map((call) => call.operation)).toEqual([
      'DescribeRepositories',
      'GetLifecyclePolicy',
    ]);
  });

  it('puts a lifecycle policy on an existing repository that has none', async () => {
    await ensureEcrRepository({
      client: client(),
      logger: capturingLogger(),
      repository: 'bare',
      settings: settings({}),
    });
    const info = await ensureEcrRepository({
      client: client(),
      logger: capturingLogger(),
      repository: 'bare',
      settings: settings({ 'ecr-lifecycle-expire-untagged-days': '3' }),
    });
    expect(info.lifecyclePolicy).toBe('applied');
    expect(emulator.repositories.get('bare')?.lifecyclePolicyText).toBe(untaggedExpiryPolicy(3));
  });

  it('refuses to create when ecr-create-repository is false, and rejects bad names before any call', async () => {
    emulator.calls.length = 0;
    const noCreate = ensureEcrRepository({
      client: client(),
      logger: capturingLogger(),
      repository: 'missing',
      settings: settings({ 'ecr-create-repository': 'false' }),
    });
    await expect(noCreate).rejects.toThrow(/input "ecr-create-repository".*"missing" does not exist/);
    expect(emulator.repositories.has('missing')).toBe(false);

    emulator.calls.length = 0;
    const badName = ensureEcrRepository({
      client: client(),
      logger: capturingLogger(),
      repository: 'Team/API',
      settings: settings({}),
    });
    await expect(badName).rejects.toBeInstanceOf(InputError);
    expect(emulator.calls).toHaveLength(0);
  });

  it('treats a repository created by a concurrent job as found', async () => {
    const racing = createEcrClient({
      region: 'us-east-1',
      endpoint: emulator.endpoint,
      credentials: EMULATOR_CREDENTIALS,
    });
    // Both jobs see "not found", both create: one wins, the other must not fail.
    const results = await Promise.all(
      [client(), racing].map((c) =>
        ensureEcrRepository({
          client: c,
          logger: capturingLogger(),
          repository: 'raced',
          settings: settings({}),
        }),
      ),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(results.map((result) => result.name)).toEqual(['raced', 'raced']);
  });
});
