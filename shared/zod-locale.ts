import { z } from 'zod';

/** Validation messages are shown to users, so zod speaks Simplified Chinese. */
z.config(z.locales.zhCN());
