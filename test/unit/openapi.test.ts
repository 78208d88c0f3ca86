import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#functions/openapi.ts';
import { routeTable } from '#functions/routes.ts';
import type { RouteDef } from '#shared/http/route.ts';
import { routeKey } from '#shared/http/route.ts';

Object.assign(process.env, {
  MAIN_TABLE: 'Main',
  JOURNAL_TABLE: 'Journal',
  IDEMPOTENCY_TABLE: 'Idempotency',
  EVIDENCE_BUCKET: 'evidence',
  PUBLIC_BASE_URL: 'https://example.gov.cn',
});

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

describe('the OpenAPI document', () => {
  const document = openApiDocument();

  it('describes the body of every success answer of every route, so typed clients can be generated', () => {
    const routes = routeTable as RouteDef[];
    for (const route of routes) {
      const operation = (document.paths[route.path] as Record<string, Operation>)[route.method.toLowerCase()];
      const successes = Object.entries(operation?.responses ?? {}).filter(([status]) =>
        status.startsWith('2'),
      );
      expect(successes.length, routeKey(route)).toBeGreaterThan(0);
      for (const [status, response] of successes) {
        const [content] = Object.values(response.content ?? {});
        expect(content?.schema, `${routeKey(route)} ${status}`).toBeDefined();
        expect(Object.keys(content?.schema ?? {}).length, `${routeKey(route)} ${status}`).toBeGreaterThan(0);
      }
    }
  });

  it('passes redocly lint (recommended rules, redocly.yaml)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const lint = spawnSync('npx', ['redocly', 'lint', file, '--format=summary'], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    expect(lint.status, `${lint.stdout}\n${lint.stderr}`).toBe(0);
  }, 60_000);
});
