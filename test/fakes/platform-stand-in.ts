import type { PushHttp } from '#shared/events/push-http.ts';

/**
 * Another platform as a unit test sets it (ORG-2): every POST recorded with its headers and body,
 * answered by `answer`; host names resolve to a public address unless `resolveTo` says otherwise.
 */
export function platformStandIn() {
  const posts: { url: string; headers: Record<string, string>; body: string }[] = [];
  const addresses = new Map<string, string[]>();
  let respond: () => Promise<Response> = async () => new Response(null, { status: 200 });
  const http: PushHttp = {
    allowPrivateTargets: false,
    addresses: async (host) => addresses.get(host) ?? ['203.0.113.10'],
    post: async (url, init) => {
      posts.push({
        url,
        headers: Object.fromEntries(new Headers(init.headers).entries()),
        body: String(init.body),
      });
      return respond();
    },
  };
  return {
    http,
    posts,
    /** How the platform answers from now on: a status, or a thrown error (a lost connection, a timeout). */
    answer: (next: () => Promise<Response>) => {
      respond = next;
    },
    resolveTo: (host: string, list: string[]) => void addresses.set(host, list),
  };
}
