import * as z from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

/**
 * Validation messages are shown to users, so zod speaks Simplified Chinese. The one locale is
 * imported by itself, and zod as a namespace (`import * as z`), so bundles carry neither the
 * other 60-odd locales (about 250 KB) nor the parts of zod a function does not use.
 *
 * The messages people meet most (a field left empty, too long, too many, out of range) are said
 * the way a form says them, not in the locale's `期望 string >=1 字符`; the rest are the locale's.
 */
const locale = zhCN().localeError;

export function chineseMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return '必填';
  if (issue.code === 'too_small') {
    const minimum = Number(issue.minimum);
    if (issue.origin === 'string') return minimum <= 1 ? '不能为空' : `至少 ${minimum} 个字`;
    if (issue.origin === 'array' || issue.origin === 'set')
      return minimum <= 1 ? '至少填写一项' : `至少 ${minimum} 项`;
    if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
      return issue.inclusive ? `不能小于 ${minimum}` : `须大于 ${minimum}`;
  }
  if (issue.code === 'too_big') {
    const maximum = Number(issue.maximum);
    if (issue.origin === 'string') return `最多 ${maximum} 个字`;
    if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${maximum} 项`;
    if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
      return issue.inclusive ? `不能大于 ${maximum}` : `须小于 ${maximum}`;
  }
  const message = locale(issue);
  return typeof message === 'string' ? message : message?.message;
}

z.config({ localeError: chineseMessage });
