import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { classifyTag, findRelease } from '../../src/publish/classify.js';
import { guardFloatingTag } from '../../src/publish/guard.js';
import { planPublish } from '../../src/publish/plan.js';
import { InputError } from '../../src/util/errors.js';

const v = (text: string) => semver.parse(text) as semver.SemVer;

describe('classifyTag', () => {
  it.each([
    ['latest', '1.4.3', 'floating', 'latest'],
    ['1', '1.4.3', 'floating', 'major'],
    ['v1.4', '1.4.3', 'floating', 'minor'],
    ['2', '1.4.3', 'moving', undefined],
    ['1.4.3', '1.4.3', 'version', undefined],
    ['v1.0.0-rc.1', '1.4.3', 'version', undefined],
    ['sha-a1b2c3d', '1.4.3', 'pinned', undefined],
    ['git-a1b2c3d', '1.4.3', 'pinned', undefined],
    ['prod-20231203-143022', '1.4.3', 'pinned', undefined],
    ['prod', '1.4.3', 'moving', undefined],
    ['pr-12', '1.4.3', 'moving', undefined],
    ['edge', '1.4.3', 'moving', undefined],
  ])('%s (version %s) is %s', (tag, version, kind, range) => {
    const classified = classifyTag(tag, v(version));
    expect({ ...classified, families: undefined }).toEqual({ tag, kind, ...(range ? { range } : {}) });
  });

  it('without a version, numbers are just moving names', () => {
    expect(classifyTag('1', undefined).kind).toBe('moving');
    expect(classifyTag('latest', undefined).kind).toBe('floating');
  });
});

describe('guardFloatingTag', () => {
  const existing = ['1.4.2', '1.5.0', '2.0.0', 'v2.1.0-rc.1', 'latest', 'sha-abc1234'];
  const held = (tag: string, version: string) =>
    guardFloatingTag(classifyTag(tag, v(version)), v(version), existing);

  it('keeps latest from a hotfix on an old major', () => {
    expect(held('latest', '1.4.3')).toMatchObject({ tag: 'latest', higher: '2.0.0' });
    expect(held('latest', '1.4.3')?.reason).toMatch(/1\.4\.3 is lower than 2\.0\.0/);
  });

  it('moves the major and minor only when this is the highest in their range', () => {
    expect(held('1', '1.4.3')).toMatchObject({ higher: '1.5.0' });
    expect(held('1.4', '1.4.3')).toBeUndefined();
    expect(held('1', '1.5.1')).toBeUndefined();
    expect(held('latest', '2.0.1')).toBeUndefined();
    expect(held('latest', '2.0.0')).toBeUndefined(); // a re-run of the highest moves nothing backwards
  });

  it('ignores the tags image-build keeps beside the versions (inputs hash, stored analysis)', () => {
    // Digits in them (sha256, a hash starting 9…) are no version: a loose read would see 256.0.0.
    const bookkeeping = [
      `sha256-${'9'.repeat(64)}.analysis`,
      'inputs-9999999999999999',
      'inputs-2000000000000000',
      'buildcache',
    ];
    for (const [tag, version] of [
      ['latest', '2.0.0'],
      ['2', '2.0.0'],
      ['latest', '1.0.0'],
    ] as const) {
      expect(guardFloatingTag(classifyTag(tag, v(version)), v(version), bookkeeping)).toBeUndefined();
    }
  });

  it('ignores pre-releases in the repository but never moves floating tags for one', () => {
    expect(held('latest', '2.0.5')).toBeUndefined();
    expect(held('latest', '3.0.0-rc.1')?.reason).toMatch(/pre-release/);
    expect(held('3', '3.0.0-rc.1')?.reason).toMatch(/pre-release/);
  });
});

describe('planPublish', () => {
  it('pushes the version first, then immutable tags, then moving tags most specific first', () => {
    const plan = planPublish({
      tags: ['latest', '1', 'prod', 'sha-a1b2c3d', '1.4', '1.4.3', 'prod-20231203-143022'],
      existingTags: [],
    });
    expect(plan.primary.tag).toBe('1.4.3');
    expect(plan.tags.map((t) => t.tag)).toEqual([
      'sha-a1b2c3d',
      'prod-20231203-143022',
      'prod',
      '1.4',
      '1',
      'latest',
    ]);
    expect(plan.tags.map((t) => t.immutable)).toEqual([true, true, false, false, false, false]);
    expect(plan.version).toBe('1.4.3');
    expect(plan.heldBack).toEqual([]);
  });

  it('holds back floating tags for a hotfix, or moves them all with the guard off', () => {
    const input = { tags: ['v1.4.3', 'v1.4', 'v1', 'latest'], existingTags: ['v2.0.0', 'v1.4.2', 'v1.5.0'] };
    const guarded = planPublish(input);
    expect(guarded.primary.tag).toBe('v1.4.3');
    expect(guarded.tags.map((t) => t.tag)).toEqual(['v1.4']);
    expect(guarded.heldBack.map((h) => h.tag)).toEqual(['v1', 'latest']);
    const unguarded = planPublish({ ...input, guardFloatingTags: false });
    expect(unguarded.tags.map((t) => t.tag)).toEqual(['v1.4', 'v1', 'latest']);
    expect(unguarded.heldBack).toEqual([]);
  });

  it('takes a sha tag as primary when there is no version, and honours an explicit primary', () => {
    expect(planPublish({ tags: ['main', 'latest', 'sha-a1b2c3d'], existingTags: [] }).primary.tag).toBe(
      'sha-a1b2c3d',
    );
    expect(planPublish({ tags: ['main', 'latest'], existingTags: [] }).primary.tag).toBe('main');
    expect(planPublish({ tags: ['1.0.0', 'main'], primaryTag: 'main', existingTags: [] }).primary.tag).toBe(
      'main',
    );
  });

  it('never picks a floating tag as primary while another tag exists', () => {
    // {{major}}.{{minor}} + latest + a branch name, no version or sha tag.
    const plan = planPublish({ tags: ['1.4', 'latest', 'main'], version: '1.4.3', existingTags: ['1.4.9'] });
    expect(plan.primary.tag).toBe('main');
    expect(plan.heldBack.map((h) => h.tag)).toEqual(['1.4', 'latest']);
    expect(planPublish({ tags: ['latest', 'edge'], existingTags: [] }).primary.tag).toBe('edge');
  });

  it('runs the guard on a floating primary when only floating tags exist', () => {
    const tags = ['latest', '1', '1.4'];
    // Nothing higher: the narrowest floating tag is pushed.
    expect(planPublish({ tags, version: '1.4.3', existingTags: ['1.4.2'] }).primary.tag).toBe('1.4');
    const held = () => planPublish({ tags, version: '1.4.3', existingTags: ['1.4.5'] });
    expect(held).toThrow(InputError);
    expect(held).toThrow(/input "tags": .*"1\.4".*1\.4\.3 is lower than 1\.4\.5.*add a version or sha tag/);
    expect(() => planPublish({ tags: ['latest'], version: '2.0.0-rc.1', existingTags: [] })).toThrow(
      /input "tags": .*pre-release/,
    );
    // An explicit floating primary is guarded too, and the error names primary-tag.
    expect(() =>
      planPublish({ tags: ['1.4.3', 'latest'], primaryTag: 'latest', existingTags: ['2.0.0'] }),
    ).toThrow(/input "primary-tag": .*"latest"/);
    // With the guard off nothing is held back, so nothing fails.
    expect(
      planPublish({ tags, version: '1.4.3', existingTags: ['1.4.5'], guardFloatingTags: false }).primary.tag,
    ).toBe('1.4');
  });

  it('uses the given version for the guard', () => {
    const plan = planPublish({ tags: ['sha-a1b2c3d', 'latest'], version: '1.0.0', existingTags: ['2.0.0'] });
    expect(plan.heldBack.map((h) => h.tag)).toEqual(['latest']);
  });

  it('rejects bad input with the input named', () => {
    expect(() => planPublish({ tags: [], existingTags: [] })).toThrow(InputError);
    expect(() => planPublish({ tags: ['ok', '-bad'], existingTags: [] })).toThrow(/input "tags".*"-bad"/);
    expect(() => planPublish({ tags: ['a'], primaryTag: 'b', existingTags: [] })).toThrow(
      /input "primary-tag"/,
    );
    expect(() => planPublish({ tags: ['a'], version: 'one', existingTags: [] })).toThrow(/input "version"/);
  });
});

describe('the floating-tag guard with flavor prefixes and suffixes', () => {
  // The repository: an alpine flavor of 1.4.3 and of 2.0.0, its major tag, and latest.
  const existing = ['1.4.3-alpine', '1-alpine', 'latest', '2.0.0-alpine'];
  const held = (plan: ReturnType<typeof planPublish>) => plan.heldBack.map((h) => h.tag);
  const moved = (plan: ReturnType<typeof planPublish>) => plan.tags.map((t) => t.tag);

  it('publishing 1.4.3-alpine holds back latest (2.0.0-alpine is higher) and moves 1-alpine', () => {
    for (const version of ['1.4.3', undefined]) {
      const plan = planPublish({
        tags: ['1.4.3-alpine', '1-alpine', 'latest'],
        version,
        existingTags: existing,
      });
      expect(plan.primary.tag).toBe('1.4.3-alpine');
      expect(held(plan)).toEqual(['latest']);
      expect(plan.heldBack[0].reason).toBe(
        '1.4.3 is lower than 2.0.0 (2.0.0-alpine) already in the repository',
      );
      expect(moved(plan)).toEqual(['1-alpine']);
      expect(plan.version).toBe('1.4.3');
    }
  });

  it('moves 1-alpine only for the highest 1.x alpine; other flavors and plain versions do not count', () => {
    const tags = ['1.4.3-alpine', '1-alpine', '1.4-alpine'];
    const plan = planPublish({
      tags,
      version: '1.4.3',
      existingTags: [...existing, '1.5.0-alpine', '1.9.0', '1.9.0-debian', '1.6.0-rc.1-alpine'],
    });
    expect(held(plan)).toEqual(['1-alpine']);
    expect(plan.heldBack[0]).toMatchObject({ higher: '1.5.0' });
    expect(moved(plan)).toEqual(['1.4-alpine']);
  });

  it('a real pre-release in a family moves nothing; a pre-release of the family in the repository counts for nothing', () => {
    const rc = planPublish({
      tags: ['2.1.0-rc.1-alpine', 'sha-abc1234'],
      version: '2.1.0-rc.1',
      existingTags: existing,
    });
    expect(rc.primary.tag).toBe('2.1.0-rc.1-alpine');
    expect(rc.heldBack).toEqual([]);
    const plan = planPublish({
      tags: ['2.0.1-alpine', '2-alpine', 'latest'],
      version: '2.0.1',
      existingTags: [...existing, '2.1.0-rc.1-alpine', '3.0.0-beta-alpine'],
    });
    expect(plan.heldBack).toEqual([]);
  });

  it('reads a plain pre-release as one when nothing names it a suffix (1.0.0-rc.1)', () => {
    expect(findRelease(['1.0.0-rc.1', 'latest'])?.version.version).toBe('1.0.0-rc.1');
    expect(findRelease(['1.0.0-rc.1-alpine'])?.version.version).toBe('1.0.0-rc.1-alpine');
    expect(findRelease(['1.4.3-alpine', '1.4-alpine'])?.family).toEqual({ prefix: '', suffix: '-alpine' });
    expect(findRelease(['1.4.3_slim'])?.family).toEqual({ prefix: '', suffix: '_slim' });
    expect(() => planPublish({ tags: ['latest'], version: '2.0.0-rc.1', existingTags: [] })).toThrow(
      /pre-release/,
    );
  });

  it('handles a prefix flavor and the v prefix: app-v1.4.3 with app-v1, app-latest', () => {
    const plan = planPublish({
      tags: ['app-v1.4.3', 'app-v1', 'app-latest'],
      version: '1.4.3',
      existingTags: ['app-v1.5.0', 'v2.0.0', 'app-latest'],
    });
    expect(plan.primary.tag).toBe('app-v1.4.3');
    expect(held(plan).sort()).toEqual(['app-latest', 'app-v1']);
    // Plain v2.0.0 is another family: it holds back only plain latest, not app-latest's own range.
    expect(plan.heldBack.find((h) => h.tag === 'app-latest')?.higher).toBe('1.5.0');
    const vPlan = planPublish({
      tags: ['v1.4.3', 'v1', 'latest'],
      version: '1.4.3',
      existingTags: ['1.5.0'],
    });
    expect(held(vPlan)).toEqual(['v1', 'latest']);
  });

  it("guardFloatingTag reads the version within the floating tag's families", () => {
    const version = v('1.4.3');
    const release = findRelease(['1.4.3-alpine', '1-alpine'], version);
    expect(release?.family).toEqual({ prefix: '', suffix: '-alpine' });
    expect(classifyTag('1-alpine', version, release?.family)).toMatchObject({
      kind: 'floating',
      range: 'major',
    });
    expect(
      guardFloatingTag(classifyTag('1-alpine', version, release?.family), version, ['1.4.9-alpine']),
    ).toMatchObject({
      higher: '1.4.9',
    });
    expect(
      guardFloatingTag(classifyTag('1-alpine', version, release?.family), version, ['1.4.9']),
    ).toBeUndefined();
  });
});
