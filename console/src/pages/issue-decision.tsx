import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import {
  emptyProposal,
  ProposalFields,
  type ProposalForm,
  proposalBody,
  proposalLabels,
} from '../components/proposal-fields.tsx';
import { date } from '../labels.ts';
import { navigate } from '../router.tsx';
import { useLoad } from '../use-load.ts';

/**
 * 作出决定: `POST /v1/cases/{id}/decision`. A refusal names what is missing: the procedure steps
 * (PROCEDURE_INCOMPLETE, `steps.*`), an approved review of this same proposal (REVIEW_REQUIRED),
 * AV (AV_REQUIRED); each is shown with the step's own name from the case.
 */
export function IssueDecision({ caseId }: { caseId: string }) {
  const found = useLoad(
    () => must(api.GET('/v1/cases/{id}', { params: { path: { id: caseId } } })),
    [caseId],
  );
  const [form, setForm] = useState<ProposalForm>(emptyProposal);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<{ decidedAt: string; dueBy?: string | null }>();

  const labels = {
    ...proposalLabels(''),
    ...Object.fromEntries((found.data?.steps ?? []).map((step) => [`steps.${step.step}`, step.label])),
  };

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const decision = await must(
        api.POST('/v1/cases/{id}/decision', { params: { path: { id: caseId } }, body: proposalBody(form) }),
      );
      setIssued({ decidedAt: decision.decidedAt, dueBy: decision.publication?.dueBy ?? null });
    } catch (caught) {
      setError(asApiError(caught));
      window.scrollTo(0, 0);
    }
    setBusy(false);
  }

  if (found.error) return <ErrorNotice error={found.error} />;
  if (!found.data) return <p>正在加载……</p>;
  if (issued)
    return (
      <div class="notice notice-ok" role="status">
        <p class="notice-title">决定已作出（{date(issued.decidedAt)}）</p>
        {issued.dueBy && <p>应于 {issued.dueBy} 前公示。</p>}
        <button
          type="button"
          class="primary"
          onClick={() => navigate(`/cases/${encodeURIComponent(caseId)}`)}
        >
          返回案件
        </button>
      </div>
    );
  return (
    <form class="form" onSubmit={submit} noValidate>
      <p class="lead">案件：{found.data.title}</p>
      <ErrorNotice error={error} labels={labels} />
      <fieldset>
        <legend>决定内容</legend>
        <ProposalFields form={form} onChange={setForm} error={error} />
      </fieldset>
      <p class="hint">重大执法决定须经法制审核通过且内容一致；法定程序未完成的不能作出决定。</p>
      <p class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? '正在提交……' : '作出决定'}
        </button>
      </p>
    </form>
  );
}
