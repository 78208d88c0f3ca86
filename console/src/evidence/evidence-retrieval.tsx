import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { describedBy, Field } from '../components/field.tsx';
import { dateTime } from '../labels.ts';

const PURPOSES: Record<string, string> = {
  review: '法制审核',
  dispute: '争议处理',
  hearing: '听证',
  supervision: '执法监督',
  litigation: '行政复议、诉讼',
};

/**
 * 调阅 an archived recording (REC-7): a purpose and a reason, logged and journaled by the API,
 * which answers a link to that exact stored version for ten minutes.
 */
export function EvidenceRetrieval({ evidenceId, fileName }: { evidenceId: string; fileName: string }) {
  const [purpose, setPurpose] = useState('review');
  const [reason, setReason] = useState('');
  const [link, setLink] = useState<{ url: string; expiresAt: string }>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const field = (name: string) => `${name}-${evidenceId}`;

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setLink(
        await must(
          api.POST('/v1/evidence/{id}/retrievals', {
            params: { path: { id: evidenceId } },
            body: { purpose: purpose as 'review', reason },
          }),
        ),
      );
    } catch (caught) {
      setError(asApiError(caught));
    }
    setBusy(false);
  }

  return (
    <details class="retrieval">
      <summary>调阅 {fileName}</summary>
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={error} labels={{ purpose: '调阅目的', reason: '调阅理由' }} />
        <Field name={field('purpose')} path="purpose" label="调阅目的" error={error}>
          <select
            {...describedBy(field('purpose'), error, false, 'purpose')}
            value={purpose}
            onChange={(event) => setPurpose(event.currentTarget.value)}
          >
            {Object.entries(PURPOSES).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field name={field('reason')} path="reason" label="调阅理由" error={error} required>
          <input
            {...describedBy(field('reason'), error, false, 'reason')}
            value={reason}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
        </Field>
        <p class="actions">
          <button type="submit" class="secondary" disabled={busy}>
            申请调阅
          </button>
        </p>
        {link && (
          <p role="status">
            <a href={link.url} target="_blank" rel="noopener noreferrer">
              打开录像
            </a>
            （{dateTime(link.expiresAt)} 前有效，本次调阅已记录）
          </p>
        )}
      </form>
    </details>
  );
}
