import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { dispatch } from '#shared/http/dispatch.ts';

const context = {} as Context;

describe('one Lambda per API area', () => {
  it('evaluates a route module on its first request, once, and no other route module', async () => {
    const loads: string[] = [];
    const route = (name: string) => async () => {
      loads.push(name);
      return { handler: async () => ({ statusCode: 200, body: name }) };
    };
    const handler = dispatch({ 'GET /a': route('a'), 'GET /b': route('b') });
    expect(loads).toEqual([]);
    const answers = await Promise.all([
      handler({ routeKey: 'GET /a' }, context),
      handler({ routeKey: 'GET /a' }, context),
    ]);
    expect(answers).toEqual([
      { statusCode: 200, body: 'a' },
      { statusCode: 200, body: 'a' },
    ]);
    expect(loads).toEqual(['a']);
  });

  it('answers a route key it does not serve, or an inherited property name, with 404 in the contract format', async () => {
    const handler = dispatch({ 'GET /a': async () => ({ handler: async () => ({ statusCode: 200 }) }) });
    for (const routeKey of ['GET /b', 'constructor', undefined]) {
      const answer = (await handler({ routeKey }, context)) as { statusCode: number; body: string };
      expect(answer.statusCode).toBe(404);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
  });
});
