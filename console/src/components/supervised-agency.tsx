import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { hasRole, type Session } from '../auth/session.ts';
import { useLoad } from '../use-load.ts';
import { allPages } from '../use-pages.ts';

export interface SupervisedAgencies {
  /** The agency the screen reads: the chosen one, or the first supervised; undefined for the caller's own. */
  agencyId: string | undefined;
  choose: (agencyId: string) => void;
  /** The agencies the caller's body supervises, by name; empty for anyone else and while they load. */
  agencies: { agencyId: string; name: string }[];
}

/**
 * The agency a supervisor's screen reads (ORG-4): the first its body supervises until another is
 * chosen; others read their own. Which agencies those are is the API's to say (GET /v1/agencies
 * answers a supervisor the agencies whose supervisedBy names its body), never the token's.
 */
export function useSupervisedAgency(session: Session): SupervisedAgencies {
  const supervisor = hasRole(session, 'supervisor');
  const listed = useLoad(
    async () =>
      supervisor
        ? (await allPages((query) => must(api.GET('/v1/agencies', { params: { query } })))).items
        : [],
    [supervisor, session.agencyId],
    `supervised-agencies:${session.agencyId}`,
  );
  const [chosen, choose] = useState<string | undefined>(undefined);
  const agencies = listed.data ?? [];
  return { agencyId: chosen ?? agencies[0]?.agencyId, choose, agencies };
}

/** The choice of supervised agency; nothing for those who supervise none. */
export function SupervisedAgency({ supervised }: { supervised: SupervisedAgencies }) {
  if (supervised.agencies.length === 0) return null;
  return (
    <div class="field">
      <label for="agency">监督对象</label>
      <select
        id="agency"
        value={supervised.agencyId}
        onChange={(event) => supervised.choose(event.currentTarget.value)}
      >
        {supervised.agencies.map((each) => (
          <option key={each.agencyId} value={each.agencyId}>
            {each.name}
          </option>
        ))}
      </select>
    </div>
  );
}
