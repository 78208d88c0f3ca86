import * as z from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

/**
 * Validation messages are shown to users, so zod speaks Simplified Chinese. The one locale is
 * imported by itself, and zod as a namespace (`import * as z`), so bundles carry neither the
 * other 60-odd locales (about 250 KB) nor the parts of zod a function does not use.
 *
 * Messages are said the way a form says them (必填, 最多 200 个字, 须为数字), not in the locale's
 * `期望 string >=1 字符` or `无效选项：期望以下之一 "pass"|"problem"`: no enum value, type or code
 * reaches a person. Unknown fields and custom checks keep the locale's words.
 */
const locale = zhCN().localeError;

/** What a value of each type is called in a sentence: 须为数字. */
const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  int: '整数',
  bigint: '整数',
  string: '文字',
  boolean: '“是”或“否”',
  array: '一组内容',
  object: '一组字段',
  date: '日期',
};

/** What a malformed text was meant to be: 时间格式不正确. */
const FORMAT_NAMES: Record<string, string> = {
  datetime: '时间',
  date: '日期',
  time: '时刻',
  email: '电子邮箱',
  url: '网址',
  uuid: '编号',
  ulid: '编号',
};

/**
 * Every issue said as a sentence a form would say, with no code, enum value or type name in it:
 * the field's label comes before it on the screen. Schemas that say something of their own
 * (`{ error: '...' }`, refinements) keep their words; only what zod would say is replaced.
 */
export function chineseMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) {
        return issue.expected === 'number' || issue.expected === 'int' ? '必填，请填写数字' : '必填';
      }
      return `须为${TYPE_NAMES[issue.expected] ?? '正确的格式'}`;
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? '不能为空' : `至少 ${minimum} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return minimum <= 1 ? '至少填写一项' : `至少 ${minimum} 项`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return issue.inclusive ? `不能小于 ${minimum}` : `须大于 ${minimum}`;
      return '太短或太少';
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return `最多 ${maximum} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${maximum} 项`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return issue.inclusive ? `不能大于 ${maximum}` : `须小于 ${maximum}`;
      return '太长或太多';
    }
    case 'invalid_value':
      return '不是可选的一项，请从给出的选项中选择';
    case 'invalid_format':
      return `${FORMAT_NAMES[issue.format] ?? ''}格式不正确`;
    case 'not_multiple_of':
      return Number(issue.divisor) === 0.01 ? '最多两位小数' : `须为 ${Number(issue.divisor)} 的整数倍`;
    case 'invalid_union':
      return '格式不正确';
    default: {
      const message = locale(issue);
      return typeof message === 'string' ? message : message?.message;
    }
  }
}

z.config({ localeError: chineseMessage });
