import { loadSession } from '../auth/session.ts';

/**
 * The last answer each screen got, kept on the device (localStorage, per signed-in account), so
 * that a case opened before the network went shows on a lost network with the time it is from,
 * instead of only 无法连接服务器. Signing out forgets them.
 */
const PREFIX = 'console-last-answer:';

export interface LastAnswer<T> {
  data: T;
  /** When the server gave it (ISO 8601). */
  at: string;
}

const storageKey = (key: string) => `${PREFIX}${loadSession()?.sub ?? 'nobody'}:${key}`;

export function keepAnswer<T>(key: string, data: T): void {
  try {
    localStorage.setItem(storageKey(key), JSON.stringify({ data, at: new Date().toISOString() }));
  } catch {
    // A full or unavailable store only means this screen has no copy for a lost network.
  }
}

export function lastAnswer<T>(key: string): LastAnswer<T> | undefined {
  const text = localStorage.getItem(storageKey(key));
  if (!text) return undefined;
  try {
    return JSON.parse(text) as LastAnswer<T>;
  } catch {
    return undefined;
  }
}

export function forgetAnswers(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
}
