import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { httpStatusOf } from '#shared/http/errors.ts';
import { TooManyRequests } from '#shared/http/rate-limit.ts';
import { GENERAL_CODES, RULE_CODES } from '#shared/kernel/error-codes.ts';
import {
  AccountDisabled,
  Conflict,
  Forbidden,
  NotFound,
  RuleViolation,
  StaleWrite,
  Unauthenticated,
  ValidationFailed,
} from '#shared/kernel/errors.ts';

/** The platform's source outside the catalogue itself, as one text. */
const source = ['shared', 'functions', 'local']
  .flatMap((root) =>
    (readdirSync(root, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts') && !file.endsWith('error-codes.ts'))
      .map((file) => readFileSync(join(root, file), 'utf8')),
  )
  .join('\n');

describe('error codes are declared once, and HTTP statuses are the edge’s (docs/api.md error format)', () => {
  it('every code in the catalogue is one the code throws: no code is kept that nothing says', () => {
    const unused = Object.keys({ ...GENERAL_CODES, ...RULE_CODES }).filter(
      (code) => !source.includes(`'${code}'`),
    );
    expect(unused).toEqual([]);
  });

  it('each code says what it means in a sentence, and no code is both general and a rule’s', () => {
    for (const meaning of Object.values({ ...GENERAL_CODES, ...RULE_CODES }))
      expect(meaning.split(' ').length).toBeGreaterThan(3);
    expect(Object.keys(GENERAL_CODES).filter((code) => code in RULE_CODES)).toEqual([]);
  });

  it.each([
    [new ValidationFailed([{ path: 'title', message: '必填' }]), 400],
    [new Unauthenticated(), 401],
    [new AccountDisabled(), 401],
    [new Forbidden(), 403],
    [new NotFound(), 404],
    [new Conflict('已存在'), 409],
    [new StaleWrite('已被修改'), 409],
    [new RuleViolation('AV_REQUIRED', '缺少音像记录'), 422],
    [new TooManyRequests(3), 429],
  ])('%s is answered with %i, which the HTTP layer gives its kind', (error, status) => {
    expect(httpStatusOf(error)).toBe(status);
    expect('status' in error).toBe(false);
  });

  it('the domain knows nothing of HTTP statuses: no error in shared/ is built with a number', () => {
    expect(source.match(/super\(\s*\d{3}\s*,/g) ?? []).toEqual([]);
  });
});
