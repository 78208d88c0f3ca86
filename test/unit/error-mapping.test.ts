import {
  IdempotencyAlreadyInProgressError,
  IdempotencyValidationError,
} from '@aws-lambda-powertools/idempotency';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { toErrorResponse } from '#shared/http/errors.ts';
import { Conflict, issueDetails, NotFound, RuleViolation } from '#shared/kernel/errors.ts';
import '#shared/zod-locale.ts';

describe('one mapping from errors to the API error format', () => {
  it('shows a domain error with its status, code, Chinese message and details', () => {
    const { status, body } = toErrorResponse(
      new RuleViolation('OFFICER_NOT_QUALIFIED', '执法人员不具备资格', [
        { path: 'officers.0', message: '证件已过期' },
      ]),
      'req-1',
    );
    expect(status).toBe(422);
    expect(body.error).toEqual({
      code: 'OFFICER_NOT_QUALIFIED',
      message: '执法人员不具备资格',
      details: [{ path: 'officers.0', message: '证件已过期' }],
    });
    expect(toErrorResponse(new NotFound(), 'r').status).toBe(404);
    expect(toErrorResponse(new Conflict('重复'), 'r').body.error.code).toBe('CONFLICT');
  });

  it('hides the message of an unexpected error and returns the request id instead', () => {
    const { status, body } = toErrorResponse(new Error('secret table name in stack trace'), 'req-9');
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(body.error.requestId).toBe('req-9');
  });

  it('answers a retried write that is still running with 409 and a reused key with 422', () => {
    expect(toErrorResponse(new IdempotencyAlreadyInProgressError('x'), 'r').status).toBe(409);
    expect(toErrorResponse(new IdempotencyValidationError('x'), 'r').body.error.code).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
  });

  it('names every unknown key and every bad field in Chinese', () => {
    const schema = z.strictObject({ a: z.string(), b: z.object({ c: z.number() }) });
    const result = schema.safeParse({ a: 1, b: { c: 'x' }, x: 1, y: 2 });
    const details = issueDetails(result.error?.issues ?? []);
    expect(details.map((detail) => detail.path).sort()).toEqual(['a', 'b.c', 'x', 'y']);
    expect(details.every((detail) => /[\u4e00-\u9fff]/.test(detail.message))).toBe(true);
  });
});
