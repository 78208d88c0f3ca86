import { api, must } from '../api/client.ts';
import type { Session } from '../auth/session.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { SupervisedAgency, useSupervisedAgency } from '../components/supervised-agency.tsx';
import { date } from '../labels.ts';
import { useLoad } from '../use-load.ts';

/**
 * 监督预警 (SUP-5): the live alerts of an agency the supervisor oversees, the oldest first: late
 * publications and reviews, unanswered complaints, last year's data, repeated inspections.
 */
export function Alerts({ session }: { session: Session }) {
  const supervised = useSupervisedAgency(session);
  const { agencyId } = supervised;
  const { data, error, loading } = useLoad(
    () =>
      agencyId
        ? must(api.GET('/v1/supervision/alerts', { params: { query: { agencyId } } }))
        : Promise.resolve(undefined),
    [agencyId],
  );
  return (
    <>
      <SupervisedAgency supervised={supervised} />
      {!agencyId && <p>您的账号没有监督对象。</p>}
      <ErrorNotice error={error} />
      {loading && <p>正在加载……</p>}
      {data && data.items.length === 0 && <p>该机关目前没有预警。</p>}
      {data && data.items.length > 0 && (
        <ul class="cards" aria-label="预警列表">
          {data.items.map((alert) => (
            <li key={`${alert.kind}-${alert.concerns.id}`} class="card">
              <p class="card-title">{alert.title}</p>
              <p class="meta">
                {alert.concerns.name && <span>{alert.concerns.name}</span>}
                <span>自{date(alert.since)}起</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
