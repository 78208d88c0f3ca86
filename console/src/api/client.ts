import createClient, { type Middleware } from 'openapi-fetch';
import { clearSession, loadSession } from '../auth/session.ts';
import { config } from '../config.ts';
import { forgetOnWrite } from './answer-cache.ts';
import { ApiError, apiErrorOf, networkError } from './errors.ts';
import type { paths } from './schema';

/** Fired when the API answers 401: the app returns to the sign-in page. */
export const SIGNED_OUT_EVENT = 'console:signed-out';

const bearer: Middleware = {
  onRequest({ request }) {
    const session = loadSession();
    if (session) request.headers.set('authorization', `Bearer ${session.token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) {
      clearSession();
      window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    }
    return response;
  },
};

/** Typed calls to every route of the contract (types generated from the OpenAPI document). */
export const api = createClient<paths>({ baseUrl: config.apiBaseUrl });
api.use(bearer, forgetOnWrite);

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The answer's body, or an ApiError with the API's Chinese message and details.
 * `must(api.GET('/v1/cases'))`.
 */
export async function must<T>(call: Promise<Answer<T>>): Promise<NonNullable<T>> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch (error) {
    throw error instanceof ApiError ? error : networkError();
  }
  if (!answer.response.ok || answer.data === undefined)
    throw apiErrorOf(answer.response.status, answer.error);
  return answer.data as NonNullable<T>;
}
