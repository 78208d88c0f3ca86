import { type PushHttp, permittedAddresses } from '#shared/events/push-http.ts';

/**
 * Another platform as a unit test sets it (ORG-2): every POST recorded with its headers and body,
 * answered by `answer`; host names resolve to a public address unless `resolveTo` says otherwise.
 */
export function platformStandIn() {
  const posts: { url: string; headers: Record<string, string>; body: string }[] = [];
  const addresses = new Map<string, string[]>();
  let respond: () => Promise<{ status: number }> = async () => ({ status: 200 });
  const resolve = async (host: string) => addresses.get(host) ?? ['202.96.128.86'];
  const http: PushHttp = {
    allowPrivateTargets: false,
    addresses: (host) => permittedAddresses(host, resolve, false),
    post: async (url, init) => {
      // As the real one: the host resolved and every address checked before anything is sent.
      await http.addresses(new URL(url).hostname);
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
    answer: (next: () => Promise<{ status: number }>) => {
      respond = next;
    },
    resolveTo: (host: string, list: string[]) => void addresses.set(host, list),
  };
}
