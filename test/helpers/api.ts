import { ulid } from 'ulid';
import { inject } from 'vitest';
import { startApiServer } from '#local/api-server.ts';
import type { Role } from '#shared/auth.ts';
import { checkResponse } from '#test/helpers/response-schemas.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies of many shapes
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, not JSON-encoded. */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** The local HTTP API, in this test process, over real HTTP, with real tokens. */
export async function startTestApi() {
  const server = await startApiServer({ port: 0, tokenSecret: inject('tokenSecret') });

  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies of many shapes
  async function call<T = any>(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
    checkResponse(method, path, response.status, parsed);
    return { status: response.status, body: parsed as T, text, headers: response.headers };
  }

  async function token(claims: {
    sub?: string;
    name?: string;
    agencyId?: string;
    creditCode?: string;
    unitId?: string;
    roles: Role[];
    supervises?: string[];
  }) {
    const response = await call<{ token: string }>('POST', '/dev/token', {
      body: { sub: claims.sub ?? `user-${ulid()}`, name: claims.name ?? '测试用户', ...claims },
    });
    if (response.status !== 200) throw new Error(`token: ${response.status} ${response.text}`);
    return response.body.token;
  }

  return { url: server.url, call, token, close: server.close };
}

export type TestApi = Awaited<ReturnType<typeof startTestApi>>;

/** A fresh agency id, so test files never see each other's data. */
export const newAgencyId = () => `test-${ulid().toLowerCase()}`;

/** A valid `POST /v1/officers` body with a unique certificate number. */
export function officerInput(overrides: Record<string, unknown> = {}) {
  return {
    name: '张三',
    unitId: 'unit-1',
    position: '科员',
    certificateNo: `T-${ulid()}`,
    // An officer acting in a case has an account (LAW-12: separation of duties knows who acted).
    userId: `officer-${ulid().toLowerCase()}`,
    categories: ['penalty', 'inspection'],
    region: '昌宁县',
    validFrom: '2025-01-01',
    validTo: '2029-12-31',
    ...overrides,
  };
}
