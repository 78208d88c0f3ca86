import type * as z from 'zod';
import type { ErrorCode, RuleCode } from '#shared/kernel/error-codes.ts';

/**
 * Typed domain errors. Each has a kind (what went wrong, in the domain's terms) and a stable
 * English code (`error-codes.ts`); the message is what the user sees, in Simplified Chinese. The
 * HTTP layer gives each kind its status and writes the error format of docs/api.md
 * (`shared/http/errors.ts`); nothing here knows HTTP.
 */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** Zod issues as the API's details: one entry per bad field, unknown keys each named. */
export function issueDetails(
  issues: readonly z.core.$ZodIssue[],
  prefix: (string | number)[] = [],
): ErrorDetail[] {
  return issues.flatMap((issue) => {
    const base = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: '不允许的字段' }));
    }
    return [{ path: base.length > 0 ? base.join('.') : 'body', message: issue.message }];
  });
}

/**
 * What kind of refusal: input that does not read (`invalid`), nobody signed in or an account
 * gone (`unauthenticated`), a caller without the right (`forbidden`), nothing there
 * (`not-found`), a state that does not allow it now (`conflict`), a broken business rule
 * (`rule`), too many requests for now (`too-many`).
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rule'
  | 'too-many';

export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  /** Machine-readable facts about the refusal, shown beside code and message (e.g. `allowed`). */
  readonly extra: Record<string, unknown>;

  constructor(
    kind: ErrorKind,
    code: ErrorCode,
    message: string,
    details: ErrorDetail[] = [],
    extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.kind = kind;
    this.code = code;
    this.details = details;
    this.extra = extra;
  }
}

export class ValidationFailed extends DomainError {
  constructor(details: ErrorDetail[], message = '请求参数有误') {
    super('invalid', 'VALIDATION_FAILED', message, details);
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = '请先登录') {
    super('unauthenticated', 'UNAUTHENTICATED', message);
  }
}

/** A token of an account its agency has disabled (ORG-5): refused from that moment, whatever its expiry. */
export class AccountDisabled extends DomainError {
  constructor() {
    super('unauthenticated', 'ACCOUNT_DISABLED', '该账号已停用，请联系本机关管理员');
  }
}

export class Forbidden extends DomainError {
  constructor(message = '无权执行此操作') {
    super('forbidden', 'FORBIDDEN', message);
  }
}

export class NotFound extends DomainError {
  constructor(message = '记录不存在', details: ErrorDetail[] = []) {
    super('not-found', 'NOT_FOUND', message, details);
  }
}

export class Conflict extends DomainError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super('conflict', 'CONFLICT', message, details);
  }
}

/** A broken business rule, with its own code, e.g. `OFFICER_NOT_QUALIFIED`. */
export class RuleViolation extends DomainError {
  constructor(
    code: RuleCode,
    message: string,
    details: ErrorDetail[] = [],
    extra: Record<string, unknown> = {},
  ) {
    super('rule', code, message, details, extra);
  }
}

/**
 * A write that lost a race (a version or uniqueness condition, or DynamoDB's TransactionConflict):
 * re-reading and trying again may succeed, so use cases retry it. A business conflict ("already
 * decided") is a plain Conflict and answered at once.
 */
export class StaleWrite extends Conflict {}

/**
 * What a failure may say where staff read it (journal, publication status, push dead letters):
 * our own refusals in their words; anything else by its kind only, since an SDK's message names
 * tables, keys and addresses. The whole error goes to the operations log.
 */
export function failureReason(error: unknown): string {
  if (error instanceof DomainError) return `${error.code}：${error.message}`;
  const name = error instanceof Error && /^[A-Za-z]{1,64}$/.test(error.name) ? error.name : 'Error';
  return `系统错误（${name}），详见运行日志`;
}
