import { describe, expect, it } from 'vitest';
import { ecrRepositoryUri, isEcrRegistry, parseEcrReference } from '../../src/registry/ecr-reference.js';
import { InputError } from '../../src/util/errors.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('parseEcrReference', () => {
  it('reads a private reference: account, region, partition, repository with slashes, tag', () => {
    expect(
      parseEcrReference('123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/rag-worker-prod:v1.0.0'),
    ).toEqual({
      kind: 'private',
      registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      accountId: '123456789012',
      region: 'eu-west-1',
      partition: 'aws',
      fips: false,
      dualStack: false,
      repository: 'team/rag-worker-prod',
      tag: 'v1.0.0',
    });
  });

  it('recognises FIPS, China, GovCloud and dual-stack hosts', () => {
    const fips = parseEcrReference('123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app');
    expect(fips).toMatchObject({
      fips: true,
      region: 'us-gov-west-1',
      partition: 'aws-us-gov',
      repository: 'app',
    });
    const china = parseEcrReference('123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app@' + DIGEST);
    expect(china).toMatchObject({ partition: 'aws-cn', region: 'cn-north-1', digest: DIGEST });
    expect(china).not.toHaveProperty('tag');
    const dual = parseEcrReference('123456789012.dkr-ecr.ap-southeast-2.on.aws/app:1');
    expect(dual).toMatchObject({ dualStack: true, region: 'ap-southeast-2', tag: '1' });
  });

  it('reads ECR Public as alias + repository in us-east-1', () => {
    const reference = parseEcrReference('public.ecr.aws/my-alias/tools/cli:2.1@' + DIGEST);
    expect(reference).toMatchObject({
      kind: 'public',
      alias: 'my-alias',
      repository: 'tools/cli',
      tag: '2.1',
      digest: DIGEST,
      region: 'us-east-1',
    });
    expect(ecrRepositoryUri(reference!)).toBe('public.ecr.aws/my-alias/tools/cli');
  });

  it('returns undefined for other registries, so they are handled as plain OCI registries', () => {
    for (const other of [
      'ghcr.io/o/app:1',
      'docker.io/library/busybox',
      'busybox',
      '127.0.0.1:5000/ecr/app',
      'amazonaws.com/x',
    ]) {
      expect(parseEcrReference(other)).toBeUndefined();
    }
    expect(isEcrRegistry('123456789012.dkr.ecr.us-east-1.amazonaws.com')).toBe(true);
    expect(isEcrRegistry('12345.dkr.ecr.us-east-1.amazonaws.com')).toBe(false);
  });

  it('rejects ECR hosts with bad repository names, tags, digests or mixed partitions', () => {
    const bad = [
      // Structure goes through the one reference parser, ECR's own rules after it.
      [
        '123456789012.dkr.ecr.eu-west-1.amazonaws.com/My_App:1',
        'repository name must be lowercase ("My_App")',
      ],
      ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/app//x', 'empty path component'],
      // Docker accepts repeated separators; ECR does not.
      ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/app--x', 'not a valid ECR repository name'],
      ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/a', '2 to 256'],
      ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:-bad', 'tag "-bad" is invalid'],
      ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@sha256:xyz', '"sha256:xyz" is not a digest'],
      ['123456789012.dkr.ecr.eu-west-1.amazonaws.com', 'no repository'],
      ['123456789012.dkr.ecr.eu-west-1.amazonaws.com.cn/app', 'does not belong'],
      ['123456789012.dkr.ecr.cn-north-1.amazonaws.com/app', 'does not belong'],
      ['public.ecr.aws/app', 'public.ecr.aws/<alias>/<repository>'],
    ];
    for (const [reference, message] of bad) {
      expect(() => parseEcrReference(reference, 'tags'), reference).toThrow(InputError);
      expect(() => parseEcrReference(reference, 'tags'), reference).toThrow(message);
      expect(() => parseEcrReference(reference, 'tags'), reference).toThrow('input "tags"');
    }
  });
});
