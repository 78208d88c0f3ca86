import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { ListStatus, MoreItems } from '../components/paged-list.tsx';
import { earliestDueFirst, StatusFilter } from '../components/status-filter.tsx';
import { date, penaltyKindLabels, reviewStatusLabels } from '../labels.ts';
import { Link } from '../router.tsx';
import { pageQuery, usePages } from '../use-pages.ts';

type ReviewStatus = 'pending' | 'approved' | 'problems' | 'disputed' | 'transferred';

/** 法制审核队列: reviews by status (`GET /v1/reviews?status=`), the earliest due first, overdue marked. */
export function ReviewQueue() {
  const [status, setStatus] = useState<ReviewStatus>('pending');
  const list = usePages(
    (cursor) => must(api.GET('/v1/reviews', { params: { query: { status, ...pageQuery(cursor) } } })),
    [status],
  );
  // The pages loaded so far, the earliest due first.
  const reviews = earliestDueFirst(list.items ?? []);
  return (
    <>
      <StatusFilter label="审核状态" value={status} labels={reviewStatusLabels} onChange={setStatus} />
      <ListStatus list={list} empty={`没有${reviewStatusLabels[status]}的审核。`} />
      <ul class="cards" aria-label="法制审核列表">
        {reviews.map((review) => (
          <li key={review.id} class="card">
            <Link to={`/reviews/${encodeURIComponent(review.id)}`} class="card-title">
              {review.caseTitle ?? review.proposal?.summary ?? '法制审核'}
            </Link>
            {review.caseTitle && review.proposal?.summary && <p>{review.proposal.summary}</p>}
            <p class="meta">
              {review.partyName && <span>当事人：{review.partyName}</span>}
              <span class="badge">{reviewStatusLabels[review.status] ?? review.status}</span>
              {review.overdue && <span class="badge badge-bad">已超期</span>}
              <span>第 {review.round} 轮</span>
              <span>{review.dueBy ? `审核期限：${date(review.dueBy)}` : '审核期限待日历确认'}</span>
              {review.proposal?.penalty && (
                <span>
                  {penaltyKindLabels[review.proposal.penalty.kind] ?? review.proposal.penalty.kind}
                  {review.proposal.penalty.amount !== undefined && ` ${review.proposal.penalty.amount} 元`}
                </span>
              )}
            </p>
          </li>
        ))}
      </ul>
      <MoreItems list={list} />
    </>
  );
}
