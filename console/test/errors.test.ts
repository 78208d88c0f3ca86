import { describe, expect, it } from 'vitest';
import { apiErrorOf } from '../src/api/errors.ts';

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
});
