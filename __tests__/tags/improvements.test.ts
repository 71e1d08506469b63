import { describe, expect, it } from 'vitest';
import { computeMetadata } from '../../src/tags/compute.js';
import { fixTagForRegistry } from '../../src/tags/sanitize.js';
import { NOW, helloWorld, inputs, recordingLogger, runContext } from './fixtures.js';

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
