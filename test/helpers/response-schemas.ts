import { routeTable } from '#functions/routes.ts';
import { compileRoutes } from '#local/api-server.ts';
import type { RouteDef } from '#shared/http/route.ts';
import { STORAGE_ATTRIBUTES } from '#shared/kernel/store/item.ts';

/** The attributes the store strips from what it reads (`fromItem`): none may reach an answer. */
const storageAttributes = new Set(STORAGE_ATTRIBUTES);

/** The routes, matched as the local server and API Gateway match them. */
const matchers = compileRoutes(routeTable as RouteDef[]);

function storageKeysIn(value: unknown, path = 'body'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => storageKeysIn(item, `${path}[${index}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    storageAttributes.has(key) ? [`${path}.${key}`] : storageKeysIn(inner, `${path}.${key}`),
  );
}

/**
 * Every JSON success answer an e2e test receives is checked against its route's response schema
 * (the one the OpenAPI document publishes), and for storage attributes leaking out: a test that
 * meets a body its schema does not describe fails there, whatever it asserts itself.
 */
export function checkResponse(method: string, path: string, status: number, body: unknown): void {
  if (status < 200 || status >= 300 || typeof body !== 'object' || body === null) return;
  const bare = path.split('?')[0] ?? path;
  const match = matchers.find(({ route, pattern }) => route.method === method && pattern.test(bare));
  if (!match) return;
  const leaked = storageKeysIn(body);
  if (leaked.length > 0)
    throw new Error(`${method} ${path}: storage attributes in the answer: ${leaked.join(', ')}`);
  const response = match.route.responses[status];
  // A file the route serves (the JSON Feed among them) is described as bytes.
  if (response?.contentType) return;
  const schema = response?.schema;
  if (!schema) throw new Error(`${method} ${path}: ${status} has no response schema in the route table`);
  const result = schema.safeParse(body);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`${method} ${path} ${status}: the answer does not match its schema: ${issues}`);
  }
}
