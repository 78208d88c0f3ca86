import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { hasRole, type Session } from '../auth/session.ts';
import { useLoad } from '../use-load.ts';
import { allPages } from '../use-pages.ts';

/** The agency a supervisor's screen reads (ORG-4): the first it supervises until another is chosen; others read their own. */
export function useSupervisedAgency(session: Session) {
  const supervised = hasRole(session, 'supervisor') ? (session.supervises ?? []) : [];
  return useState<string | undefined>(supervised[0]);
}

/** The choice of supervised agency; nothing for those who supervise none. */
export function SupervisedAgency({
  session,
  value,
  onChange,
}: {
  session: Session;
  value: string | undefined;
  onChange: (agencyId: string) => void;
}) {
  const supervised = hasRole(session, 'supervisor') ? (session.supervises ?? []) : [];
  // The agencies by name (GET /v1/agencies gives a supervisor those it supervises); the id
  // stands in only until they are read, or if one is not found.
  const names = useLoad(
    async () =>
      supervised.length === 0
        ? new Map<string, string>()
        : new Map(
            (await allPages((query) => must(api.GET('/v1/agencies', { params: { query } })))).items.map(
              (agency) => [agency.agencyId, agency.name],
            ),
          ),
    [supervised.join(',')],
    `supervised-agencies:${supervised.join(',')}`,
  );
  if (supervised.length === 0) return null;
  return (
    <div class="field">
      <label for="agency">监督对象</label>
      <select id="agency" value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {supervised.map((each) => (
          <option key={each} value={each}>
            {names.data?.get(each) ?? each}
          </option>
        ))}
      </select>
    </div>
  );
}
