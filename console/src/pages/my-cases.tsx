import { api, must } from '../api/client.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { caseStatusLabels, categoryLabels, date } from '../labels.ts';
import { OfflineNotice } from '../offline/offline-notice.tsx';
import { Link } from '../router.tsx';
import { usePages } from '../use-pages.ts';

/** 我的案件: the cases the signed-in user may see (`GET /v1/cases`), newest first. */
export function MyCases() {
  const list = usePages(
    (cursor) =>
      must(api.GET('/v1/cases', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } })),
    [],
    'my-cases',
  );
  const cases = list.items ?? [];
  return (
    <>
      <p class="actions">
        <Link to="/cases/new" class="button primary">
          登记案件
        </Link>
      </p>
      <OfflineNotice since={list.offlineSince} />
      <ErrorNotice error={list.items ? undefined : list.error} />
      {list.loading && !list.items && <p>正在加载……</p>}
      {list.items && cases.length === 0 && <p>还没有案件。</p>}
      <ul class="cards" aria-label="案件列表">
        {cases.map((item) => (
          <li key={item.id} class="card">
            <Link to={`/cases/${encodeURIComponent(item.id)}`} class="card-title">
              {item.title}
            </Link>
            <p class="meta">
              <span class={`badge status-${item.status}`}>
                {caseStatusLabels[item.status] ?? item.status}
              </span>
              <span>{categoryLabels[item.category] ?? item.category}</span>
              <span>当事人：{item.party.name}</span>
              <span>立案：{date(item.createdAt)}</span>
            </p>
          </li>
        ))}
      </ul>
      <ErrorNotice error={list.error && list.items ? list.error : undefined} />
      {list.hasMore && (
        <p class="button-row">
          <button type="button" class="secondary" disabled={list.loadingMore} onClick={list.more}>
            {list.loadingMore ? '正在加载……' : '加载更多'}
          </button>
        </p>
      )}
    </>
  );
}
