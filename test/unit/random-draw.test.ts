import { describe, expect, it } from 'vitest';
import { drawSample, sampleSize } from '#shared/inspections/domain/random-draw.ts';

const pool = Array.from({ length: 200 }, (_, index) => `S${String(index).padStart(3, '0')}`);

describe('the random draw (双随机)', () => {
  it('[PUB-15] the same seed and pool give the same draw; another seed another one; nobody is drawn twice', () => {
    const first = drawSample('a1b2c3', pool, 10);
    expect(drawSample('a1b2c3', pool, 10)).toEqual(first);
    expect(drawSample('d4e5f6', pool, 10)).not.toEqual(first);
    expect(new Set(first).size).toBe(10);
    for (const item of first) expect(pool).toContain(item);
    expect(drawSample('a1b2c3', pool.slice(0, 3), 10)).toHaveLength(3);
  });

  it('[PUB-15] every subject has the same chance: over many seeds each is drawn about as often', () => {
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 4000; seed += 1) {
      for (const item of drawSample(`seed-${seed}`, pool.slice(0, 20), 2))
        counts.set(item, (counts.get(item) ?? 0) + 1);
    }
    // 4000 draws of 2 from 20: 400 expected each; a fair shuffle stays well within ±25%.
    for (const item of pool.slice(0, 20)) expect(Math.abs((counts.get(item) ?? 0) - 400)).toBeLessThan(100);
  });

  it.each([
    ['5%', 100, 5],
    ['5%', 41, 3],
    ['1/20', 41, 3],
    ['10％', 7, 1],
    ['按年度计划', 10, 1],
  ])('[PUB-15] the ratio %s of %i subjects draws %i', (ratio, size, expected) => {
    expect(sampleSize(ratio, size)).toBe(expected);
  });
});
