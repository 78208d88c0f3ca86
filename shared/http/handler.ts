import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { config } from '#shared/config.ts';
import { errorResponse, toErrorResponse } from '#shared/http/errors.ts';
import { rateKey, TokenBuckets, TooManyRequests } from '#shared/http/rate-limit.ts';
import { isRevoked } from '#shared/http/revocations.ts';
import { type HttpResult, type RouteDef, type RouteInput, routeKey } from '#shared/http/route.ts';
import { withSupervised } from '#shared/http/supervisions.ts';
import {
  AccountDisabled,
  type ErrorDetail,
  Forbidden,
  issueDetails,
  Unauthenticated,
  ValidationFailed,
} from '#shared/kernel/errors.ts';
import { hasAnyRole, type Principal, principalFromClaims } from '#shared/kernel/principal.ts';
import { dynamoClient } from '#shared/kernel/store/clients.ts';
import { logger, metrics } from '#shared/observability.ts';
import { errorPage } from '#shared/render/site/error-page.ts';
import '#shared/zod-locale.ts';
import type * as z from 'zod';

/** The API Gateway v2 event; on public routes there is no authorizer context. */
export type HttpEvent = Omit<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext' | 'body'> & {
  requestContext: Omit<APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'], 'authorizer'> & {
    authorizer?: APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer'];
  };
  body?: unknown;
};

type Handler = (event: HttpEvent, context: Context) => Promise<APIGatewayProxyResultV2>;

export type HandlerRequest<R extends RouteDef> = RouteInput<R> & {
  principal: R['access'] extends 'public' ? Principal | undefined : Principal;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  requestId: string;
  /** The caller's address as API Gateway saw it (the client's, not a header the client sets). */
  sourceIp: string;
};

interface State {
  principal?: Principal;
  input?: RouteInput<RouteDef>;
  /** This request saved its idempotency key's record, so its failure releases the key. */
  holdsKey?: boolean;
}

/** Per-request state, keyed by the event: the local runtime serves requests concurrently in one process. */
const requestState = new WeakMap<HttpEvent, State>();

function stateOf(event: HttpEvent): State {
  let state = requestState.get(event);
  if (!state) {
    state = {};
    requestState.set(event, state);
  }
  return state;
}

function claimNames() {
  const { ROLES_CLAIM, AGENCY_CLAIM, UNIT_CLAIM } = config();
  return { roles: ROLES_CLAIM, agency: AGENCY_CLAIM, unit: UNIT_CLAIM };
}

/**
 * Who is calling, and may they: 401 without a usable token or with the token of a disabled
 * account (ACCOUNT_DISABLED), 403 without an allowed role. A supervisor's agencies come from the
 * data, read beside the revocation check (both cached briefly per instance).
 */
function authorize(route: RouteDef): MiddlewareObj<HttpEvent, APIGatewayProxyResultV2> {
  return {
    before: async (request) => {
      const state = stateOf(request.event);
      const claims = request.event.requestContext.authorizer?.jwt?.claims;
      const principal = principalFromClaims(claims, claimNames());
      if (route.access === 'public') {
        state.principal = principal;
        return;
      }
      if (!principal) throw new Unauthenticated();
      const [revoked, caller] = await Promise.all([isRevoked(principal), withSupervised(principal)]);
      if (revoked) throw new AccountDisabled();
      if (!hasAnyRole(caller, route.access)) throw new Forbidden();
      state.principal = caller;
    },
  };
}

let buckets: TokenBuckets | undefined;

/** A share per agency (staff) or per address (anonymous) of this instance: 429 beyond it. */
function limitRate(): MiddlewareObj<HttpEvent, APIGatewayProxyResultV2> {
  return {
    before: (request) => {
      const rate = config().RATE_LIMIT_PER_SECOND;
      buckets ??= new TokenBuckets(rate, rate * 3);
      const key = rateKey(stateOf(request.event).principal, request.event.requestContext.http?.sourceIp);
      const wait = buckets.take(key);
      if (wait > 0) throw new TooManyRequests(wait);
    },
  };
}

/** Path, query and body against the route's zod schemas; every bad field is named. */
function validate(route: RouteDef): MiddlewareObj<HttpEvent, APIGatewayProxyResultV2> {
  return {
    before: (request) => {
      const { event } = request;
      const state = stateOf(event);
      const details: ErrorDetail[] = [];
      const parse = (schema: z.ZodType | undefined, value: unknown) => {
        if (!schema) return undefined;
        const result = schema.safeParse(value);
        if (!result.success) {
          details.push(...issueDetails(result.error.issues));
          return undefined;
        }
        return result.data;
      };
      const input = {
        params: parse(route.params, event.pathParameters ?? {}),
        query: parse(route.query, event.queryStringParameters ?? {}),
        body: parse(route.body, event.body),
      };
      if (details.length > 0) throw new ValidationFailed(details);
      state.input = input as RouteInput<RouteDef>;
    },
  };
}

/**
 * The last word on errors: the format of docs/api.md (a page of the site says the same in HTML),
 * and a logged 500 for the unexpected.
 */
function mapErrors(route: RouteDef): MiddlewareObj<HttpEvent, APIGatewayProxyResultV2> {
  return {
    onError: (request) => {
      const requestId = request.context.awsRequestId;
      const { status, body } = toErrorResponse(request.error, requestId);
      if (status >= 500) logger.error('unhandled error', { error: request.error as Error, requestId });
      const headers: Record<string, string> =
        request.error instanceof TooManyRequests
          ? { 'retry-after': String(request.error.extra.retryAfterSeconds) }
          : {};
      request.response = route.page
        ? {
            statusCode: status,
            headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers },
            body: errorPage(status, body.error),
          }
        : errorResponse(status, body, headers);
    },
  };
}

/** JSON bodies through middy's parser; a route whose body schema is optional may get none. */
function jsonBody(): MiddlewareObj<HttpEvent, APIGatewayProxyResultV2> {
  const parser = httpJsonBodyParser({ disableContentTypeCheck: true });
  return {
    before: (request) => {
      const { body } = request.event;
      if (body === undefined || body === '') return;
      return parser.before?.(request as never);
    },
  };
}

/**
 * Powertools idempotency, with one change to its rule: only the request that holds the key's
 * record may release it. Powertools deletes the record on any error, so a request refused by it
 * (another body under the key, or the key's first request still in progress) freed the key, and
 * the original body sent again wrote a second time. Here a key whose write succeeded answers that
 * result for its lifetime, whatever comes between; a write that fails releases its own key only.
 */
function idempotency(route: RouteDef): MiddlewareObj<HttpEvent, APIGatewayProxyResultV2> {
  const powertools = makeHandlerIdempotent({
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName: config().IDEMPOTENCY_TABLE,
      awsSdkV3Client: dynamoClient,
    }),
    config: new IdempotencyConfig({
      // The key names one write: the caller's key for this caller on this resource (the same key
      // on another case is another write); no header, no idempotency.
      eventKeyJmesPath:
        'headers."idempotency-key" && [headers."idempotency-key", requestContext.authorizer.jwt.claims.sub, pathParameters]',
      // The same key from another caller, or with another body, is refused rather than replayed.
      payloadValidationJmesPath: '[requestContext.authorizer.jwt.claims.sub, body]',
      throwOnNoIdempotencyKey: false,
      expiresAfterSeconds: 24 * 60 * 60,
    }),
    keyPrefix: routeKey(route),
  });
  return {
    before: async (request) => {
      const replay = await powertools.before?.(request as never);
      // Reached only when this request saved the key's record (or replays it): it may release it.
      stateOf(request.event).holdsKey = true;
      return replay;
    },
    after: powertools.after as MiddlewareObj<HttpEvent, APIGatewayProxyResultV2>['after'],
    onError: async (request) => {
      if (stateOf(request.event).holdsKey) await powertools.onError?.(request as never);
    },
  };
}

function toResult(result: HttpResult): APIGatewayProxyResultV2 {
  const headers = (contentType: string) => ({ 'content-type': contentType, ...result.headers });
  if (Buffer.isBuffer(result.body)) {
    return {
      statusCode: result.status,
      headers: headers(result.contentType ?? 'application/octet-stream'),
      body: result.body.toString('base64'),
      isBase64Encoded: true,
    };
  }
  if (result.contentType !== undefined) {
    return {
      statusCode: result.status,
      headers: headers(result.contentType),
      body: String(result.body ?? ''),
    };
  }
  return {
    statusCode: result.status,
    headers: headers('application/json; charset=utf-8'),
    body: result.body === undefined ? '' : JSON.stringify(result.body),
  };
}

/**
 * The one middy chain every HTTP handler uses, in order: logger, metrics, error mapping,
 * header normalising, JSON body, roles check, the rate limit, zod validation, idempotency, then
 * the handler.
 * The handler is a thin adapter: it gets parsed input and the caller and returns an HttpResult.
 */
export function httpHandler<R extends RouteDef>(
  route: R,
  handle: (request: HandlerRequest<R>) => Promise<HttpResult>,
): Handler {
  const chain = middy<HttpEvent, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .use(mapErrors(route))
    .use(httpHeaderNormalizer());
  if (route.body) chain.use(jsonBody());
  chain.use(authorize(route)).use(limitRate()).use(validate(route));
  if (route.idempotent) chain.use(idempotency(route));
  return chain.handler(async (event, context) => {
    const state = stateOf(event);
    const input = state.input as RouteInput<R>;
    const result = await handle({
      ...input,
      principal: state.principal as HandlerRequest<R>['principal'],
      headers: event.headers,
      requestId: context.awsRequestId,
      sourceIp: event.requestContext.http?.sourceIp ?? '-',
    });
    return toResult(result);
  }) as unknown as Handler;
}
