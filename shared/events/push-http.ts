import { lookup } from 'node:dns/promises';
import { config } from '#shared/config.ts';

/**
 * How pushes reach another platform (ORG-2): its host name resolved (to refuse one that points
 * inside the network) and a POST. A port, so the push job's rules are tested without a network
 * (`test/unit/push-use-cases.test.ts`); `pushHttp` is the real one.
 */
export interface PushHttp {
  /** Whether a target may be plain http or an internal address: on one machine only. */
  readonly allowPrivateTargets: boolean;
  addresses(host: string): Promise<string[]>;
  post(url: string, init: RequestInit): Promise<Response>;
}

export const pushHttp: PushHttp = {
  get allowPrivateTargets() {
    return config().PUSH_ALLOW_PRIVATE_TARGETS === 'true';
  },
  addresses: async (host) => (await lookup(host, { all: true })).map((entry) => entry.address),
  post: (url, init) => fetch(url, init),
};
