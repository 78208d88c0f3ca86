import { api, must } from '../api/client.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { caseStatusLabels, categoryLabels, date } from '../labels.ts';
import { Link } from '../router.tsx';
import { useLoad } from '../use-load.ts';

/** 我的案件: the cases the signed-in user may see (`GET /v1/cases`), newest first. */
export function MyCases() {
  const { data, error, loading } = useLoad(() => must(api.GET('/v1/cases', { params: { query: {} } })), []);
  const cases = [...(data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <p class="actions">
        <Link to="/cases/new" class="button primary">
          登记案件
        </Link>
      </p>
      <ErrorNotice error={error} />
      {loading && !data && <p>正在加载……</p>}
      {data && cases.length === 0 && <p>还没有案件。</p>}
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
    </>
  );
}
