/**
 * An API error as docs/api.md defines it: `{error: {code, message, details: [{path, message}]}}`,
 * with the Chinese `message` to show and the field each detail names. Network failures and
 * answers that are not in that format become the same shape, so every screen shows one kind.
 */
export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The details naming this field or one inside it (`party` matches `party.name`). */
  detailsFor(path: string): ErrorDetail[] {
    return this.details.filter((detail) => detail.path === path || detail.path.startsWith(`${path}.`));
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

const GENERIC: Record<number, string> = {
  401: '登录已失效，请重新登录',
  403: '没有权限进行此操作',
  404: '要找的内容不存在',
  429: '操作过于频繁，请稍后再试',
};

export function apiErrorOf(status: number, body: unknown): ApiError {
  const error = (body as ErrorBody | undefined)?.error;
  const details = Array.isArray(error?.details)
    ? (error.details as unknown[]).flatMap((detail) => {
        const { path, message } = (detail ?? {}) as { path?: unknown; message?: unknown };
        return typeof message === 'string' ? [{ path: typeof path === 'string' ? path : '', message }] : [];
      })
    : [];
  const message =
    typeof error?.message === 'string'
      ? error.message
      : (GENERIC[status] ?? `服务暂时不可用（${status}），请稍后再试`);
  return new ApiError(
    status,
    typeof error?.code === 'string' ? error.code : `HTTP_${status}`,
    message,
    details,
  );
}

export const networkError = () => new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');

export const asApiError = (error: unknown): ApiError => (error instanceof ApiError ? error : networkError());
