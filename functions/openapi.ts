import * as z from 'zod';
import { routeTable } from '#functions/routes.ts';
import type { RouteDef } from '#shared/http/route.ts';

type JsonSchema = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  withoutContentEncoding(
    z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }),
  ) as JsonSchema;

/** zod writes JSON Schema's `contentEncoding` beside `format: base64`; OpenAPI 3.0 has no such keyword. */
function withoutContentEncoding(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutContentEncoding);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'contentEncoding')
      .map(([key, inner]) => [key, withoutContentEncoding(inner)]),
  );
}

function parameters(route: RouteDef) {
  const of = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!schema) return [];
    const { properties = {}, required = [] } = jsonSchema(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    return Object.entries(properties).map(([name, property]) => ({
      name,
      in: where,
      required: where === 'path' || required.includes(name),
      schema: property,
    }));
  };
  return [...of(route.params, 'path'), ...of(route.query, 'query')];
}

const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});

/** The OpenAPI document, generated from the route table and its zod schemas. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeTable as RouteDef[]) {
    const operation = {
      summary: route.summary,
      operationId: route.handler,
      ...(route.access === 'public' ? { security: [] } : { 'x-roles': route.access }),
      parameters: parameters(route),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, response]) => {
          const schema = response.schema ?? (Number(status) >= 400 ? ErrorSchema : undefined);
          // A file (SVG, PDF, ZIP, XLSX, Atom) is bytes in OpenAPI 3.0, whatever its zod schema.
          const file = response.contentType !== undefined && !response.contentType.includes('json');
          const content = schema
            ? {
                content: {
                  [response.contentType ?? 'application/json']: {
                    schema: file ? { type: 'string', format: 'binary' } : jsonSchema(schema, 'output'),
                  },
                },
              }
            : {};
          return [status, { description: response.description, ...content }];
        }),
      ),
    };
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.0.3',
    info: { title: '行政执法三项制度平台 API', version: '1' },
    // Relative: the API is served where this document is, on one machine and in AWS alike.
    servers: [{ url: '/', description: '本平台' }],
    components: { securitySchemes: { jwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ jwt: [] }],
    paths,
  };
}
