import type { HttpResult } from '#shared/http/route.ts';
import type { AgencyProfile } from '#shared/kernel/agency.ts';
import { NotFound } from '#shared/kernel/errors.ts';
import { ports } from '#shared/repositories.ts';

/**
 * A page of the site. Shared caches (CloudFront) keep it a minute at most, so a withdrawal leaves
 * every cached page within a minute (PUB-11); `live` pages (a certificate's status) are never kept.
 */
export function htmlPage(body: string, options: { live?: boolean } = {}): HttpResult {
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body,
    headers: { 'cache-control': options.live ? 'no-store' : 'public, max-age=60' },
  };
}

export async function agencyProfile(agencyId: string): Promise<AgencyProfile> {
  const profile = await ports.agencies.get(agencyId);
  if (!profile) throw new NotFound('该执法机关不存在', [{ path: 'agencyId', message: agencyId }]);
  return profile;
}
