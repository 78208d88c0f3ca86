import type { Middleware } from 'openapi-fetch';

/**
 * The answers screens were shown in this tab, by the screen's key (`case:{id}`, `my-cases`: the
 * screen and its parameters), so that going back to a screen shows at once what it showed while
 * it asks the server again. Any write the API accepts (a request other than GET or HEAD answered
 * 2xx) forgets them all: a write may change what any screen shows (an opinion changes its case's
 * steps, a decision the publication queue), so a screen shown after one waits for the server.
 * Signing out forgets them too. Kept in memory only; the copy for a lost network is
 * `offline/last-answers.ts`.
 */
const answers = new Map<string, unknown>();
const MOST = 50;

export function cachedAnswer<T>(key: string): T | undefined {
  return answers.get(key) as T | undefined;
}

export function cacheAnswer(key: string, data: unknown): void {
  answers.delete(key);
  answers.set(key, data);
  // The oldest go first: a Map iterates in the order keys were set.
  for (const oldest of answers.keys()) {
    if (answers.size <= MOST) break;
    answers.delete(oldest);
  }
}

export function forgetCachedAnswers(): void {
  answers.clear();
}

/** The client's middleware that forgets every cached answer once a write was accepted. */
export const forgetOnWrite: Middleware = {
  onResponse({ request, response }) {
    if (!['GET', 'HEAD'].includes(request.method) && response.ok) forgetCachedAnswers();
    return response;
  },
};
