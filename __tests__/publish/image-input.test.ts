import { describe, expect, it } from 'vitest';
import { parseImageInput, parsePromoteSource } from '../../src/publish/image-input.js';
import { readPublishInputs } from '../../src/publish/inputs.js';
import { promote } from '../../src/publish/publish.js';
import { parseImages, splitReferences } from '../../src/publish/targets.js';
import { InputError } from '../../src/util/errors.js';
import { memoryWriter } from './memory-writer.js';

const caught = (fn: () => unknown): InputError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
};

describe('parseImageInput', () => {
  it('returns the reference, or an InputError naming input and line', () => {
    expect(parseImageInput('ghcr.io/o/app:1', 'images')).toEqual({
      registry: 'ghcr.io',
      repository: 'o/app',
      tag: '1',
    });
    const error = caught(() => parseImageInput('Bad/Name', 'extra-images', 3));
    expect(error).toMatchObject({ input: 'extra-images', line: 3 });
    expect(error.message).toMatch(/^input "extra-images", line 3: invalid image reference "Bad\/Name"/);
    expect(caught(() => parseImageInput('a b', 'tags')).line).toBeUndefined();
  });

  it('is what every image input reports through, with the same words', () => {
    const direct = caught(() => parseImageInput('Bad/Name', 'images', 2)).message;
    expect(caught(() => parseImages(['ok/app', 'Bad/Name'])).message).toBe(direct);
    expect(caught(() => splitReferences(['ok/app:1', 'Bad/Name:1'], 'images')).message).toBe(
      direct.replace('"Bad/Name"', '"Bad/Name:1"'),
    );
    const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';
    expect(caught(() => readPublishInputs(inputs({ 'extra-images': 'a/b\nBad/Name' }))).message).toBe(
      direct.replace('"images"', '"extra-images"'),
    );
  });
});

describe('parsePromoteSource', () => {
  it('needs a tag or digest, and promote and the inputs reject the same way', async () => {
    expect(parsePromoteSource('r.test/app@sha256:' + 'a'.repeat(64)).digest).toMatch(/^sha256:/);
    const missing = caught(() => parsePromoteSource('r.test/app')).message;
    expect(missing).toBe('input "promote-from": "r.test/app" needs a tag or a digest');
    const read = caught(() => readPublishInputs((name) => (name === 'promote-from' ? 'r.test/app' : '')));
    expect(read.message).toBe(missing);
    const mem = memoryWriter();
    await expect(
      promote({ source: 'r.test/app', images: ['r.test/app'], tags: ['1.0.0'], writers: () => mem.writer }),
    ).rejects.toThrow(missing);
    expect(mem.calls).toEqual([]);
  });
});
