import { describe, expect, it } from 'vitest';
import { isValidCreditCode } from '#shared/inspections/domain/credit-code.ts';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', true, 'the standard’s example'],
    ['91530524MA6K0000X7', true, 'a company of 昌宁县'],
    ['12530500MA6K000033', true, 'a public institution'],
    ['93530500MA6K00002L', true, 'a check character that is a letter'],
    ['91350100M000100Y44', false, 'a wrong check character'],
    ['91350100M000100Y4', false, '17 characters'],
    ['91350100M000100Y430', false, '19 characters'],
    ['91350100M00010OY43', false, 'the letter O, outside the alphabet'],
    ['91350100m000100Y43', false, 'small letters (the schema turns them into capitals first)'],
    ['', false, 'empty'],
  ])('%s is %s: %s', (code, valid) => {
    expect(isValidCreditCode(code)).toBe(valid);
  });
});
