import { describe, expect, it } from 'vitest';
import { automaticBuildArgs } from '../../src/tags/build-args.js';
import { computeMetadata } from '../../src/tags/compute.js';
import { parseEnvironment } from '../../src/tags/environment.js';
import { environmentTags, timestamp } from '../../src/tags/environment-tags.js';
import { InputError } from '../../src/util/errors.js';
import { SHA, helloWorld, inputs, recordingLogger, runContext } from './fixtures.js';

// The RAG team's example instant (USERS.md §3: prod-20231203-143022), as a fixed clock.
const NOW = new Date('2023-12-03T14:30:22.000Z');

function run(values: Record<string, string>, context: Parameters<typeof runContext>[0] = {}) {
  const log = recordingLogger();
  const result = computeMetadata(
    inputs({ images: '127.0.0.1:5000/rag-worker', ...values }),
    runContext({ ref: 'refs/heads/main', ...context }),
    helloWorld,
    { now: NOW, logger: log.logger },
  );
  return { ...result, notices: log.notices };
}

function inputError(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('the environment policy: the build script of USERS.md §3', () => {
  it('prod with --version 1.0.0: prod, prod-<timestamp>, v1.0.0, 1.0.0, git-<sha>, latest', () => {
    const result = run({ environment: 'prod,version=1.0.0' });
    expect(result.tagNames).toEqual([
      'prod',
      'prod-20231203-143022',
      'v1.0.0',
      '1.0.0',
      'git-860c190',
      'latest',
    ]);
    expect(result.tags[0]).toBe('127.0.0.1:5000/rag-worker:prod');
    expect(result.version).toBe('1.0.0');
    expect(result.labels).toContain('org.opencontainers.image.version=1.0.0');
    expect(automaticBuildArgs(result, runContext())).toEqual({
      VERSION: '1.0.0',
      ENVIRONMENT: 'prod',
      GIT_COMMIT: SHA,
      BUILD_TIMESTAMP: '2023-12-03T14:30:22.000Z',
    });
    expect(result.notices).toEqual([]);
  });

  it('prod takes its version from a semver tag ref too', () => {
    expect(run({ environment: 'prod' }, { ref: 'refs/tags/v1.0.0' }).tagNames).toEqual([
      'prod',
      'prod-20231203-143022',
      'v1.0.0',
      '1.0.0',
      'git-860c190',
      'latest',
    ]);
  });

  it('dev: dev, dev-<timestamp>, git-<sha>, latest', () => {
    expect(run({ environment: 'dev' }).tagNames).toEqual([
      'dev',
      'dev-20231203-143022',
      'git-860c190',
      'latest',
    ]);
  });

  it('any name is an environment: qa, with a version, gets v<version> but not the bare version', () => {
    expect(run({ environment: 'qa,version=2.3.4' }).tagNames).toEqual([
      'qa',
      'qa-20231203-143022',
      'v2.3.4',
      'git-860c190',
      'latest',
    ]);
    expect(run({ environment: 'production,version=2.3.4' }).tagNames).toContain('2.3.4');
  });

  it('seed: --env staging --version 1.0.0-rc.1 tags staging and v1.0.0-rc.1; the guard keeps latest, with a notice', () => {
    const result = run({ environment: 'staging,version=1.0.0-rc.1' });
    expect(result.tagNames).toEqual(['staging', 'staging-20231203-143022', 'v1.0.0-rc.1', 'git-860c190']);
    expect(result.notices).toEqual([
      'latest stays where it is: 1.0.0-rc.1 is a pre-release, and the floating-tag guard never moves latest to one (latest=always tags it, as the build script did)',
    ]);
  });

  it('seed with latest=always: staging, v1.0.0-rc.1 and latest, as the build script made them', () => {
    const result = run({ environment: 'staging,version=1.0.0-rc.1,latest=always' });
    expect(result.tagNames).toEqual([
      'staging',
      'staging-20231203-143022',
      'v1.0.0-rc.1',
      'git-860c190',
      'latest',
    ]);
    expect(result.notices).toEqual([]);
  });

  it('a prod release candidate: its version tags and prod, latest held back', () => {
    const result = run({ environment: 'prod' }, { ref: 'refs/tags/v1.0.0-rc.1' });
    expect(result.tagNames).toEqual([
      'prod',
      'prod-20231203-143022',
      'v1.0.0-rc.1',
      '1.0.0-rc.1',
      'git-860c190',
    ]);
    expect(result.notices).toHaveLength(1);
  });

  it('latest=never, and flavor latest=false, leave latest alone', () => {
    expect(run({ environment: 'prod,version=1.0.0,latest=never' }).tagNames).not.toContain('latest');
    const flavored = run({ environment: 'dev', tags: 'type=raw,value=extra', flavor: 'latest=false' });
    expect(flavored.tagNames).toEqual(['dev', 'dev-20231203-143022', 'git-860c190', 'extra']);
  });

  it('extra tag lines come after the policy', () => {
    expect(run({ environment: 'dev', tags: 'type=raw,value=stable' }).tagNames).toEqual([
      'dev',
      'dev-20231203-143022',
      'git-860c190',
      'stable',
      'latest',
    ]);
  });

  it('the short sha is 7 characters unless DOCKER_METADATA_SHORT_SHA_LENGTH says otherwise; no commit, no git tag', () => {
    expect(run({ environment: 'dev' }, { shortShaLength: 10 }).tagNames).toContain('git-860c1904a1');
    expect(run({ environment: 'dev' }, { sha: '' }).tagNames).toEqual([
      'dev',
      'dev-20231203-143022',
      'latest',
    ]);
  });

  it('prod without a version is an error naming the field', () => {
    const error = inputError(() => run({ environment: 'prod' }));
    expect([error.input, error.field]).toEqual(['environment', 'version']);
  });
});

describe('the timestamp: YYYYMMDD-HHmmss, UTC unless told', () => {
  it.each([
    ['UTC', NOW, '20231203-143022'],
    ['Europe/Paris', NOW, '20231203-153022'],
    ['America/Los_Angeles', NOW, '20231203-063022'],
    ['Asia/Tokyo', new Date('2023-12-31T23:30:00.000Z'), '20240101-083000'],
    ['UTC', new Date('2024-02-29T00:00:09.999Z'), '20240229-000009'],
  ])('%s at %s is %s', (zone, now, expected) => {
    expect(timestamp(now, zone)).toBe(expected);
  });

  it('a time zone given to the policy is used for its tag', () => {
    const tags = run({ environment: 'dev,timezone=Europe/Paris' }).tagNames;
    expect(tags).toContain('dev-20231203-153022');
  });

  it('is pure: the same clock gives the same tags', () => {
    const policy = parseEnvironment('staging,version=1.0.0')!;
    expect(environmentTags(policy, runContext(), NOW)).toEqual(environmentTags(policy, runContext(), NOW));
  });
});

describe('parseEnvironment', () => {
  it('reads the name alone or with its keys, in any order', () => {
    expect(parseEnvironment('staging')).toEqual({ name: 'staging', latest: 'auto', timeZone: 'UTC' });
    expect(parseEnvironment('latest=always, version=v1.0.0-rc.1 ,name=rag.qa-2,timezone=Asia/Tokyo')).toEqual(
      {
        name: 'rag.qa-2',
        version: 'v1.0.0-rc.1',
        latest: 'always',
        timeZone: 'Asia/Tokyo',
      },
    );
    expect(parseEnvironment('  ')).toBeUndefined();
  });

  it.each([
    ['Staging', 'name', /"Staging" is not an environment name/],
    ['stag ing', 'name', /is not an environment name/],
    ['-dev', 'name', /is not an environment name/],
    ['dev--x', 'name', /is not an environment name/],
    ['x'.repeat(65), 'name', /up to 64/],
    ['version=1.0.0', 'name', /missing the environment name/],
    ['dev,version=one', 'version', /"one" is not a semantic version/],
    ['dev,latest=sometimes', 'latest', /latest must be auto, always, never/],
    ['dev,timezone=Mars/Olympus', 'timezone', /is not an IANA time zone/],
    ['dev,sufix=x', 'sufix', /unknown key "sufix"/],
    ['dev,version=1.0.0,version=2.0.0', 'version', /given twice/],
    ['dev,staging', 'name', /given twice/],
  ])('%j is an error in field %s', (text, field, message) => {
    const error = inputError(() => parseEnvironment(text));
    expect(error.input).toBe('environment');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});
