import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { jobTable } from '#functions/jobs.ts';
import { routeTable } from '#functions/routes.ts';
import { isConsolePath, serveConsole } from '#local/console-assets.ts';
import { devRoutes } from '#local/dev-routes.ts';
import { DevTokenIssuer } from '#local/dev-tokens.ts';
import { deliverEvidenceArrivals } from '#local/evidence-arrivals.ts';
import { enforceGrantsLocally, grantedAccessOfAreas, runWithGrants } from '#local/granted-access.ts';
import { invoke, lambdaContext, loadHandler } from '#local/lambda-runtime.ts';
import { clock } from '#shared/clock.ts';
import { errorBody } from '#shared/http/errors.ts';
import type { HttpEvent } from '#shared/http/handler.ts';
import { type RouteDef, routeKey } from '#shared/http/route.ts';

/** Lambda's limit on a synchronous request (API Gateway's own is 10 MB): what AWS would take. */
const MAX_BODY_BYTES = 6 * 1024 * 1024;

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, idempotency-key',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-max-age': '3600',
};

export interface CompiledRoute {
  route: RouteDef;
  pattern: RegExp;
  names: string[];
}

function compile(route: RouteDef): CompiledRoute {
  const names: string[] = [];
  const segments = route.path.split('/').map((segment) => {
    const param = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (param === undefined) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    names.push(param);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${segments.join('/')}$`), names };
}

/**
 * The routes as API Gateway matches them: the most specific first, a literal segment before a
 * parameter (`/v1/calendar/deadline` before `/v1/calendar/{year}`), whatever the table's order.
 */
export function compileRoutes(routes: readonly RouteDef[]): CompiledRoute[] {
  return routes.map(compile).sort((a, b) => a.names.length - b.names.length);
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type':
      typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk);
  }
  return chunks.length === 0 ? undefined : Buffer.concat(chunks).toString('utf8');
}

/** API Gateway hands array claims to Lambda as `"[a b]"`; do the same so handlers see what AWS sends. */
function apiGatewayClaims(claims: Record<string, unknown>): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(claims).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : (value as string | number | boolean),
    ]),
  );
}

function toEvent(
  req: IncomingMessage,
  url: URL,
  compiled: CompiledRoute,
  match: RegExpExecArray,
  body: string | undefined,
  claims: Record<string, unknown> | undefined,
): HttpEvent {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = name in query ? `${query[name]},${value}` : value;
  const pathParameters = Object.fromEntries(
    compiled.names.map((name, index) => [name, decodePathSegment(match[index + 1] ?? '')]),
  );
  const now = new Date();
  const key = routeKey(compiled.route);
  return {
    version: '2.0',
    routeKey: key,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(compiled.names.length > 0 ? { pathParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: key,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(claims
        ? {
            authorizer: {
              principalId: '',
              integrationLatency: 0,
              jwt: { claims: apiGatewayClaims(claims), scopes: [] },
            },
          }
        : {}),
    },
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: false,
  } as HttpEvent;
}

function writeLambdaResult(res: ServerResponse, result: APIGatewayProxyResultV2): void {
  if (typeof result === 'string') {
    send(res, 200, result);
    return;
  }
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : (result.body ?? ''));
}

/** Runs a scheduled job's handler now, as the scheduler would; returns what it did. */
export async function runJob(name: string): Promise<unknown> {
  const job = jobTable.find((candidate) => candidate.name === name);
  if (!job) return undefined;
  return invoke(job.handler, { job: job.name, time: clock.now().toISOString() });
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A request to a /dev route from a tool on this machine (curl, tests, the console served here):
 * addressed to a loopback name (a DNS-rebound name is not), and either without an `Origin` (not a
 * browser) or from this very server's origin. A page elsewhere that posts here is refused.
 */
function fromThisMachine(req: IncomingMessage, boundHost: string | undefined): boolean {
  const host = req.headers.host ?? '';
  const hostname = URL.parse(`http://${host}`)?.hostname ?? '';
  if (!LOOPBACK_NAMES.has(hostname) && hostname !== boundHost) return false;
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${host}`;
}

/**
 * The local HTTP API: turns each request into the API Gateway v2 event for the route's handler
 * module, verifies the local tokens as the JWT authorizer would, and adds the `/dev` routes that
 * exist only here.
 */
export async function startApiServer(options: { port: number; tokenSecret: string; host?: string }) {
  const issuer = new DevTokenIssuer(options.tokenSecret);
  const compiled = compileRoutes(routeTable as RouteDef[]);
  await enforceGrantsLocally();
  const grantsOfRoute = grantedAccessOfAreas(routeTable as RouteDef[]);
  const dev = devRoutes(issuer, runJob, deliverEvidenceArrivals);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // The staff console's files (console/dist), built by `npm start` or the console's test.
    if (isConsolePath(url.pathname)) return serveConsole(req, res, url.pathname);
    const devRoute = url.pathname.startsWith('/dev/');
    if (devRoute && !fromThisMachine(req, options.host)) {
      send(res, 403, errorBody('FORBIDDEN', '开发接口只接受本机直接调用，不接受其他网页的跨站请求'));
      return;
    }
    // The same CORS answer API Gateway gives web clients (infra/stacks/stateless-stack.ts); the
    // /dev routes get none, so no web page a developer opens can mint tokens or move the clock.
    if (!devRoute) for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const body = await readBody(req);
    const devReply = devRoute
      ? await dev(req.method ?? 'GET', url.pathname, body, url.searchParams)
      : undefined;
    if (devReply) {
      send(res, devReply.status, devReply.body);
      return;
    }
    let pathMatched = false;
    for (const candidate of compiled) {
      const match = candidate.pattern.exec(url.pathname);
      if (!match) continue;
      pathMatched = true;
      if (candidate.route.method !== req.method) continue;
      let claims: Record<string, unknown> | undefined;
      const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (bearer) claims = await issuer.verify(bearer);
      if (candidate.route.access !== 'public' && !claims) {
        send(res, 401, errorBody('UNAUTHENTICATED', '请先登录：缺少或无效的访问令牌'));
        return;
      }
      const handler = await loadHandler(candidate.route.handler);
      const event = toEvent(req, url, candidate, match, body, claims);
      const started = performance.now();
      const result = (await runWithGrants(candidate.route.handler, grantsOfRoute(candidate.route), () =>
        handler(event, lambdaContext(candidate.route.handler)),
      )) as APIGatewayProxyResultV2;
      // What the Lambda handler took, as a browser's network panel (and `npm run bench`) reads it.
      res.setHeader('server-timing', `handler;dur=${(performance.now() - started).toFixed(2)}`);
      writeLambdaResult(res, result);
      return;
    }
    if (pathMatched) send(res, 405, errorBody('METHOD_NOT_ALLOWED', '不支持该请求方法'));
    else send(res, 404, errorBody('NOT_FOUND', '接口不存在'));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: { status?: number }) => {
      if (error.status === 413) send(res, 413, errorBody('PAYLOAD_TOO_LARGE', '请求体过大'));
      else {
        console.error(error);
        send(res, 500, errorBody('INTERNAL_ERROR', '服务器内部错误'));
      }
    });
  });
  server.listen(options.port, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A path parameter as API Gateway hands it over: decoded, or as sent when it is not valid percent-encoding. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
