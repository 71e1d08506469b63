import { describe, expect, it } from 'vitest';
import { mapConcurrently } from '../../src/util/concurrent.js';

describe('mapConcurrently', () => {
  it('runs at most `limit` at a time and keeps the order of the items', async () => {
    let running = 0;
    let most = 0;
    const results = await mapConcurrently([30, 5, 20, 1, 10], 2, async (ms, index) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return `${index}:${ms}`;
    });
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10']);
    expect(most).toBe(2);
  });

  it('starts the next item as soon as a slot is free, not per batch', async () => {
    const started: number[] = [];
    const begin = Date.now();
    await mapConcurrently([60, 10, 10, 10], 2, async (ms, index) => {
      started[index] = Date.now() - begin;
      await new Promise((resolve) => setTimeout(resolve, ms));
    });
    // Items 2 and 3 ran in the second slot while item 0 still held the first.
    expect(started[3]).toBeLessThan(55);
  });

  it('handles no items and a limit beyond them', async () => {
    expect(await mapConcurrently([], 3, async () => 1)).toEqual([]);
    expect(await mapConcurrently([1, 2], 10, async (n) => n * 2)).toEqual([2, 4]);
  });

  it('rejects with the first failure', async () => {
    await expect(
      mapConcurrently([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('two');
        return n;
      }),
    ).rejects.toThrow('two');
  });
});
