import type { PublicRecord } from '#shared/publicity/domain/public-record.ts';
import { escapeMarkup } from '#shared/render/escape.ts';

/** A feed entry: a publication, or the withdrawal of one (PUB-14). */
export type FeedItem =
  | (PublicRecord & { feedAt: string })
  | { id: string; status: 'withdrawn'; withdrawnAt: string; reason: string; feedAt: string };

const isWithdrawal = (item: FeedItem): item is Extract<FeedItem, { status: 'withdrawn' }> =>
  'status' in item && item.status === 'withdrawn';

function entry(item: FeedItem, baseUrl: string) {
  const url = new URL(`/public/v1/publications/${encodeURIComponent(item.id)}`, baseUrl).toString();
  if (isWithdrawal(item)) {
    return { id: url, url, title: '撤回公示', text: item.reason, date: item.feedAt };
  }
  return {
    id: url,
    url,
    title: `${item.categoryName}决定：${item.party.name}`,
    text: `${item.conclusion}（依据：${item.legalBasis}；决定日期 ${item.decidedOn}）`,
    date: item.feedAt,
  };
}

/** JSON Feed 1.1, for government new-media accounts and the province's platform. */
export function jsonFeed(agencyId: string, agencyName: string, items: readonly FeedItem[], baseUrl: string) {
  const self = new URL(`/public/v1/agencies/${encodeURIComponent(agencyId)}/feeds/json`, baseUrl).toString();
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${agencyName} 行政执法公示`,
    home_page_url: new URL(
      `/public/v1/agencies/${encodeURIComponent(agencyId)}/decisions`,
      baseUrl,
    ).toString(),
    feed_url: self,
    language: 'zh-CN',
    items: items.map((item) => {
      const { id, url, title, text, date } = entry(item, baseUrl);
      return { id, url, title, content_text: text, date_published: date };
    }),
  };
}

/** The same as an Atom feed. */
export function atomFeed(agencyId: string, agencyName: string, items: readonly FeedItem[], baseUrl: string) {
  const self = new URL(`/public/v1/agencies/${encodeURIComponent(agencyId)}/feeds/atom`, baseUrl).toString();
  const updated = items[0]?.feedAt ?? new Date(0).toISOString();
  const entries = items
    .map((item) => {
      const { id, url, title, text, date } = entry(item, baseUrl);
      return `  <entry>
    <id>${escapeMarkup(id)}</id>
    <title>${escapeMarkup(title)}</title>
    <link href="${escapeMarkup(url)}"/>
    <updated>${escapeMarkup(date)}</updated>
    <content type="text">${escapeMarkup(text)}</content>
  </entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${escapeMarkup(self)}</id>
  <title>${escapeMarkup(agencyName)} 行政执法公示</title>
  <link rel="self" href="${escapeMarkup(self)}"/>
  <updated>${escapeMarkup(updated)}</updated>
  <author><name>${escapeMarkup(agencyName)}</name></author>
${entries}
</feed>
`;
}
