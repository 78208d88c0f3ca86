import * as z from 'zod';
import type { Role } from '#shared/kernel/principal.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** `public` routes need no token; otherwise the caller must hold one of the roles. */
export type Access = 'public' | readonly Role[];

export interface ResponseDef {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

/**
 * One row of the route table: the single source for the API Gateway routes (CDK), the local
 * server, request validation, the roles check and the OpenAPI document.
 */
export interface RouteDef {
  method: HttpMethod;
  path: string;
  /** The handler module under `functions/`, without extension; it exports `handler`. */
  handler: string;
  access: Access;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  responses: Record<number, ResponseDef>;
  /** A page of the public site: errors are answered as an HTML page, not JSON. */
  page?: boolean;
  /** Writes a client may retry: honours the `Idempotency-Key` header. */
  idempotent?: boolean;
  /** Files (paths under node_modules) the Lambda bundle needs beside the handler, e.g. a font. */
  bundledFiles?: readonly { from: string; to: string }[];
  /** Creates one-time due-date schedules for publications (EventBridge Scheduler). */
  schedulesDueDates?: boolean;
  /** Creates, changes or disables sign-in identities (ORG-5): the identity service's admin actions. */
  managesIdentities?: boolean;
  /** Commits case changes or account changes, each of which appends to a journal (REC-3, ORG-5). */
  journals?: boolean;
  /** What the handler does with the evidence archive; the stack grants exactly that. */
  evidenceArchive?: readonly EvidenceArchiveAccess[];
}

/**
 * `sign-uploads`: presigned PUTs with retention; `read`: verify and presign GETs; `legal-hold`;
 * `read-anchors`: the journal anchors' versions, to verify a journal against them.
 */
export type EvidenceArchiveAccess = 'sign-uploads' | 'read' | 'legal-hold' | 'read-anchors';

export function defineRoute<const R extends RouteDef>(route: R): R {
  return route;
}

export function routeKey(route: Pick<RouteDef, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<R extends RouteDef> {
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
}

export interface HttpResult {
  status: number;
  body?: unknown;
  /** Defaults to JSON; any other type sends `body` as a string, or base64-encoded if a Buffer. */
  contentType?: string;
  headers?: Record<string, string>;
}

/** The error answers every route may give (docs/api.md), for the OpenAPI document. */
export const standardErrors = {
  400: { description: '请求参数有误 VALIDATION_FAILED' },
  401: { description: '未登录 UNAUTHENTICATED' },
  403: { description: '无权限 FORBIDDEN' },
  404: { description: '记录不存在 NOT_FOUND' },
  429: { description: '请求过于频繁 RATE_LIMITED（Retry-After 秒数）' },
} as const;

/** An opaque id in a path. */
export const IdParam = z.string().trim().min(1).max(64);
