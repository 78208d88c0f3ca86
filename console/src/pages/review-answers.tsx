import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { hasRole, type Session } from '../auth/session.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { describedBy, Field } from '../components/field.tsx';
import { standardLabels } from '../labels.ts';

interface Finding {
  standard: string;
  result: string;
  note?: string;
}

/**
 * What follows an opinion that found problems (REV-4): the handler answers each problem and
 * sends the case again (`POST /v1/reviews/{id}/resubmissions`, the next round) or disputes the
 * opinion (`.../disputes`); a leader rules on a dispute (`.../rulings`). Refusals, e.g. LAW-12's
 * for a leader who took part, are shown with the API's reason.
 */
export function ReviewAnswers({
  reviewId,
  status,
  findings,
  session,
  onDone,
}: {
  reviewId: string;
  status: string;
  findings: Finding[];
  session: Session;
  onDone: () => void;
}) {
  const [responses, setResponses] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [ruling, setRuling] = useState({ conclusion: '', note: '' });
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const problems = findings.filter((finding) => finding.result === 'problem');
  const handles = hasRole(session, 'officer', 'unit-head', 'admin');
  const labels = {
    reason: '异议理由',
    conclusion: '裁决结论',
    note: '裁决说明',
    ...Object.fromEntries(
      problems.map((finding, index) => [`responses.${index}`, standardLabels[finding.standard]]),
    ),
  };

  async function send(call: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await call();
      onDone();
    } catch (caught) {
      setError(asApiError(caught));
    }
    setBusy(false);
  }

  const resubmit = (event: Event) => {
    event.preventDefault();
    return send(() =>
      must(
        api.POST('/v1/reviews/{id}/resubmissions', {
          params: { path: { id: reviewId } },
          body: {
            responses: problems.map((finding) => ({
              standard: finding.standard as 'procedure',
              note: responses[finding.standard] ?? '',
            })),
          },
        }),
      ),
    );
  };
  const dispute = () =>
    send(() =>
      must(api.POST('/v1/reviews/{id}/disputes', { params: { path: { id: reviewId } }, body: { reason } })),
    );
  const rule = (event: Event) => {
    event.preventDefault();
    return send(() =>
      must(
        api.POST('/v1/reviews/{id}/rulings', {
          params: { path: { id: reviewId } },
          body: { conclusion: ruling.conclusion as 'approved', note: ruling.note },
        }),
      ),
    );
  };

  if (status === 'problems' && handles)
    return (
      <form class="form" onSubmit={resubmit} noValidate>
        <h2>补正后再送审</h2>
        <ErrorNotice error={error} labels={labels} />
        {problems.map((finding, index) => (
          <fieldset key={finding.standard}>
            <legend>{standardLabels[finding.standard] ?? finding.standard}</legend>
            <p class="hint">审核意见：{finding.note}</p>
            <Field name={`responses.${index}.note`} label="补正说明" error={error} required>
              <textarea
                {...describedBy(`responses.${index}.note`, error)}
                rows={3}
                value={responses[finding.standard] ?? ''}
                onInput={(event) =>
                  setResponses({ ...responses, [finding.standard]: event.currentTarget.value })
                }
              />
            </Field>
          </fieldset>
        ))}
        <p class="actions">
          <button type="submit" class="primary" disabled={busy}>
            补正后再送审
          </button>
        </p>
        <fieldset>
          <legend>对审核意见有异议</legend>
          <Field name="reason" label="异议理由" error={error}>
            <textarea
              {...describedBy('reason', error)}
              rows={3}
              value={reason}
              onInput={(event) => setReason(event.currentTarget.value)}
            />
          </Field>
          <p class="actions">
            <button type="button" class="secondary" disabled={busy} onClick={dispute}>
              提请机关负责人裁决
            </button>
          </p>
        </fieldset>
      </form>
    );
  if (status === 'disputed' && hasRole(session, 'leader'))
    return (
      <form class="form" onSubmit={rule} noValidate>
        <h2>异议裁决</h2>
        <ErrorNotice error={error} labels={labels} />
        <fieldset>
          <legend>裁决结论</legend>
          <div class="radios">
            {[
              ['approved', '异议成立，审核通过'],
              ['problems', '维持审核意见'],
            ].map(([value, label]) => (
              <label key={value}>
                <input
                  type="radio"
                  name="ruling"
                  value={value}
                  checked={ruling.conclusion === value}
                  onChange={() => setRuling({ ...ruling, conclusion: value ?? '' })}
                />
                {label}
              </label>
            ))}
          </div>
          <Field name="note" label="裁决说明" error={error} required>
            <textarea
              {...describedBy('note', error)}
              rows={3}
              value={ruling.note}
              onInput={(event) => setRuling({ ...ruling, note: event.currentTarget.value })}
            />
          </Field>
        </fieldset>
        <p class="actions">
          <button type="submit" class="primary" disabled={busy}>
            作出裁决
          </button>
        </p>
      </form>
    );
  return null;
}
