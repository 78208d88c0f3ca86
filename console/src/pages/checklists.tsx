import { api, must } from '../api/client.ts';
import { hasRole, type Session } from '../auth/session.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { checklistKindLabels, checklistStatus, date } from '../labels.ts';
import { Link } from '../router.tsx';
import { useLoad } from '../use-load.ts';
import { ChecklistImport } from './checklist-import.tsx';

/** 清单: the agency's lists of every kind, drafts and editions (`GET /v1/checklists`). */
export function Checklists({ session }: { session: Session }) {
  const { data, error } = useLoad(() => must(api.GET('/v1/checklists', { params: { query: {} } })), []);
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <p>正在加载……</p>;
  const order = Object.keys(checklistKindLabels);
  const lists = [...data.items].sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || (b.edition ?? 0) - (a.edition ?? 0),
  );
  return (
    <>
      {hasRole(session, 'officer', 'unit-head', 'admin', 'reviewer') && <ChecklistImport />}
      <ul class="cards" aria-label="清单列表">
        {lists.map((list) => (
          <li key={list.id} class="card">
            <Link to={`/checklists/${encodeURIComponent(list.id)}`} class="card-title">
              {list.title}
            </Link>
            <p class="meta">
              <span class={`badge checklist-${list.status}`}>{checklistStatus(list)}</span>
              <span>{checklistKindLabels[list.kind] ?? list.kind}</span>
              {list.edition !== undefined && <span>第 {list.edition} 版</span>}
              {list.effectiveFrom && <span>{date(list.effectiveFrom)} 起施行</span>}
              <span>{list.itemCount} 项</span>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
