import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RouteDef } from '#shared/http/route.ts';
import { routeKey } from '#shared/http/route.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Generated at synth time, git-ignored. */
const entriesDir = `${projectRoot}.build/entries`;

/** The area of a route: the first folder of its handler module (`officers/create-officer` -> `officers`). */
export function areaOf(route: RouteDef): string {
  return route.handler.split('/')[0] ?? route.handler;
}

/**
 * Writes the Lambda entry of one API area: each route key to a lazy import of its handler module,
 * which `dispatch` evaluates on the route's first request. Returns the path, relative to the
 * project root, for ProjectFunction.
 */
export function writeAreaEntry(area: string, routes: readonly RouteDef[]): string {
  mkdirSync(entriesDir, { recursive: true });
  const table = routes.map(
    (route) => `  '${routeKey(route)}': () => import('${projectRoot}functions/${route.handler}.ts'),`,
  );
  writeFileSync(
    `${entriesDir}/${area}.ts`,
    `// Generated from functions/routes.ts by infra/constructs/area-entry.ts; do not edit.
import { dispatch } from '${projectRoot}shared/http/dispatch.ts';

export const handler = dispatch({
${table.join('\n')}
});
`,
  );
  return `.build/entries/${area}`;
}
