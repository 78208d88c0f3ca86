import { describe, expect, it } from 'vitest';
import { forEachConcurrently } from '#shared/concurrency.ts';

describe('forEachConcurrently', () => {
  it('works on every item, never more than the limit at once, starting them in order', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    await forEachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      started.push(item);
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5 + (item % 3)));
      running -= 1;
    });
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('does nothing for no items, and rejects when a piece of work does', async () => {
    await expect(forEachConcurrently([], 4, async () => undefined)).resolves.toBeUndefined();
    await expect(
      forEachConcurrently([1, 2], 2, async (item) => {
        if (item === 2) throw new Error('failed');
      }),
    ).rejects.toThrow('failed');
  });
});
