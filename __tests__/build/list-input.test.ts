import { describe, expect, it } from 'vitest';
import { readBuildInputs } from '../../src/build/inputs.js';
import { parseListInput } from '../../src/build/list-input.js';

describe('parseListInput', () => {
  it('splits on newlines and commas, honouring CSV quotes, keeping line numbers', () => {
    expect(parseListInput('a,b\n\n"c,d", e')).toEqual([
      { value: 'a', line: 1 },
      { value: 'b', line: 1 },
      { value: 'c,d', line: 3 },
      { value: 'e', line: 3 },
    ]);
  });

  it('keeps commas inside values for line-based inputs', () => {
    expect(parseListInput('  A=1,2  \nB=x', true)).toEqual([
      { value: 'A=1,2', line: 1 },
      { value: 'B=x', line: 2 },
    ]);
  });
});

describe('readBuildInputs', () => {
  it('reads build-push-action names through the getter and applies defaults', () => {
    const values: Record<string, string> = {
      tags: 'r/a:1,r/a:2',
      'build-args': 'A=1,2',
      push: 'true',
      cache: 'Registry',
      'cache-from': 'type=registry,ref=r/a:cache',
    };
    const inputs = readBuildInputs((name) => values[name] ?? '');
    expect(inputs.context).toBe('.');
    expect(inputs.tags).toEqual(['r/a:1', 'r/a:2']);
    expect(inputs.buildArgs).toEqual([{ value: 'A=1,2', line: 1 }]);
    expect(inputs.push).toBe(true);
    expect(inputs.load).toBe(false);
    expect(inputs.cache).toBe('registry');
    expect(inputs.cacheFrom).toEqual([{ value: 'type=registry,ref=r/a:cache', line: 1 }]);
    expect(readBuildInputs(() => '').cache).toBe('auto');
  });
});
