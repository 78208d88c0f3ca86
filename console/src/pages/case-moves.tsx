import { useState } from 'preact/hooks';
import {
  CASE_STATUSES,
  type CaseStatus,
  openTransitions,
} from '../../../shared/recording/domain/state-machine.ts';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { caseStatusLabels, moveLabels } from '../labels.ts';

/**
 * The case's next steps on its state machine (`POST /v1/cases/{id}/transitions`); a refused move
 * shows the API's reason, e.g. AV missing for an activity (AV_REQUIRED) or the allowed states.
 */
export function CaseMoves({
  caseId,
  status,
  onMoved,
}: {
  caseId: string;
  status: string;
  onMoved: () => void;
}) {
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  // The moves the server allows by `POST .../transitions`, from the server's own state machine;
  // but a decision is served by the receipt of its 决定书 (REC-12), not by a button.
  const moves = CASE_STATUSES.includes(status as CaseStatus)
    ? openTransitions(status as CaseStatus).filter((to) => to !== 'served')
    : [];
  if (moves.length === 0) return null;

  async function move(to: string) {
    setBusy(true);
    setError(undefined);
    try {
      await must(
        api.POST('/v1/cases/{id}/transitions', {
          params: { path: { id: caseId } },
          body: { to: to as 'investigating' },
        }),
      );
      onMoved();
    } catch (caught) {
      setError(asApiError(caught));
    }
    setBusy(false);
  }

  return (
    <section aria-labelledby="moves">
      <h2 id="moves">案件流转</h2>
      <ErrorNotice error={error} labels={{ to: '目标状态', ...caseStatusLabels }} />
      <p class="button-row">
        {moves.map((to) => (
          <button type="button" class="secondary" key={to} disabled={busy} onClick={() => move(to)}>
            {moveLabels[to] ?? caseStatusLabels[to] ?? to}
          </button>
        ))}
      </p>
    </section>
  );
}
