import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import {
  type DecisionDraft,
  emptyProposal,
  loadDecisionDraft,
  ProposalFields,
  type ProposalForm,
  proposalBody,
  proposalLabels,
} from '../components/proposal-fields.tsx';
import { date, decisionTypeLabels, penaltyKindLabels } from '../labels.ts';
import { navigate } from '../router.tsx';
import { useLoad } from '../use-load.ts';

/** The decision as it will be issued, from the approved proposal or the notice: shown, not typed again (REC-12). */
function DraftContent({ draft }: { draft: DecisionDraft }) {
  const { proposal } = draft;
  const penalty = proposal.penalty;
  return (
    <>
      <p class="lead">
        {draft.source === 'review'
          ? '决定内容取自法制审核通过的方案，无须重新填写。'
          : `决定内容取自事先告知书 ${draft.noticeNumber ?? ''}，无须重新填写。`}
      </p>
      <dl class="facts">
        <dt>决定类型</dt>
        <dd>{decisionTypeLabels[proposal.type ?? ''] ?? proposal.type}</dd>
        <dt>事实和理由</dt>
        <dd>{proposal.summary}</dd>
        <dt>法律依据</dt>
        <dd>{proposal.legalBasis}</dd>
        {penalty && (
          <>
            <dt>处罚</dt>
            <dd>
              {penaltyKindLabels[penalty.kind] ?? penalty.kind}
              {penalty.amount !== undefined && ` ${penalty.amount.toLocaleString('zh-CN')} 元`}
            </dd>
          </>
        )}
      </dl>
      <p class="hint">
        作出决定即生成决定书并编号。决定内容与审核通过的方案或告知的处罚不同的，须重新提请法制审核或重新告知。
      </p>
    </>
  );
}

/**
 * 作出决定: `POST /v1/cases/{id}/decision`. Its content is the approved proposal or the prior
 * notice (`GET /v1/cases/{id}/decision/draft`), shown and not typed again; only a case with
 * neither asks for it. A refusal names what is missing: the procedure steps
 * (PROCEDURE_INCOMPLETE, `steps.*`), an approved review of this same proposal (REVIEW_REQUIRED),
 * AV (AV_REQUIRED); each is shown with the step's own name from the case.
 */
export function IssueDecision({ caseId }: { caseId: string }) {
  const found = useLoad(
    () => must(api.GET('/v1/cases/{id}', { params: { path: { id: caseId } } })),
    [caseId],
  );
  const drafted = useLoad(() => loadDecisionDraft(caseId), [caseId]);
  const [form, setForm] = useState<ProposalForm>(emptyProposal);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<{ decidedAt: string; dueBy?: string | null; number: string }>();

  const labels = {
    ...proposalLabels(''),
    ...Object.fromEntries((found.data?.steps ?? []).map((step) => [`steps.${step.step}`, step.label])),
  };

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body = drafted.data?.source ? {} : proposalBody(form);
      const decision = await must(
        api.POST('/v1/cases/{id}/decision', { params: { path: { id: caseId } }, body }),
      );
      setIssued({
        decidedAt: decision.decidedAt,
        dueBy: decision.publication?.dueBy ?? null,
        number: decision.document.number,
      });
    } catch (caught) {
      setError(asApiError(caught));
      window.scrollTo(0, 0);
    }
    setBusy(false);
  }

  if (found.error || drafted.error) return <ErrorNotice error={found.error ?? drafted.error} />;
  if (!found.data || !drafted.data) return <p>正在加载……</p>;
  const draft = drafted.data;
  if (issued)
    return (
      <div class="notice notice-ok" role="status">
        <p class="notice-title">决定已作出（{date(issued.decidedAt)}）</p>
        <p>决定书文号：{issued.number}。送达后请制作送达回证，选择所送达的这份决定书。</p>
        {issued.dueBy && <p>应于 {date(issued.dueBy)} 前公示。</p>}
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
      {draft.source ? (
        <DraftContent draft={draft} />
      ) : (
        <>
          <fieldset>
            <legend>决定内容</legend>
            <ProposalFields form={form} onChange={setForm} error={error} />
          </fieldset>
          <p class="hint">重大执法决定须经法制审核通过且内容一致；法定程序未完成的不能作出决定。</p>
        </>
      )}
      <p class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? '正在提交……' : '作出决定'}
        </button>
      </p>
    </form>
  );
}
