import {
  IdempotencyAlreadyInProgressError,
  IdempotencyValidationError,
} from '@aws-lambda-powertools/idempotency';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { DomainError, type ErrorDetail, type ErrorKind } from '#shared/kernel/errors.ts';

/** Each kind of domain error's HTTP status: the one place the domain meets HTTP. */
const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  rule: 422,
  'too-many': 429,
};

/** The HTTP status of a domain error. */
export const httpStatusOf = (error: DomainError): number => STATUS_OF_KIND[error.kind];

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details: ErrorDetail[];
    requestId?: string;
    [fact: string]: unknown;
  };
}

/** The error format of docs/api.md. */
export function errorBody(code: string, message: string, details: ErrorDetail[] = []): ErrorBody {
  return { error: { code, message, details } };
}

export function errorResponse(
  status: number,
  body: ErrorBody,
  headers: Record<string, string> = {},
): APIGatewayProxyResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

interface HttpLikeError {
  statusCode?: number;
  expose?: boolean;
}

/**
 * One mapping from any thrown error to an HTTP answer. Domain errors show their code, message and
 * details; errors of the middlewares get their own codes; anything else is a 500 with a generic
 * message (the caller logs it with the request id; the error object is never serialised).
 */
export function toErrorResponse(error: unknown, requestId: string): { status: number; body: ErrorBody } {
  if (error instanceof DomainError) {
    return {
      status: httpStatusOf(error),
      body: { error: { ...error.extra, code: error.code, message: error.message, details: error.details } },
    };
  }
  if (error instanceof IdempotencyAlreadyInProgressError) {
    return {
      status: 409,
      body: errorBody('CONFLICT', '相同的请求正在处理中，请稍后重试'),
    };
  }
  if (error instanceof IdempotencyValidationError) {
    return {
      status: 422,
      body: {
        error: {
          code: 'IDEMPOTENCY_KEY_REUSED',
          message: '幂等键已用于另一个不同的请求',
          details: [{ path: 'Idempotency-Key', message: '请为不同的请求使用不同的幂等键' }],
        },
      },
    };
  }
  const http = error as HttpLikeError;
  if (http.expose && http.statusCode === 422) {
    // @middy/http-json-body-parser: the body is not JSON.
    return {
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: '请求参数有误',
          details: [{ path: 'body', message: '请求体不是合法的 JSON' }],
        },
      },
    };
  }
  return {
    status: 500,
    body: {
      error: { code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试', details: [], requestId },
    },
  };
}
