import { describe, expect, it } from 'vitest';
import { planPublish } from '../../src/publish/plan.js';
import { commitTag, decideReuse, releaseAnnotations, type ReuseQuestion } from '../../src/publish/release.js';
import { InputError } from '../../src/util/errors.js';

const SHA = 'abc1234def5678abc1234def5678abc1234def56';

describe('the tag that names the commit', () => {
  it.each([
    [['1.2.3', 'sha-abc1234', 'latest'], 'sha-abc1234'],
    [['main', 'git-abc1234'], 'git-abc1234'],
    [['1.2.3', SHA], SHA],
    [['commit-abc1234d-amd64'], 'commit-abc1234d-amd64'],
    [['prod', 'prod-20240501-100000', 'v1.0.0', 'git-abc1234'], 'git-abc1234'],
  ])('%j → %s', (tags, expected) => {
    expect(commitTag(tags, SHA)).toBe(expected);
  });

  it.each([[['sha-abc123']], [['sha-abc1235']], [['1.2.3', 'latest']], [[]]])('none in %j', (tags) => {
    // Six digits name no commit; abc1235 is another commit.
    expect(commitTag(tags, SHA)).toBeUndefined();
  });

  it('a hex run glued to other hex digits is not the commit; any other character separates', () => {
    expect(commitTag(['deadabc1234'], SHA)).toBeUndefined();
    expect(commitTag(['xabc1234'], SHA)).toBe('xabc1234');
    expect(commitTag(['sha-abc1234'], 'not-a-sha')).toBeUndefined();
  });
});

const release: ReuseQuestion = {
  mode: 'auto',
  push: true,
  release: true,
  commitTag: 'sha-abc1234',
  commit: 'abc1234',
  releaseArgs: [],
};

describe('whether a release reuses the commit image (pure)', () => {
  it('auto on a release with a commit tag: look for it', () => {
    expect(decideReuse(release)).toEqual({ look: true, tag: 'sha-abc1234' });
  });

  it.each<[string, Partial<ReuseQuestion>, RegExp]>([
    ['false', { mode: 'never' }, /reuse-commit is false/],
    ['not a release', { release: false }, /not a release/],
    ['no push', { push: false }, /push/],
    ['promote-from', { promoteFrom: 'ghcr.io/a/b:rc' }, /promote-from/],
    ['no commit tag', { commitTag: undefined }, /no tag names abc1234 \(add type=sha/],
    ['ARG VERSION', { releaseArgs: ['VERSION'] }, /declares ARG VERSION, so the release's image differs/],
    ['two args', { releaseArgs: ['VERSION', 'ENVIRONMENT'] }, /ARG VERSION and ARG ENVIRONMENT/],
    ['an unreadable Dockerfile', { releaseArgs: undefined }, /could not be read/],
  ])('auto builds: %s', (_name, change, reason) => {
    const decision = decideReuse({ ...release, ...change });
    expect(decision.look).toBe(false);
    expect(!decision.look && decision.reason).toMatch(reason);
  });

  it('commit looks on any run, and whatever the Dockerfile declares', () => {
    const commit = { ...release, mode: 'commit' as const };
    expect(decideReuse({ ...commit, release: false })).toEqual({ look: true, tag: 'sha-abc1234' });
    expect(decideReuse({ ...commit, releaseArgs: ['VERSION'] })).toEqual({ look: true, tag: 'sha-abc1234' });
  });

  it.each<[Partial<ReuseQuestion>, RegExp]>([
    [
      { commitTag: undefined },
      /^input "reuse-commit": reuse-commit: true finds the image by a tag that names the commit/,
    ],
    [{ push: false }, /^input "reuse-commit": reuse-commit: true needs push: true/],
    [{ promoteFrom: 'ghcr.io/a/b:rc' }, /^input "reuse-commit": reuse-commit: true and promote-from/],
  ])('an explicit commit that cannot work is an input error: %j', (change, message) => {
    const decide = () => decideReuse({ ...release, mode: 'commit', ...change });
    expect(decide).toThrow(InputError);
    expect(decide).toThrow(message);
  });
});

describe('the annotations of a reused release', () => {
  it('the computed ones, created replaced, empty values dropped', () => {
    expect(
      releaseAnnotations(
        [
          'org.opencontainers.image.created=2024-06-01T00:00:00.000Z',
          'org.opencontainers.image.description=',
          'org.opencontainers.image.revision=abc',
          'org.opencontainers.image.version=1.2.3',
          'com.example.note=a=b',
        ],
        '2024-05-01T10:00:00.000Z',
      ),
    ).toEqual({
      'org.opencontainers.image.created': '2024-05-01T10:00:00.000Z',
      'org.opencontainers.image.revision': 'abc',
      'org.opencontainers.image.version': '1.2.3',
      'com.example.note': 'a=b',
    });
  });
});

describe('a release marked pre-release in the publish plan', () => {
  const tags = ['2.0.0', '2.0', '2', 'sha-abc1234', 'latest'];
  it('holds back every floating tag, with the reason', () => {
    const plan = planPublish({
      tags,
      version: '2.0.0',
      existingTags: [],
      prerelease: 'the GitHub release v2.0.0 is marked as a pre-release',
    });
    expect(plan.primary.tag).toBe('2.0.0');
    expect(plan.tags.map((t) => t.tag)).toEqual(['sha-abc1234']);
    expect(plan.heldBack).toEqual(
      ['2.0', '2', 'latest'].map((tag) => ({
        tag,
        reason: 'the GitHub release v2.0.0 is marked as a pre-release',
      })),
    );
  });

  it('moves them with the guard off, and refuses a floating primary', () => {
    const off = planPublish({
      tags,
      version: '2.0.0',
      existingTags: [],
      prerelease: 'x',
      guardFloatingTags: false,
    });
    expect(off.heldBack).toEqual([]);
    expect(() =>
      planPublish({ tags, version: '2.0.0', existingTags: [], prerelease: 'marked', primaryTag: 'latest' }),
    ).toThrow(
      /input "primary-tag": the builder would push "latest", which the floating-tag guard holds back \(marked\)/,
    );
  });
});
