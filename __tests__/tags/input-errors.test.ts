import { describe, expect, it } from 'vitest';
import { computeMetadata } from '../../src/tags/compute.js';
import { loadPep440 } from '../../src/tags/lazy-libs.js';
import { InputError } from '../../src/util/errors.js';
import { NOW, helloWorld, inputs, recordingLogger, runContext } from './fixtures.js';

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('bad input is an InputError naming input, line and field', () => {
  it.each([
    [
      'unknown tag type',
      { tags: 'type=ref,event=branch\n\ntype=semverx,pattern={{version}}' },
      'tags',
      3,
      'type',
    ],
    ['enable not true/false', { tags: 'type=raw,value=a,enable=yes' }, 'tags', 1, 'enable'],
    ['invalid match regex', { tags: 'type=match,pattern=v(\\d' }, 'tags', 1, 'pattern'],
    ['match group out of range', { tags: 'type=match,pattern=v(\\d),group=2' }, 'tags', 1, 'group'],
    ['match group not a number', { tags: 'type=match,pattern=v(\\d),group=a' }, 'tags', 1, 'group'],
    ['semver without pattern', { tags: 'type=semver' }, 'tags', 1, 'pattern'],
    ['raw without value', { tags: 'type=raw,enable=true' }, 'tags', 1, 'value'],
    ['ref without event', { tags: 'type=ref' }, 'tags', 1, 'event'],
    ['ref with a bad event', { tags: 'type=ref,event=push' }, 'tags', 1, 'event'],
    ['sha with a bad format', { tags: 'type=sha,format=medium' }, 'tags', 1, 'format'],
    ['priority not a number', { tags: 'type=sha,priority=high' }, 'tags', 1, 'priority'],
    ['unknown flavor key', { flavor: 'latest=auto\nprefx=a-' }, 'flavor', 2, 'prefx'],
    ['bad latest flavor', { flavor: 'latest=always' }, 'flavor', 1, 'latest'],
    ['invalid image name', { images: 'user/app\nghcr.io/User App' }, 'images', 2, 'name'],
    ['image with a tag', { images: 'name=user/app:1.0' }, 'images', 1, 'name'],
    ['unknown image attribute', { images: 'name=user/app,push=true' }, 'images', 1, 'push'],
    ['invalid environment', { environment: 'Staging!' }, 'environment', undefined, 'name'],
  ])('%s', (_name, values, input, line, field) => {
    const error = inputError(() => inputs(values as Record<string, string>));
    expect(error.input).toBe(input);
    expect(error.line).toBe(line);
    expect(error.field).toBe(field);
    expect(error.message).toContain(`input "${input}"`);
  });

  it('an enable expression that renders to something else fails at compute time with its line', () => {
    const parsed = inputs({ images: 'user/app', tags: 'type=sha\ntype=raw,value=a,enable={{branch}}' });
    const error = inputError(() =>
      computeMetadata(parsed, runContext(), helloWorld, { now: NOW, logger: recordingLogger().logger }),
    );
    expect([error.input, error.line, error.field]).toEqual(['tags', 2, 'enable']);
    expect(error.message).toContain('"dev"');
  });

  it('invalid semver and pep440 values warn and skip the entry', async () => {
    const log = recordingLogger();
    const parsed = inputs({
      images: 'user/app',
      tags: 'type=semver,pattern={{version}}\ntype=pep440,pattern={{version}}\ntype=ref,event=tag',
    });
    const result = computeMetadata(parsed, runContext({ ref: 'refs/tags/not-a-version' }), helloWorld, {
      now: NOW,
      logger: log.logger,
      libs: { pep440: await loadPep440() },
    });
    expect(result.tags).toEqual(['user/app:not-a-version', 'user/app:latest']);
    expect(log.warnings).toEqual([
      'not-a-version is not a valid semver. More info: https://semver.org/',
      'not-a-version does not conform to PEP 440. More info: https://www.python.org/dev/peps/pep-0440',
    ]);
  });

  it('prod without a version is an environment error', () => {
    const parsed = inputs({ images: 'user/app', environment: 'prod' });
    const error = inputError(() =>
      computeMetadata(parsed, runContext(), helloWorld, { now: NOW, logger: recordingLogger().logger }),
    );
    expect([error.input, error.field]).toEqual(['environment', 'version']);
  });
});
