import { atomFeed, type FeedItem, jsonFeed } from '#functions/public/feed-documents.ts';
import { publicRoutes as routes } from '#functions/public/routes.ts';
import { config } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { NotFound } from '#shared/kernel/errors.ts';
import { ports } from '#shared/repositories.ts';

/** An agency's publications and withdrawals as Atom or JSON Feed, newest first (PUB-14). */
export const handler = httpHandler(routes.publicFeed, async ({ params }) => {
  const [items, profile] = await Promise.all([
    ports.publications.feed(params.agencyId, 50),
    ports.agencies.get(params.agencyId),
  ]);
  if (!profile) throw new NotFound('该执法机关不存在', [{ path: 'agencyId', message: params.agencyId }]);
  const name = profile.name;
  const baseUrl = config().PUBLIC_BASE_URL;
  const headers = { 'cache-control': 'public, max-age=60' };
  const feedItems = items as unknown as FeedItem[];
  return params.format === 'atom'
    ? {
        status: 200,
        contentType: 'application/atom+xml; charset=utf-8',
        body: atomFeed(params.agencyId, name, feedItems, baseUrl),
        headers,
      }
    : {
        status: 200,
        contentType: 'application/feed+json; charset=utf-8',
        body: JSON.stringify(jsonFeed(params.agencyId, name, feedItems, baseUrl)),
        headers,
      };
});
