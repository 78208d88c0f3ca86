import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { describedBy, Field } from '../components/field.tsx';
import {
  type DecisionDraft,
  emptyProposal,
  loadDecisionDraft,
  ProposalFields,
  type ProposalForm,
  proposalBody,
  proposalForm,
  proposalLabels,
} from '../components/proposal-fields.tsx';
import { navigate } from '../router.tsx';
import { useLoad } from '../use-load.ts';

const loadCase = (caseId: string) => must(api.GET('/v1/cases/{id}', { params: { path: { id: caseId } } }));
type CaseView = Awaited<ReturnType<typeof loadCase>>;

const LABELS = {
  ...proposalLabels('proposal.'),
  materials: '审核材料',
  note: '提请说明',
  attestation: '承诺',
};

/**
 * 提请法制审核 (REV): the proposed decision, the case's documents as materials and a note,
 * `POST /v1/cases/{id}/reviews`; the due date comes back from the working-day calendar. The
 * proposal starts as the decision's draft (`GET /v1/cases/{id}/decision/draft`: the prior notice
 * once served, so the notified penalty is not typed again) and every document of the case is
 * attached until unchecked: the reviewer judges the whole file.
 */
export function SubmitReview({ caseId }: { caseId: string }) {
  const found = useLoad(() => loadCase(caseId), [caseId]);
  const drafted = useLoad(() => loadDecisionDraft(caseId), [caseId]);
  if (found.error || drafted.error) return <ErrorNotice error={found.error ?? drafted.error} />;
  if (!found.data || !drafted.data) return <p>正在加载……</p>;
  return <ReviewForm caseId={caseId} found={found.data} draft={drafted.data} />;
}

/** The form, started from what was loaded: the draft's proposal and every document checked. */
function ReviewForm({ caseId, found, draft }: { caseId: string; found: CaseView; draft: DecisionDraft }) {
  const [proposal, setProposal] = useState<ProposalForm>(() =>
    draft.source ? proposalForm(draft.proposal) : emptyProposal,
  );
  const [materials, setMaterials] = useState<string[]>(() => found.records.map((record) => record.id));
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await must(
        api.POST('/v1/cases/{id}/reviews', {
          params: { path: { id: caseId } },
          body: {
            proposal: proposalBody(proposal),
            materials,
            ...(note.trim() ? { note } : {}),
          },
        }),
      );
      navigate(`/cases/${encodeURIComponent(caseId)}`);
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
      window.scrollTo(0, 0);
    }
  }

  return (
    <form class="form" onSubmit={submit} noValidate>
      <p class="lead">案件：{found.title}</p>
      <ErrorNotice error={error} labels={LABELS} />
      <fieldset>
        <legend>拟作出的决定</legend>
        {draft.source === 'notice' && (
          <p class="hint">已按事先告知书 {draft.noticeNumber ?? ''} 填写；比告知的处罚更重的，须重新告知。</p>
        )}
        <ProposalFields form={proposal} onChange={setProposal} error={error} prefix="proposal." />
      </fieldset>
      <fieldset>
        <legend>审核材料</legend>
        {error?.detailsFor('materials').map((detail) => (
          <p class="field-error" key={detail.path + detail.message}>
            {detail.message}
          </p>
        ))}
        {found.records.length === 0 ? (
          <p>本案还没有文书记录，请先添加。</p>
        ) : (
          <ul class="choices">
            {found.records.map((record) => (
              <li key={record.id}>
                <label>
                  <input
                    type="checkbox"
                    name="materials"
                    checked={materials.includes(record.id)}
                    onChange={(event) =>
                      setMaterials(
                        event.currentTarget.checked
                          ? [...materials, record.id]
                          : materials.filter((id) => id !== record.id),
                      )
                    }
                  />
                  {record.title}（{record.number}）
                </label>
              </li>
            ))}
          </ul>
        )}
        <Field name="note" label="提请说明" error={error}>
          <textarea
            {...describedBy('note', error)}
            rows={3}
            value={note}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
        </Field>
      </fieldset>
      <p class="hint">提交即承诺所附材料真实、完整，由承办人对案件事实和证据负责。</p>
      <p class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? '正在提交……' : '提请法制审核'}
        </button>
      </p>
    </form>
  );
}
