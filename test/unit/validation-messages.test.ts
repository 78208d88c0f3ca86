import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import '#shared/zod-locale.ts';

const messages = (schema: z.ZodType, value: unknown) =>
  (schema.safeParse(value).error?.issues ?? []).map((issue) => issue.message);

describe('validation messages people read', () => {
  it('say what a form says: empty, too long, too many, out of range, missing', () => {
    const form = z.object({
      title: z.string().min(1).max(5),
      officers: z.array(z.string()).min(2).max(3),
      amount: z.number().min(0).max(100),
      note: z.string(),
    });
    expect(messages(form, { title: '', officers: ['a'], amount: -1 })).toEqual([
      '不能为空',
      '至少 2 项',
      '不能小于 0',
      '必填',
    ]);
    expect(
      messages(form, { title: '超过五个字的标题', officers: ['a', 'b', 'c', 'd'], amount: 101, note: '' }),
    ).toEqual(['最多 5 个字', '最多 3 项', '不能大于 100']);
  });

  it('leave the rest to the Chinese locale', () => {
    expect(messages(z.number(), 'x')[0]).toMatch(/^无效输入/);
    expect(messages(z.enum(['a', 'b']), 'c')[0]).toContain('无效选项');
  });
});
