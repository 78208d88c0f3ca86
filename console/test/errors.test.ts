import { describe, expect, it } from 'vitest';
import { apiErrorOf } from '../src/api/errors.ts';
import { labelOf, lineOf } from '../src/components/error-notice.tsx';

describe('API errors as the console shows them', () => {
  it('[REC-8] keeps the Chinese message and the fields the details name', () => {
    const error = apiErrorOf(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: '请求参数有误',
        details: [
          { path: 'party.name', message: '不能为空' },
          { path: 'officers', message: '至少两名执法人员' },
        ],
      },
    });
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '请求参数有误' });
    expect(error.detailsFor('party').map((detail) => detail.message)).toEqual(['不能为空']);
    expect(error.detailsFor('party.name')).toHaveLength(1);
    expect(error.detailsFor('party.na')).toHaveLength(0);
    expect(error.detailsFor('officers')).toEqual([{ path: 'officers', message: '至少两名执法人员' }]);
  });

  it('[REC-8] an answer that is not in the error format still reads in Chinese', () => {
    expect(apiErrorOf(429, 'Too Many Requests').message).toBe('操作过于频繁，请稍后再试');
    expect(apiErrorOf(502, undefined)).toMatchObject({ code: 'HTTP_502', details: [] });
    expect(apiErrorOf(502, undefined).message).toMatch(/服务暂时不可用/);
  });

  it('[REC-8] names a field by its label and never by its path', () => {
    const labels = { 'findings.1': '执法程序合法', officers: '执法人员', amountInvolved: '涉案金额' };
    expect(labelOf('findings.1.result', labels)).toBe('执法程序合法');
    expect(labelOf('officers.1', labels)).toBe('执法人员 第 2 项');
    expect(labelOf('columns.事项编码', labels)).toBe('事项编码');
    expect(labelOf('fields.unknownField', labels)).toBeUndefined();
    expect(lineOf({ path: 'amountInvolved', message: '须为数字' }, labels)).toBe('涉案金额：须为数字');
    expect(lineOf({ path: 'columns.事项编码', message: '缺少必填列：事项编码' }, labels)).toBe(
      '缺少必填列：事项编码',
    );
    expect(lineOf({ path: 'rows.3.name', message: '第 3 行「事项名称」：不能为空' }, labels)).toBe(
      '第 3 行「事项名称」：不能为空',
    );
  });
});
