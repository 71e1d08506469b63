import { describe, expect, it } from 'vitest';
import { compareText } from '../../src/util/compare-text.js';

describe('compareText', () => {
  it('orders as localeCompare does, for plain keys and for any others', () => {
    const keys = [
      'org.opencontainers.image.created',
      'org.opencontainers.image.description',
      'org.opencontainers.image.licenses',
      'org.opencontainers.image',
      'org.opencontainers.image.version',
      'com.example.x2',
      'com.example.x10',
      'com.example.9',
      'a',
      'a.b',
      'ab',
      '',
      // Not plain: localeCompare decides (case, dashes and underscores order differently there).
      'Com.Example',
      'com.example-a',
      'com.example_a',
      'com.Example.b',
    ];
    const sign = (n: number) => Math.sign(n);
    for (const a of keys)
      for (const b of keys) expect(sign(compareText(a, b)), `${a} / ${b}`).toBe(sign(a.localeCompare(b)));
  });
});
