import { describe, expect, it } from 'vitest';
import { readPublishInputs } from '../../src/publish/inputs.js';
import { splitReferences } from '../../src/publish/targets.js';

const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('readPublishInputs', () => {
  it('has defaults: no push, guard on, nothing to promote', () => {
    expect(readPublishInputs(inputs({}))).toEqual({
      push: false,
      guardFloatingTags: true,
      promoteFrom: undefined,
      extraImages: [],
      primaryTag: undefined,
      reuseCommit: 'auto',
      releaseAnnotations: true,
    });
  });

  it('reads every input', () => {
    expect(
      readPublishInputs(
        inputs({
          push: 'true',
          'guard-floating-tags': 'False',
          'promote-from': 'ghcr.io/org/app:sha-a1b2c3d',
          'extra-images': 'ghcr.io/org/app\n1234.dkr.ecr.eu-west-1.amazonaws.com/app, quay.io/org/app',
          'primary-tag': '1.0.0',
          'reuse-commit': 'False',
          'release-annotations': 'false',
        }),
      ),
    ).toEqual({
      push: true,
      guardFloatingTags: false,
      promoteFrom: 'ghcr.io/org/app:sha-a1b2c3d',
      extraImages: ['ghcr.io/org/app', '1234.dkr.ecr.eu-west-1.amazonaws.com/app', 'quay.io/org/app'],
      primaryTag: '1.0.0',
      reuseCommit: 'never',
      releaseAnnotations: false,
    });
  });

  it('names the input, line and problem for bad values', () => {
    expect(() => readPublishInputs(inputs({ push: 'maybe' }))).toThrow(
      /input "push": "maybe" is not a boolean/,
    );
    expect(() => readPublishInputs(inputs({ 'reuse-commit': 'sha' }))).toThrow(
      /input "reuse-commit": "sha" is not auto, true or false/,
    );
    expect(readPublishInputs(inputs({ 'reuse-commit': 'Auto' })).reuseCommit).toBe('auto');
    expect(readPublishInputs(inputs({ 'reuse-commit': 'yes' })).reuseCommit).toBe('commit');
    expect(() => readPublishInputs(inputs({ 'release-annotations': 'maybe' }))).toThrow(
      /input "release-annotations": "maybe" is not a boolean/,
    );
    expect(() => readPublishInputs(inputs({ 'promote-from': 'ghcr.io/org/app' }))).toThrow(
      /input "promote-from".*tag or a digest/,
    );
    expect(() => readPublishInputs(inputs({ 'promote-from': 'Bad/Name:1' }))).toThrow(
      /input "promote-from".*lowercase/,
    );
    expect(() => readPublishInputs(inputs({ 'extra-images': 'ghcr.io/a\nghcr.io/b:1' }))).toThrow(
      /input "extra-images", line 2: .*tag or digest/,
    );
  });
});

describe('splitReferences', () => {
  it('groups full references into images and one tag set', () => {
    expect(
      splitReferences([
        'ghcr.io/o/app:1.0.0',
        'ghcr.io/o/app:latest',
        'r.test/app:1.0.0',
        'r.test/app:latest',
      ]),
    ).toEqual({ images: ['ghcr.io/o/app', 'r.test/app'], tags: ['1.0.0', 'latest'] });
    expect(() => splitReferences(['ghcr.io/o/app:1', 'r.test/app:2'])).toThrow(
      /input "tags": r\.test\/app has tags 2/,
    );
    expect(() => splitReferences(['ghcr.io/o/app'])).toThrow(/input "tags", line 1: .*needs a tag/);
  });
});
