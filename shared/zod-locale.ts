import * as z from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

/**
 * Validation messages are shown to users, so zod speaks Simplified Chinese. The one locale is
 * imported by itself, and zod as a namespace (`import * as z`), so bundles carry neither the
 * other 60-odd locales (about 250 KB) nor the parts of zod a function does not use.
 */
z.config(zhCN());
