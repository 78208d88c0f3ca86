import { lookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { config } from '#shared/config.ts';
import { isInternalAddress } from '#shared/recording/domain/push.ts';

/**
 * How pushes reach another platform (ORG-2): the target's host resolved once, every address
 * checked, and the POST connected to a checked address. A port, so the push job's rules are
 * tested without a network (`test/unit/push-use-cases.test.ts`); `pushHttp` is the real one.
 */
export interface PushHttp {
  /** Whether a target may be plain http or an internal address: on one machine only. */
  readonly allowPrivateTargets: boolean;
  /** The host's addresses, each checked (`permittedAddresses`). */
  addresses(host: string): Promise<string[]>;
  /** A POST that connects only to the addresses `addresses` gave for the URL's host. */
  post(url: string, init: PushRequest): Promise<{ status: number }>;
}

export interface PushRequest {
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

/** A host that is, or resolves to, an internal address: nothing is sent to it. */
export class InternalTargetRefused extends Error {
  override name = 'InternalTargetRefused';
}

/**
 * Every address a host stands for: an IP literal (brackets or not) itself, a name as resolved,
 * all of them. Unless private targets are allowed, one internal address refuses the host: a name
 * with a public and a private address could otherwise be reached on the private one.
 */
export async function permittedAddresses(
  host: string,
  resolve: (name: string) => Promise<string[]>,
  allowPrivate: boolean,
): Promise<string[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  const addresses = isIP(bare) ? [bare] : await resolve(bare);
  if (addresses.length === 0) throw new InternalTargetRefused(`${host} has no address`);
  if (!allowPrivate && addresses.some(isInternalAddress))
    throw new InternalTargetRefused(`${host} resolves to an internal address`);
  return addresses;
}

const resolveAll = async (name: string) => (await lookup(name, { all: true })).map((entry) => entry.address);

/**
 * The real PushHttp, by node:http(s): the socket's `lookup` answers with the addresses already
 * checked, so the connection goes to one of them, never to a second resolution's answer (DNS
 * rebinding); IPv6 literals are connected as such.
 */
export function nodePushHttp(
  allowPrivate: () => boolean,
  resolve: (name: string) => Promise<string[]> = resolveAll,
): PushHttp {
  const addresses = (host: string) => permittedAddresses(host, resolve, allowPrivate());
  return {
    get allowPrivateTargets() {
      return allowPrivate();
    },
    addresses,
    post: async (url, init) => {
      const target = new URL(url);
      const checked = await addresses(target.hostname);
      const family = (address: string) => (isIP(address) === 6 ? 6 : 4);
      const checkedLookup: LookupFunction = (_name, options, callback) => {
        if (options.all)
          callback(
            null,
            checked.map((address) => ({ address, family: family(address) })),
          );
        else callback(null, checked[0] ?? '', family(checked[0] ?? ''));
      };
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      return new Promise((resolvePost, reject) => {
        const outgoing = send(
          target,
          {
            method: 'POST',
            headers: { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) },
            lookup: checkedLookup,
            signal: init.signal,
          },
          (response) => {
            response.resume();
            response.on('end', () => resolvePost({ status: response.statusCode ?? 0 }));
            response.on('error', reject);
          },
        );
        // An abort is told as its reason (a timeout is a TimeoutError), not as a socket error.
        outgoing.on('error', (error) => reject(init.signal.aborted ? init.signal.reason : error));
        outgoing.end(init.body);
      });
    },
  };
}

export const pushHttp: PushHttp = nodePushHttp(() => config().PUSH_ALLOW_PRIVATE_TARGETS === 'true');
