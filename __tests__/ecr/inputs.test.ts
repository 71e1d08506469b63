import { describe, expect, it } from 'vitest';
import {
  ECR_INPUT_DEFAULTS,
  planEcrTargets,
  readEcrInputs,
  untaggedExpiryPolicy,
  type EcrInputName,
} from '../../src/ecr/index.js';
import { InputError } from '../../src/util/errors.js';

const inputs = (values: Partial<Record<EcrInputName, string>>) => (name: EcrInputName) => values[name] ?? '';

describe('readEcrInputs', () => {
  it('applies the defaults when nothing is set', () => {
    expect(readEcrInputs(inputs({}))).toEqual({
      createRepository: true,
      scanOnPush: true,
      tagMutability: 'MUTABLE',
      tagMutabilityExclusions: [],
      encryption: 'AES256',
      repositoryTags: [],
      waitForScanSeconds: Number(ECR_INPUT_DEFAULTS['ecr-wait-for-scan']),
    });
  });

  it('reads every input into typed values', () => {
    const read = readEcrInputs(
      inputs({
        'aws-region': 'eu-central-1',
        'ecr-create-repository': 'FALSE',
        'ecr-scan-on-push': 'false',
        'ecr-tag-mutability': 'immutable_with_exclusion',
        'ecr-tag-mutability-exclusions': 'latest\ndev-*',
        'ecr-encryption': 'kms',
        'ecr-kms-key': 'arn:aws:kms:eu-central-1:123456789012:key/abc',
        'ecr-repository-tags': 'Project=rag, Environment=prod\nOwner=platform team',
        'ecr-lifecycle-expire-untagged-days': '14',
        'ecr-wait-for-scan': '0',
      }),
    );
    expect(read).toEqual({
      region: 'eu-central-1',
      createRepository: false,
      scanOnPush: false,
      tagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      tagMutabilityExclusions: ['latest', 'dev-*'],
      encryption: 'KMS',
      kmsKey: 'arn:aws:kms:eu-central-1:123456789012:key/abc',
      repositoryTags: [
        { key: 'Project', value: 'rag' },
        { key: 'Environment', value: 'prod' },
        { key: 'Owner', value: 'platform team' },
      ],
      lifecycleExpireUntaggedDays: 14,
      waitForScanSeconds: 0,
    });
  });

  it.each([
    [{ 'aws-region': 'europe' }, 'aws-region', 'not an AWS region'],
    [{ 'ecr-tag-mutability': 'FROZEN' }, 'ecr-tag-mutability', 'MUTABLE, IMMUTABLE'],
    [
      { 'ecr-tag-mutability': 'MUTABLE_WITH_EXCLUSION' },
      'ecr-tag-mutability-exclusions',
      'needs at least one',
    ],
    [{ 'ecr-tag-mutability-exclusions': 'latest' }, 'ecr-tag-mutability-exclusions', 'only apply'],
    [{ 'ecr-encryption': 'DES' }, 'ecr-encryption', 'AES256, KMS, KMS_DSSE'],
    [{ 'ecr-kms-key': 'alias/x' }, 'ecr-kms-key', 'needs ecr-encryption KMS'],
    [{ 'ecr-scan-on-push': 'perhaps' }, 'ecr-scan-on-push', 'is not a boolean'],
    [{ 'ecr-lifecycle-expire-untagged-days': '0' }, 'ecr-lifecycle-expire-untagged-days', 'at least 1'],
    [{ 'ecr-wait-for-scan': '2m' }, 'ecr-wait-for-scan', 'whole number'],
  ] as [Partial<Record<EcrInputName, string>>, string, string][])(
    '%o is an InputError on %s',
    (values, input, message) => {
      const attempt = () => readEcrInputs(inputs(values));
      expect(attempt).toThrow(InputError);
      expect(attempt).toThrow(`input "${input}"`);
      expect(attempt).toThrow(message);
    },
  );

  it('names the line and key of a bad repository tag', () => {
    const attempt = (value: string) => () => readEcrInputs(inputs({ 'ecr-repository-tags': value }));
    expect(attempt('A=1\nbroken')).toThrow('input "ecr-repository-tags", line 2: "broken" is not Key=Value');
    expect(attempt('A=1\nA=2')).toThrow('line 2, field "A": the key is given twice');
    expect(attempt('aws:x=1')).toThrow('reserved');
    expect(attempt(`K=${'v'.repeat(257)}`)).toThrow('at most 256');
  });
});

describe('planEcrTargets', () => {
  const private1 = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/api';

  it('keeps one target per ECR repository and ignores other registries', () => {
    const targets = planEcrTargets(
      [`${private1}:1.0.0`, `${private1}:latest`, 'ghcr.io/o/api:1.0.0', 'public.ecr.aws/al/api:1'],
      {},
    );
    expect(targets.map((target) => [target.repositoryUri, target.region, target.managed])).toEqual([
      [private1, 'eu-west-1', true],
      ['public.ecr.aws/al/api', 'us-east-1', false],
    ]);
  });

  it('refuses an aws-region that differs from the reference, naming both regions', () => {
    const attempt = () => planEcrTargets([`${private1}:1`], { region: 'us-east-2' });
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(/input "aws-region".*us-east-2.*eu-west-1/);
    expect(planEcrTargets([`${private1}:1`], { region: 'eu-west-1' })).toHaveLength(1);
    // ECR Public's API is in us-east-1 whatever region the private repositories use.
    expect(planEcrTargets(['public.ecr.aws/al/api:1'], { region: 'eu-west-1' })[0].region).toBe('us-east-1');
  });

  it('rejects an invalid repository name before anything runs', () => {
    expect(() => planEcrTargets(['123456789012.dkr.ecr.eu-west-1.amazonaws.com/app--x:1'], {})).toThrow(
      'not a valid ECR repository name',
    );
  });
});

describe('untaggedExpiryPolicy', () => {
  it('expires untagged images N days after push', () => {
    const policy = JSON.parse(untaggedExpiryPolicy(9)) as {
      rules: { selection: Record<string, unknown>; action: { type: string } }[];
    };
    expect(policy.rules).toHaveLength(1);
    expect(policy.rules[0].selection).toEqual({
      tagStatus: 'untagged',
      countType: 'sinceImagePushed',
      countUnit: 'days',
      countNumber: 9,
    });
    expect(policy.rules[0].action.type).toBe('expire');
  });
});
