import { ulid } from 'ulid';
import { inject } from 'vitest';
import { startApiServer } from '#local/api-server.ts';
import { PLATFORM_ID } from '#shared/kernel/agency.ts';
import type { Role } from '#shared/kernel/principal.ts';
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
  }) {
    const response = await call<{ token: string }>('POST', '/dev/token', {
      body: { sub: claims.sub ?? `user-${ulid()}`, name: claims.name ?? '测试用户', ...claims },
    });
    if (response.status !== 200) throw new Error(`token: ${response.status} ${response.text}`);
    return response.body.token;
  }

  /**
   * The agency is supervised by exactly `bodyIds` (ORG-4), as the platform administrator says it
   * (`PUT /v1/agencies/{agencyId}/supervised-by`): their supervisors read it from their next
   * request (the local cache period is 0), and a body left out reads nothing of it. A test's
   * agency that has no profile yet gets an empty one first (no units), as an agency exists
   * before anyone supervises it.
   */
  async function supervise(agencyId: string, ...bodyIds: string[]) {
    const { ports } = await import('#shared/repositories.ts');
    if (!(await ports.agencies.get(agencyId))) {
      await ports.agencies.create({
        agencyId,
        name: `测试机关 ${agencyId}`,
        region: '昌宁县',
        units: [],
        updatedAt: new Date().toISOString(),
        updatedBy: 'test',
      });
    }
    platformToken ??= await token({
      sub: 'platform-admin',
      agencyId: PLATFORM_ID,
      roles: ['platform-admin'],
    });
    const changed = await call('PUT', `/v1/agencies/${agencyId}/supervised-by`, {
      token: platformToken,
      body: { supervisedBy: bodyIds },
    });
    if (changed.status !== 200) throw new Error(`supervise: ${changed.status} ${changed.text}`);
  }
  let platformToken: string | undefined;

  return { url: server.url, call, token, supervise, close: server.close };
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
