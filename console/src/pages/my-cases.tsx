import { api, must } from '../api/client.ts';
import { ListStatus, MoreItems } from '../components/paged-list.tsx';
import { caseStatusLabels, categoryLabels, date } from '../labels.ts';
import { Link } from '../router.tsx';
import { pageQuery, usePages } from '../use-pages.ts';

/** 我的案件: the cases the signed-in user may see (`GET /v1/cases`), newest first, a page at a time. */
export function MyCases() {
  const list = usePages(
    (cursor) => must(api.GET('/v1/cases', { params: { query: pageQuery(cursor) } })),
    [],
    'my-cases',
  );
  return (
    <>
      <p class="actions">
        <Link to="/cases/new" class="button primary">
          登记案件
        </Link>
      </p>
      <ListStatus list={list} empty="还没有案件。" />
      <ul class="cards" aria-label="案件列表">
        {(list.items ?? []).map((item) => (
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
      <MoreItems list={list} />
    </>
  );
}
