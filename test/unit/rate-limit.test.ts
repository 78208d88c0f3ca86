import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { HttpEvent } from '#shared/http/handler.ts';
import { rateKey, TokenBuckets } from '#shared/http/rate-limit.ts';

Object.assign(process.env, {
  MAIN_TABLE: 'Main',
  JOURNAL_TABLE: 'Journal',
  IDEMPOTENCY_TABLE: 'Idempotency',
  EVIDENCE_BUCKET: 'evidence',
  PUBLIC_BASE_URL: 'https://example.gov.cn',
  RATE_LIMIT_PER_SECOND: '2',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
});

describe('the rate limit per agency and per address', () => {
  it('a bucket gives its burst, then one token per 1/rate seconds, each key its own', () => {
    let now = 0;
    const buckets = new TokenBuckets(2, 6, () => now);
    for (let n = 0; n < 6; n += 1) expect(buckets.take('agency:a')).toBe(0);
    expect(buckets.take('agency:a')).toBe(1);
    expect(buckets.take('agency:b')).toBe(0);
    now += 500;
    expect(buckets.take('agency:a')).toBe(0);
    expect(buckets.take('agency:a')).toBe(1);
  });

  it('forgets the least recently seen keys first, so memory stays bounded', () => {
    let now = 0;
    const buckets = new TokenBuckets(1, 1, () => now, 2);
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('b')).toBe(0);
    expect(buckets.take('a')).toBe(1);
    expect(buckets.take('c')).toBe(0); // b, the oldest, goes
    now += 1;
    expect(buckets.take('a')).toBe(1);
    expect(buckets.take('b')).toBe(0);
  });

  it('staff count against their agency, anonymous callers against their address', () => {
    const principal = { sub: 'u', name: 'u', agencyId: 'ag-1', roles: ['officer' as const] };
    expect(rateKey(principal, '203.0.113.9')).toBe('agency:ag-1');
    expect(rateKey(undefined, '203.0.113.9')).toBe('address:203.0.113.9');
  });

  it('in the handler chain: 429 RATE_LIMITED with Retry-After, in the error format, for that address only', async () => {
    const { httpHandler } = await import('#shared/http/handler.ts');
    const handler = httpHandler(
      {
        method: 'GET',
        path: '/public/v1/ping',
        handler: 'ping',
        access: 'public',
        summary: 'ping',
        responses: { 200: { description: 'pong' } },
      },
      async () => ({ status: 200, body: { pong: true } }),
    );
    const event = (sourceIp: string) =>
      ({
        version: '2.0',
        routeKey: 'GET /public/v1/ping',
        rawPath: '/public/v1/ping',
        rawQueryString: '',
        headers: {},
        isBase64Encoded: false,
        requestContext: { http: { method: 'GET', path: '/public/v1/ping', sourceIp }, requestId: 'r' },
      }) as unknown as HttpEvent;
    const context = { awsRequestId: 'r', functionName: 'ping' } as Context;
    const statuses: number[] = [];
    for (let n = 0; n < 7; n += 1) {
      const response = (await handler(event('198.51.100.7'), context)) as { statusCode: number };
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
    const refused = (await handler(event('198.51.100.7'), context)) as {
      headers: Record<string, string>;
      body: string;
    };
    expect(refused.headers['retry-after']).toBe('1');
    expect(JSON.parse(refused.body).error).toMatchObject({ code: 'RATE_LIMITED', details: [] });
    expect(((await handler(event('198.51.100.8'), context)) as { statusCode: number }).statusCode).toBe(200);
  });
});
