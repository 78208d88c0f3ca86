/**
 * Typed domain errors. Each carries its HTTP status and a stable English code; the message is what
 * the user sees, in Simplified Chinese. The HTTP layer maps them to the error format of docs/api.md.
 */
export interface ErrorDetail {
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  /** Machine-readable facts about the refusal, shown beside code and message (e.g. `allowed`). */
  readonly extra: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    details: ErrorDetail[] = [],
    extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.details = details;
    this.extra = extra;
  }
}

export class ValidationFailed extends DomainError {
  constructor(details: ErrorDetail[], message = '请求参数有误') {
    super(400, 'VALIDATION_FAILED', message, details);
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = '请先登录') {
    super(401, 'UNAUTHENTICATED', message);
  }
}

export class Forbidden extends DomainError {
  constructor(message = '无权执行此操作') {
    super(403, 'FORBIDDEN', message);
  }
}

export class NotFound extends DomainError {
  constructor(message = '记录不存在', details: ErrorDetail[] = []) {
    super(404, 'NOT_FOUND', message, details);
  }
}

export class Conflict extends DomainError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super(409, 'CONFLICT', message, details);
  }
}

/** A broken business rule: 422 with its own code, e.g. `OFFICER_NOT_QUALIFIED`. */
export class RuleViolation extends DomainError {
  constructor(
    code: string,
    message: string,
    details: ErrorDetail[] = [],
    extra: Record<string, unknown> = {},
  ) {
    super(422, code, message, details, extra);
  }
}

/**
 * A write that lost a race (a version or uniqueness condition, or DynamoDB's TransactionConflict):
 * re-reading and trying again may succeed, so use cases retry it. A business conflict ("already
 * decided") is a plain Conflict and answered at once.
 */
export class StaleWrite extends Conflict {}
