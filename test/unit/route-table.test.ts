import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jobTable } from '#functions/jobs.ts';
import { routeTable } from '#functions/routes.ts';
import type { RouteDef } from '#shared/http/route.ts';
import { routeKey } from '#shared/http/route.ts';

const routes = routeTable as RouteDef[];

describe('the route table', () => {
  it('has one route per method and path, each with a handler module that exists', () => {
    const keys = routes.map(routeKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const route of routes) expect(existsSync(`functions/${route.handler}.ts`), route.handler).toBe(true);
    for (const job of jobTable) expect(existsSync(`functions/${job.handler}.ts`), job.handler).toBe(true);
  });

  it('keeps tokens off public routes and requires roles everywhere else; no /dev route is deployable', () => {
    for (const route of routes) {
      if (route.path.startsWith('/public/') || route.path === '/openapi.json' || route.page)
        expect(route.access).toBe('public');
      else expect(Array.isArray(route.access) && route.access.length > 0, routeKey(route)).toBe(true);
      expect(route.path.startsWith('/dev')).toBe(false);
    }
  });

  it('names every route of the foundation contract (docs/api.md)', () => {
    const keys = routes.map(routeKey);
    expect(keys).toEqual(
      expect.arrayContaining([
        'POST /v1/officers',
        'POST /v1/officers/{certificateNo}/status',
        'GET /public/v1/officers/{certificateNo}',
        'POST /public/v1/officers/{certificateNo}/complaints',
        'GET /openapi.json',
      ]),
    );
  });

  it("declares each area's routes beside their handlers, so a handler loads its own area's table and no other", async () => {
    for (const area of new Set(routes.map((route) => route.handler.split('/')[0] ?? ''))) {
      const module = (await import(`#functions/${area}/routes.ts`)) as Record<
        string,
        Record<string, RouteDef>
      >;
      const table = module[`${area.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())}Routes`];
      expect(table, `functions/${area}/routes.ts exports ${area}Routes`).toBeDefined();
      for (const route of Object.values(table ?? {}))
        expect(route.handler.split('/')[0], `${routeKey(route)} in functions/${area}/routes.ts`).toBe(area);
    }
    // Handlers import their area's table: the whole one would make every function evaluate every route.
    const handlers = routes.map((route) => readFileSync(`functions/${route.handler}.ts`, 'utf8'));
    expect(handlers.filter((source) => source.includes("from '#functions/routes.ts'"))).toEqual([]);
  });
});
