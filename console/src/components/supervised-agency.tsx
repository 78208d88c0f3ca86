import { useState } from 'preact/hooks';
import { hasRole, type Session } from '../auth/session.ts';

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
  if (supervised.length === 0) return null;
  return (
    <div class="field">
      <label for="agency">监督对象</label>
      <select id="agency" value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {supervised.map((each) => (
          <option key={each} value={each}>
            {each}
          </option>
        ))}
      </select>
    </div>
  );
}
