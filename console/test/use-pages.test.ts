import { describe, expect, it } from 'vitest';
import { allPages, appended, type Page } from '../src/use-pages.ts';

/** A keyed list of `count` numbers as the API answers it: a cursor is where the next page starts. */
function pagesOf(count: number) {
  const asked: { limit: number; cursor?: string }[] = [];
  const load = async (query: { limit: number; cursor?: string }): Promise<Page<number>> => {
    asked.push(query);
    const from = query.cursor ? Number(query.cursor) : 0;
    const items = Array.from(
      { length: Math.max(0, Math.min(query.limit, count - from)) },
      (_, at) => from + at,
    );
    // Like DynamoDB, a full page has a cursor even when nothing follows it.
    return items.length === query.limit ? { items, nextCursor: String(from + items.length) } : { items };
  };
  return { load, asked };
}

describe('paged lists in the console', () => {
  it('appends the next page after the items shown and keeps where the page after it starts', () => {
    expect(appended({ items: [1, 2], nextCursor: 'a' }, { items: [3], nextCursor: 'b' })).toEqual({
      items: [1, 2, 3],
      nextCursor: 'b',
    });
    expect(appended({ items: [1], nextCursor: 'a' }, { items: [2] })).toEqual({ items: [1, 2] });
  });

  it('a picker pages through a whole set, following each cursor, to the last page', async () => {
    const { load, asked } = pagesOf(250);
    const all = await allPages(load);
    expect(all).toEqual({ items: Array.from({ length: 250 }, (_, at) => at) });
    expect(asked).toEqual([{ limit: 100 }, { limit: 100, cursor: '100' }, { limit: 100, cursor: '200' }]);
  });

  it('a full last page costs one more request that finds nothing', async () => {
    const { load, asked } = pagesOf(200);
    expect((await allPages(load)).items).toHaveLength(200);
    expect(asked).toHaveLength(3);
  });

  it('a picker stops at its bound, so its requests do not grow with the set', async () => {
    const { load, asked } = pagesOf(5000);
    const all = await allPages(load, 3);
    expect(all.items).toHaveLength(300);
    expect(asked).toHaveLength(3);
  });
});
