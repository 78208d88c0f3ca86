import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { ErrorNotice } from '../components/error-notice.tsx';

/**
 * Completes an activity (`POST .../activities/{activityId}/complete`); without the AV the law or
 * the agency's list requires, the API refuses with AV_REQUIRED and its reason is shown here.
 */
export function CompleteActivity({
  caseId,
  activityId,
  informing,
  onCompleted,
}: {
  caseId: string;
  activityId: string;
  informing?: { certificatesShown: boolean; rightsExplained: boolean; documentShown: boolean } | undefined;
  onCompleted: () => void;
}) {
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  async function complete() {
    setBusy(true);
    setError(undefined);
    try {
      await must(
        api.POST('/v1/cases/{id}/activities/{activityId}/complete', {
          params: { path: { id: caseId, activityId } },
          body: informing ? { informing } : {},
        }),
      );
      onCompleted();
    } catch (caught) {
      setError(asApiError(caught));
    }
    setBusy(false);
  }

  return (
    <>
      <ErrorNotice error={error} />
      <button type="button" class="secondary" disabled={busy} onClick={complete}>
        完成此活动
      </button>
    </>
  );
}
