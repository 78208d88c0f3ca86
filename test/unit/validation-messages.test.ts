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

  it('never show an enum value, a type name or a format code', () => {
    const form = z.strictObject({
      result: z.enum(['pass', 'problem']),
      amount: z.number(),
      count: z.number(),
      at: z.iso.datetime({ offset: true }),
      on: z.iso.date(),
      flag: z.boolean(),
      fine: z.number().multipleOf(0.01),
      either: z.union([z.string(), z.number()]),
    });
    const said = messages(form, {
      result: 'passed',
      amount: null,
      count: 'abc',
      at: '明天',
      on: '2026/12/07',
      flag: 'yes',
      fine: 1.234,
      either: {},
    });
    expect(said).toEqual([
      '不是可选的一项，请从给出的选项中选择',
      '必填，请填写数字',
      '须为数字',
      '时间格式不正确',
      '日期格式不正确',
      '须为“是”或“否”',
      '最多两位小数',
      '格式不正确',
    ]);
    for (const message of said) expect(message).not.toMatch(/[a-z"|]|null|NaN/);
  });

  it('keep what a schema says of its own', () => {
    expect(
      messages(
        z.string().refine(() => false, '请填写真实姓名'),
        'x',
      ),
    ).toEqual(['请填写真实姓名']);
    expect(messages(z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }), 'x')).toEqual([
      '日期格式应为 YYYY-MM-DD',
    ]);
  });
});
