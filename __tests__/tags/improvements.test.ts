import { describe, expect, it } from 'vitest';
import { automaticBuildArgs } from '../../src/tags/build-args.js';
import { computeMetadata } from '../../src/tags/compute.js';
import { fixTagForRegistry } from '../../src/tags/sanitize.js';
import { NOW, SHA, helloWorld, inputs, recordingLogger, runContext } from './fixtures.js';

const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

describe('tags registries would reject are fixed', () => {
  it('shortens a tag over 128 characters, keeping a hash so long tags stay distinct', () => {
    const a = fixTagForRegistry(`${'a'.repeat(130)}-one`);
    const b = fixTagForRegistry(`${'a'.repeat(130)}-two`);
    expect(a).toMatch(TAG);
    expect(a).toHaveLength(128);
    expect(a).not.toBe(b);
    expect(fixTagForRegistry('a'.repeat(128))).toBe('a'.repeat(128));
  });

  it('drops a leading . or -', () => {
    expect(fixTagForRegistry('-rc')).toBe('rc');
    expect(fixTagForRegistry('.hidden')).toBe('hidden');
    expect(fixTagForRegistry('---')).toMatch(TAG);
    expect(fixTagForRegistry('_ok')).toBe('_ok');
  });

  it('fixes branch tags during compute and says so with a notice', () => {
    const log = recordingLogger();
    const branch = `feature/${'x'.repeat(140)}`;
    const result = computeMetadata(
      inputs({ images: 'user/app', tags: 'type=ref,event=branch\ntype=raw,value=-{{branch}}' }),
      runContext({ ref: `refs/heads/${branch}` }),
      helloWorld,
      { now: NOW, logger: log.logger },
    );
    expect(result.tagNames).toHaveLength(2);
    for (const name of result.tagNames) expect(name).toMatch(TAG);
    expect(result.tagNames[0]).not.toBe(result.tagNames[1]);
    expect(log.notices).toHaveLength(2);
    expect(result.version).toBe(result.tagNames[0]);
  });

  it('leaves valid tags untouched and silent', () => {
    const log = recordingLogger();
    const result = computeMetadata(inputs({ images: 'user/app' }), runContext(), helloWorld, {
      now: NOW,
      logger: log.logger,
    });
    expect(result.tags).toEqual(['user/app:dev']);
    expect(log.notices).toEqual([]);
  });
});

describe('environment policy', () => {
  const run = (values: Record<string, string>, ref = 'refs/heads/main') =>
    computeMetadata(
      inputs({ images: '127.0.0.1:5000/rag-worker-prod', ...values }),
      runContext({ ref }),
      helloWorld,
      {
        now: new Date('2023-12-03T14:30:22.000Z'),
        logger: recordingLogger().logger,
      },
    );

  it('prod with a version from the tag ref', () => {
    const result = run({ environment: 'prod' }, 'refs/tags/v1.0.0');
    expect(result.tagNames).toEqual([
      'prod',
      'prod-20231203-143022',
      'v1.0.0',
      '1.0.0',
      'git-860c190',
      'latest',
    ]);
    expect(result.tags[0]).toBe('127.0.0.1:5000/rag-worker-prod:prod');
    expect(result.version).toBe('1.0.0');
    expect(result.labels).toContain('org.opencontainers.image.version=1.0.0');
  });

  it('prod with an explicit version, and the build args', () => {
    const result = run({ environment: 'prod,version=2.3.4' });
    expect(result.tagNames).toEqual([
      'prod',
      'prod-20231203-143022',
      'v2.3.4',
      '2.3.4',
      'git-860c190',
      'latest',
    ]);
    expect(automaticBuildArgs(result, runContext())).toEqual({
      VERSION: '2.3.4',
      ENVIRONMENT: 'prod',
      GIT_COMMIT: SHA,
      BUILD_TIMESTAMP: '2023-12-03T14:30:22.000Z',
    });
  });

  it('dev', () => {
    expect(run({ environment: 'dev' }).tagNames).toEqual([
      'dev',
      'dev-20231203-143022',
      'git-860c190',
      'latest',
    ]);
  });

  it('a release candidate moves neither prod nor latest', () => {
    const result = run({ environment: 'prod' }, 'refs/tags/v1.0.0-rc.1');
    expect(result.tagNames).toEqual(['prod-20231203-143022', 'v1.0.0-rc.1', '1.0.0-rc.1', 'git-860c190']);
  });

  it('extra tag lines add to the policy; latest=false removes latest', () => {
    const result = run({ environment: 'dev', tags: 'type=raw,value=extra', flavor: 'latest=false' });
    expect(result.tagNames).toEqual(['dev', 'dev-20231203-143022', 'git-860c190', 'extra']);
  });

  it('an invalid version is an InputError', () => {
    expect(() => run({ environment: 'prod,version=one' })).toThrow(/input "environment", field "version"/);
  });
});
