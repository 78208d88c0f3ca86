import { describe, expect, it } from 'vitest';
import { cacheAnswer, cachedAnswer, forgetOnWrite } from '../src/api/answer-cache.ts';

type OnResponse = NonNullable<typeof forgetOnWrite.onResponse>;
const answered = (method: string, status: number) =>
  (forgetOnWrite.onResponse as OnResponse)({
    request: new Request('http://console.test/v1/cases', { method }),
    response: new Response(null, { status }),
  } as Parameters<OnResponse>[0]);

describe('answers shown again at once, until a write', () => {
  it('keeps what a screen was shown by its key, and forgets every one when the API accepts a write', async () => {
    cacheAnswer('my-cases', { items: [1] });
    cacheAnswer('case:1', { title: '甲' });
    await answered('GET', 200);
    await answered('POST', 400);
    await answered('POST', 503);
    expect(cachedAnswer('my-cases')).toEqual({ items: [1] });
    await answered('POST', 201);
    expect(cachedAnswer('my-cases')).toBeUndefined();
    expect(cachedAnswer('case:1')).toBeUndefined();
    cacheAnswer('case:1', { title: '乙' });
    await answered('DELETE', 204);
    expect(cachedAnswer('case:1')).toBeUndefined();
  });

  it('keeps the fifty screens shown last', () => {
    for (let n = 0; n < 60; n += 1) cacheAnswer(`case:${n}`, n);
    cacheAnswer('case:10', 10);
    expect(cachedAnswer('case:0')).toBeUndefined();
    expect(cachedAnswer('case:10')).toBe(10);
    expect(cachedAnswer('case:59')).toBe(59);
  });
});
