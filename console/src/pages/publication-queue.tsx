import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { ListStatus, MoreItems } from '../components/paged-list.tsx';
import { earliestDueFirst, StatusFilter } from '../components/status-filter.tsx';
import { categoryLabels, date, publicationStatusLabels } from '../labels.ts';
import { Link } from '../router.tsx';
import { pageQuery, usePages } from '../use-pages.ts';

type PublicationStatus =
  | 'scheduled'
  | 'published'
  | 'withdrawn'
  | 'overdue'
  | 'deadline-unconfirmed'
  | 'expired'
  | 'exempt';

/** 公示队列 (PUB-1, PUB-12): decisions to publish, by status (`GET /v1/publications`), the earliest due first. */
export function PublicationQueue() {
  const [status, setStatus] = useState<PublicationStatus>('scheduled');
  const list = usePages(
    (cursor) => must(api.GET('/v1/publications', { params: { query: { status, ...pageQuery(cursor) } } })),
    [status],
  );
  // The pages loaded so far, the earliest due first.
  const items = earliestDueFirst(list.items ?? []);
  return (
    <>
      <StatusFilter label="公示状态" value={status} labels={publicationStatusLabels} onChange={setStatus} />
      <ListStatus list={list} empty={`没有${publicationStatusLabels[status]}的决定。`} />
      <ul class="cards" aria-label="公示列表">
        {items.map((item) => (
          <li key={item.id} class="card">
            <Link to={`/publications/${encodeURIComponent(item.id)}`} class="card-title">
              {item.caseTitle ?? `${categoryLabels[item.category] ?? '行政执法'}决定`}
            </Link>
            <p class="meta">
              {item.partyName && <span>当事人：{item.partyName}</span>}
              <span>
                {categoryLabels[item.category] ?? '行政执法'}决定，{date(item.decidedOn)}作出
              </span>
              <span class="badge">{publicationStatusLabels[item.status] ?? item.status}</span>
              <span>{item.dueBy ? `应于 ${date(item.dueBy)}前公示` : '公示期限待日历确认'}</span>
              {item.confirmation && <span>已审查：{item.confirmation.byName}</span>}
            </p>
          </li>
        ))}
      </ul>
      <MoreItems list={list} />
    </>
  );
}
